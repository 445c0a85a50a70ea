// The rows each audience is shown of a case, in one place: the board row (board, inbox, tasks, the case header), the
// wall row (no personal data), and their wire form for live changes. Snapshots and the realtime broadcast both read
// from here, so a live row is exactly what a reload would show.

import type { WallRowMessage } from '@otklik/contract';
import { type DirectoryPlace, wallPlaceOf } from '@otklik/domain';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/connect';
import { fromJson, rowsOf } from '../db/driver-values';
import type { SqlValue } from '../db/template-statement';
import { wallFilterRoom } from '../realtime/rooms';
import {
  type BoardRow,
  currentAbsencesColumn,
  listNamedRows,
  type NamedBoardRow,
  toNamedRow,
  type WallFilters,
} from './board';
import type { CaseRow } from './row-json';

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

/** The organisation's walls alone (a window whose rows all came from the commands' own writes). */
export async function readWalls(db: DbOrTx, organisationId: string): Promise<Walls> {
  const { keys, places } = wallColumns(organisationId);
  const [read] = rowsOf<{ keys: unknown; places: unknown }>(
    await db.execute(sql`select ${keys} as keys, ${places} as places`),
  );
  return toWalls(organisationId, read ?? null);
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

/** What a command's write reads besides its row, for the row's named form (`writtenBoardRow`): the names the row
 *  shows and the absences going on (the case's number comes back with the row). Columns of the write's last select,
 *  read in its statement: no statement of their own. */
export function writtenRowColumns(row: {
  organisationId: SqlValue<string>;
  /** The row's responsible person and department (null: none). */
  personId: SqlValue<string | null>;
  departmentId: SqlValue<string | null>;
  /** The instant the row is named at, as ISO text (the absences going on then). */
  at: SqlValue<string>;
}) {
  return {
    personName: sql`(select p.full_name from people p where p.id = ${row.personId}::uuid)`,
    departmentName: sql`(select d.name from departments d where d.id = ${row.departmentId}::uuid)`,
    away: currentAbsencesColumn(row.organisationId, row.at),
  };
}

/** JSON values as the database gives them back (jsonb and json columns): what JSON keeps of them. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The named board row a command has just written, from the row it wrote and what its statement read with it
 *  (`writtenRowColumns`): the row `projectChangedRows` would read right after, without reading it (realtime takes
 *  a window's rows from the commands committed on this node; realtime/written-batch.test.ts compares the two). */
export function writtenBoardRow(
  written: { caseId: string; organisationId: string; number: number; row: CaseRow; now: number },
  read: { personName?: unknown; departmentName?: unknown; away?: unknown },
): NamedBoardRow {
  const { row } = written;
  return toNamedRow(
    {
      id: written.caseId,
      number: written.number,
      organisationId: written.organisationId,
      version: row.version,
      status: row.status,
      currentStep: row.currentStep,
      dueAt: row.dueAt,
      responsiblePersonId: row.responsiblePersonId,
      responsiblePersonName: typeof read.personName === 'string' ? read.personName : null,
      responsibleDepartmentId: row.responsibleDepartmentId,
      responsibleDepartmentName: typeof read.departmentName === 'string' ? read.departmentName : null,
      departmentIds: row.departmentIds,
      executorIds: row.executorIds,
      partyDepartmentIds: row.partyDepartmentIds,
      partyExecutorIds: row.partyExecutorIds,
      category: row.category,
      topic: row.topic,
      location: row.location,
      network: row.network,
      url: row.url,
      author: row.author,
      // left(text, 280): characters (code points), not UTF-16 units.
      excerpt: Array.from(row.text).slice(0, 280).join(''),
      isPublic: row.isPublic,
      flags: row.flags,
      clocks: asStored(row.clocks),
      chain: asStored(row.chain),
      isOpen: row.isOpen,
      detectedAt: row.detectedAt,
      postedAt: row.postedAt,
      closedAt: row.closedAt,
      updatedAt: row.updatedAt,
      boardClocks: asStored(row.boardClocks),
      boardRules: asStored(row.boardRules),
    },
    read.away,
    written.now,
  );
}
