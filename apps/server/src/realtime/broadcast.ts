// The broadcast of committed changes to this node's receivers, in windows per organisation (coalesce.ts): the rows
// of a window's cases are read once, each view group gets one `case:changes` message with its changes of
// the window (its own sequence: view-groups.ts), each kind of wall one with the wall's form, and open workspaces their
// cases' details. Who may see what is the domain's: a case's participants get its events, its readers the events
// without the appeal's personal data, nobody else anything; walls no payload, and a case outside a wall's filters as
// a removal.
import type { CaseChange, WallRowMessage } from '@otklik/contract';
import { caseAudiences } from '@otklik/domain';
import { partiesOfRow } from '../cases/access';
import { matchesWallFilters, type NamedBoardRow } from '../cases/board';
import { projectChangedRows, readWalls, toWallRowMessage, type Walls } from '../cases/rows';
import type { ServerDeps } from '../deps';
import type { CommittedEvent } from '../events-bus';
import { log } from '../log';
import { type CaseDetailMessages, caseDetailMessages } from './case-detail-push';
import { toChange, withRows } from './changes';
import { type BroadcastWindow, createBroadcastWindow, type WindowPart } from './coalesce';
import { toLiveBoardRows } from './live-rows';
import { caseAudienceRoom, caseRoom, displayRoom } from './rooms';
import type { Io } from './server';
import type { ViewGroups } from './view-groups';

/** No walls connected here: nothing to shape their rows with. */
const NO_WALLS: Walls = { directory: [], filterRooms: [] };

/** A case nobody may see any more (or a change sent only to keep a node's groups in step). */
const NO_AUDIENCE = { participants: [], readers: [] } as const;

/** How often an organisation's receivers are sent their changes at most (issue 15: a window of 100 ms keeps a board
 *  of a busy organisation at ~10 messages a second, within the 250 ms from commit to receipt). */
export const BROADCAST_INTERVAL_MS = 100;

/** What a window's send needs of the database. */
interface WindowRead {
  readonly rows: Map<string, NamedBoardRow>;
  readonly walls: Walls;
  readonly details: Map<string, CaseDetailMessages>;
}

export interface Broadcast {
  /** The case's row after these changes, as their command wrote it on this node: its window sends it unread. */
  written(events: readonly CommittedEvent[], row: NamedBoardRow): void;
  /** Changes of the organisation, in seq order, following `prev` (the delivery order's `send`). */
  send(organisationId: string, events: readonly CommittedEvent[], prev: number): void;
  /** The receivers must catch up before the next change sent (the delivery order's `restart`). */
  restart(organisationId: string): void;
  /** Resolves once everything handed over is sent. */
  idle(): Promise<void>;
}

export function createBroadcast(
  io: Io,
  deps: ServerDeps,
  views: ViewGroups,
  intervalMs = BROADCAST_INTERVAL_MS,
): Broadcast {
  const rooms = () => io.sockets.adapter.rooms;
  /** The row a change's command wrote, by the change (`written`): gone with the change once it is sent. */
  const writtenRows = new WeakMap<CommittedEvent, NamedBoardRow>();
  /** Whether anyone of the organisation may be sent a change of these cases on this node. */
  const anyoneHere = (organisationId: string, caseIds: readonly string[]) =>
    views.has(organisationId) ||
    rooms().has(displayRoom(organisationId)) ||
    caseIds.some((id) => rooms().has(caseRoom(id)));

  /** What a window's send needs of the database: the rows after the window, read once for every receiver (a client
   *  applies them instead of asking back; the parties come with them, closed cases included, in the same statement),
   *  and the details of the cases viewed here. Null: nobody of the organisation is connected here. */
  const read = async (
    organisationId: string,
    parts: readonly WindowPart<CommittedEvent>[],
  ): Promise<WindowRead | null> => {
    const events = parts.flatMap((p) => (p.kind === 'events' ? p.events : []));
    // Each case's last change of the window: its row is the one that change's write left, when this node's command
    // wrote it (`written`); the others' (another node's commands, the scheduler's, a hole read from the log) are read.
    const lastOf = new Map<string, CommittedEvent>();
    for (const event of events) lastOf.set(event.caseId, event);
    const caseIds = [...lastOf.keys()];
    if (events.length === 0 || !anyoneHere(organisationId, caseIds)) return null;
    const rows = new Map<string, NamedBoardRow>();
    const unknown: string[] = [];
    for (const [caseId, last] of lastOf) {
      const row = writtenRows.get(last);
      if (row) rows.set(caseId, row);
      else unknown.push(caseId);
    }
    const viewed = caseIds.filter((id) => rooms().has(caseRoom(id)));
    const [projected, details] = await Promise.all([
      unknown.length > 0 ? projectChangedRows(deps.db, organisationId, unknown, deps.now()) : null,
      caseDetailMessages(deps.db, events, viewed),
    ]);
    for (const [caseId, row] of projected?.rows ?? []) rows.set(caseId, row);
    // The walls come with rows read; with none read (or none found), on their own, when walls are connected here.
    const walls =
      projected && projected.rows.size > 0
        ? projected.walls
        : rooms().has(displayRoom(organisationId))
          ? await readWalls(deps.db, organisationId)
          : NO_WALLS;
    return { rows, walls, details };
  };

  const send = (organisationId: string, parts: readonly WindowPart<CommittedEvent>[], read: WindowRead | null) => {
    const last = parts.flatMap((p) => (p.kind === 'events' ? p.events : [])).at(-1);
    if (!read) {
      // Nobody of the organisation was connected here: the groups formed later start after the window.
      for (const part of parts) if (part.kind === 'restart') views.restart(organisationId);
      if (last) views.passed(organisationId, last.seq);
      return;
    }
    const { rows, walls, details } = read;
    const open = [...rows.values()].filter((r) => r.isOpen);
    const board = toLiveBoardRows(open);
    const partiesOf = (caseId: string) => {
      const projected = rows.get(caseId);
      return projected && partiesOfRow(projected);
    };

    // Each group's changes of the window, in seq order, chained by the group's own previous seq.
    const toGroups = new Map<string, CaseChange[]>();
    const toWalls: CaseChange[] = [];
    const wallsHere = rooms().has(displayRoom(organisationId));
    for (const part of parts) {
      if (part.kind === 'restart') {
        views.restart(organisationId);
        continue;
      }
      let prev = part.prev;
      for (const event of part.events) {
        const parties = partiesOf(event.caseId);
        const audiences = parties ? caseAudiences(parties) : NO_AUDIENCE;
        for (const to of views.route(organisationId, { seq: event.seq, orgPrevSeq: prev }, audiences)) {
          const list = toGroups.get(to.room) ?? [];
          if (list.length === 0) toGroups.set(to.room, list);
          list.push(toChange(event, to.prevSeq, to.kind));
        }
        if (wallsHere) toWalls.push(toChange(event, prev, 'display'));
        prev = event.seq;
      }
    }
    // Participants and readers get the same board row; a closed case, or one no longer read, is a removal.
    const boardRow = (caseId: string) => board.rows.get(caseId) ?? null;
    for (const [room, changes] of toGroups) {
      io.local.to(room).emit('case:changes', { changes: withRows(changes, boardRow), rules: board.rules });
    }
    if (toWalls.length > 0) {
      // Walls get the wall row; those configured with filters (a room per set of filters) a removal of a case outside
      // them.
      const wallRows = new Map<string, WallRowMessage>(open.map((r) => [r.id, toWallRowMessage(r, walls.directory)]));
      const wallRow = (caseId: string) => wallRows.get(caseId) ?? null;
      io.local
        .to(displayRoom(organisationId))
        .except(walls.filterRooms.map((w) => w.room))
        .emit('case:changes', { changes: withRows(toWalls, wallRow), rules: {} });
      for (const { room, filters } of walls.filterRooms) {
        if (!rooms().has(room)) continue;
        const within = (caseId: string) => {
          const row = rows.get(caseId);
          return row?.isOpen && matchesWallFilters(row, filters) ? wallRow(caseId) : null;
        };
        io.local.to(room).emit('case:changes', { changes: withRows(toWalls, within), rules: {} });
      }
    }
    // Open workspaces of the changed cases get what their detail shows, in their audience's form: a case nobody
    // views here costs nothing.
    for (const [caseId, detail] of details) {
      const parties = partiesOf(caseId);
      if (!parties) continue;
      const { participants, readers } = caseAudiences(parties);
      const toRooms = (list: readonly string[]) => list.map((a) => caseAudienceRoom(caseId, a));
      io.local.to(toRooms(participants)).emit('case:detail', detail.participant);
      io.local.to(toRooms(readers)).except(toRooms(participants)).emit('case:detail', detail.reader);
    }
  };

  const window: BroadcastWindow<CommittedEvent> = createBroadcastWindow<CommittedEvent, WindowRead | null>({
    intervalMs,
    read,
    send,
    onError: (error) => log.error({ err: error }, 'realtime broadcast failed'),
  });
  return {
    written(events, row) {
      const last = events.findLast((e) => e.caseId === row.id);
      if (last) writtenRows.set(last, row);
    },
    send(organisationId, events, prev) {
      const last = events.at(-1);
      if (!last) return;
      if (!window.busy(organisationId) && !anyoneHere(organisationId, [...new Set(events.map((e) => e.caseId))])) {
        // Nothing of the organisation waits and nobody of it is connected here: nothing to read or send, nothing to do
        // per change; the groups formed later start after the batch.
        views.passed(organisationId, last.seq);
        return;
      }
      window.add(organisationId, { kind: 'events', events, prev });
    },
    restart(organisationId) {
      window.add(organisationId, { kind: 'restart' });
    },
    idle: () => window.idle(),
  };
}
