// The rows each audience is shown of a case, in one place: the board row (board, inbox, tasks, the case header), the
// wall row (no personal data), and their wire form for live changes. Snapshots and the realtime broadcast both read
// from here, so a live row is exactly what a reload would show.

import type { WallRowMessage } from '@otklik/contract';
import { type DirectoryPlace, wallPlaceOf } from '@otklik/domain';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { wallFilterRoom } from '../realtime/rooms';
import { type BoardRow, listNamedRows, type NamedBoardRow, type WallFilters } from './board';

/** A display token's stored filters; anything unreadable shows every case (as the snapshot always did). */
export const zWallFilters: z.ZodType<WallFilters> = z
  .object({ departmentId: z.string().optional(), category: z.string().optional() })
  .catch({});

/** A board row as the wall may show it: no author, no text, no names of people; the place only as the directory's
 *  settlement or district the free-text location names (ул. Советская, 10, кв. 5 (Кузьмина М.) gives nothing). */
export function toWallRow(r: BoardRow, directory: readonly DirectoryPlace[]) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    currentStep: r.currentStep,
    dueAt: r.dueAt,
    responsibleDepartmentId: r.responsibleDepartmentId,
    responsibleDepartmentName: r.responsibleDepartmentName,
    category: r.category,
    topic: r.topic,
    location: wallPlaceOf(r.location, directory)?.name ?? null,
    network: r.network,
    flags: r.flags,
    clocks: r.clocks,
    isOpen: r.isOpen,
    detectedAt: r.detectedAt,
  };
}

const ms = (d: Date) => d.getTime();
const msOrNull = (d: Date | null) => d?.getTime() ?? null;

/** The columns the board shows of a row, instants as epoch ms, with the row's clocks in the form `clocks` gives
 *  (the snapshot's compact page and the live row share this one mapping; one object per row, no copies). */
export function boardShownColumns<C>(r: BoardRow, clocks: C) {
  return {
    id: r.id,
    number: r.number,
    organisationId: r.organisationId,
    version: r.version,
    status: r.status,
    currentStep: r.currentStep,
    dueAt: msOrNull(r.dueAt),
    responsiblePersonId: r.responsiblePersonId,
    responsiblePersonName: r.responsiblePersonName,
    responsibleDepartmentId: r.responsibleDepartmentId,
    responsibleDepartmentName: r.responsibleDepartmentName,
    absentPersonId: r.absentPersonId,
    departmentIds: r.departmentIds,
    executorIds: r.executorIds,
    category: r.category,
    topic: r.topic,
    location: r.location,
    network: r.network,
    author: r.author,
    excerpt: r.excerpt,
    flags: r.flags,
    clocks,
    chain: r.chain,
    isOpen: r.isOpen,
    detectedAt: ms(r.detectedAt),
  };
}

/** The wall row of a live change (`toWallRow`, instants as epoch ms). */
export function toWallRowMessage(r: BoardRow, directory: readonly DirectoryPlace[]): WallRowMessage {
  const w = toWallRow(r, directory);
  return { view: 'wall', ...w, dueAt: msOrNull(w.dueAt), detectedAt: ms(w.detectedAt) };
}

/** What the broadcast needs to shape wall rows of an organisation: its place directory, and the distinct filters its
 *  live wall keys are configured with (each a room of the walls sharing them). */
export interface Walls {
  readonly directory: DirectoryPlace[];
  readonly filterRooms: { room: string; filters: WallFilters }[];
}

/** The organisation's live wall keys and place directory, read with the changed rows (it runs on every committed
 *  change). Places in the order listPlaces gives. */
function wallColumns(organisationId: string) {
  return {
    keys: sql<unknown>`(select coalesce(json_agg(t.filters), '[]') from display_tokens t where t.organisation_id = ${organisationId} and t.revoked_at is null)`,
    places: sql<unknown>`(select coalesce(json_agg(json_build_object('name', p.name, 'kind', p.kind) order by p.name asc), '[]') from places p where p.organisation_id = ${organisationId})`,
  };
}

function toWalls(organisationId: string, read: { keys?: unknown; places?: unknown } | null): Walls {
  const filterRooms = new Map<string, WallFilters>();
  for (const stored of fromJson<unknown[]>(read?.keys ?? [])) {
    const filters = zWallFilters.parse(stored);
    const room = wallFilterRoom(organisationId, filters);
    if (room) filterRooms.set(room, filters);
  }
  return {
    directory: fromJson<DirectoryPlace[]>(read?.places ?? []),
    filterRooms: [...filterRooms].map(([room, filters]) => ({ room, filters })),
  };
}

/** The current board rows of the cases a committed batch changed (closed cases included: their change is a
 *  removal) and the organisation's walls, in one statement. Not filtered by viewer: the broadcast sends each row to
 *  the case's audiences only. No row read: no walls either (nothing open to show on them). */
export async function projectChangedRows(
  db: DbOrTx,
  organisationId: string,
  caseIds: readonly string[],
  now: number,
): Promise<{ rows: Map<string, NamedBoardRow>; walls: Walls }> {
  if (caseIds.length === 0) return { rows: new Map(), walls: toWalls(organisationId, null) };
  const { rows, extra } = await listNamedRows(
    db,
    organisationId,
    { ids: [...caseIds], includeClosed: true, now },
    wallColumns(organisationId),
  );
  return { rows: new Map(rows.map((r) => [r.id, r])), walls: toWalls(organisationId, extra) };
}
