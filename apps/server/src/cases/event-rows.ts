// The case_events table as committed events: the rows a decision appends, the columns read back (by `returning` or
// a select) and the one mapping of such a row to the CommittedEvent the bus, realtime and notifications use.
import type { CaseEvent } from '@otklik/domain';
import { caseEvents } from '../db/schema';
import type { CommittedEvent } from '../events-bus';

/** The columns a committed event is built from: give them to `.returning(…)` or `.select(…)`. */
export const committedEventColumns = {
  seq: caseEvents.seq,
  caseId: caseEvents.caseId,
  organisationId: caseEvents.organisationId,
  version: caseEvents.version,
  type: caseEvents.type,
  actorId: caseEvents.actorId,
  occurredAt: caseEvents.occurredAt,
  payload: caseEvents.payload,
};

/** A row read with `committedEventColumns` (a wider row, e.g. with a join's columns, will do): a committed event
 *  with the instant as the database gives it. */
export type CommittedEventRow = Omit<CommittedEvent, 'occurredAt'> & { readonly occurredAt: Date };

export function toCommittedEvent(row: CommittedEventRow): CommittedEvent {
  return {
    seq: row.seq,
    caseId: row.caseId,
    organisationId: row.organisationId,
    version: row.version,
    type: row.type,
    actorId: row.actorId,
    occurredAt: row.occurredAt.getTime(),
    payload: row.payload,
  };
}

/** The rows that append `events` to a case at `version` (versions continue from it). `actorId`: the person who
 *  gave the command, null for the system; events the domain records as the system's (`by: 'system'`) store none. */
export function newEventRows(input: {
  caseId: string;
  organisationId: string;
  version: number;
  actorId: string | null;
  events: readonly CaseEvent[];
}): (typeof caseEvents.$inferInsert)[] {
  return input.events.map((event, i) => ({
    caseId: input.caseId,
    organisationId: input.organisationId,
    version: input.version + i + 1,
    type: event.type,
    actorId: event.by === 'system' ? null : input.actorId,
    actorKind: event.by === 'system' ? 'system' : 'person',
    occurredAt: new Date(event.at),
    payload: event,
  }));
}

/** Such rows as JSON objects named as case_events' columns, for one statement to read them all from one parameter
 *  (`json_populate_recordset(null::case_events, …)`): the command's writes and the scheduler's catch-up. */
export function eventRowsJson(rows: readonly (typeof caseEvents.$inferInsert)[]) {
  return rows.map((e) => ({
    case_id: e.caseId,
    organisation_id: e.organisationId,
    version: e.version,
    type: e.type,
    actor_id: e.actorId ?? null,
    actor_kind: e.actorKind,
    occurred_at: (e.occurredAt as Date).toISOString(),
    payload: e.payload,
  }));
}
