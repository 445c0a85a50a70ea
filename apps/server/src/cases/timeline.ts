// A case's timeline entries as every reader receives them: the case detail's timeline and the entries a live change
// carries to an open workspace are both mapped here, so a pushed entry is exactly what a reload would show.
import type { TimelineEntryMessage } from '@otklik/contract';
import { type CaseEvent, eventForReader } from '@otklik/domain';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { people } from '../db/schema';

export interface TimelineEvent {
  readonly seq: number;
  readonly version: number;
  readonly type: string;
  readonly actorName: string | null;
  readonly occurredAt: Date | number;
  readonly payload: CaseEvent;
}

/** `participant`: takes part in the case (the whole event); otherwise a reader, without the appeal's personal data. */
export function toTimelineEntry(e: TimelineEvent, participant: boolean): TimelineEntryMessage {
  return {
    seq: e.seq,
    version: e.version,
    type: e.type,
    actorName: e.actorName,
    occurredAt: typeof e.occurredAt === 'number' ? e.occurredAt : e.occurredAt.getTime(),
    payload: participant ? e.payload : eventForReader(e.payload),
  };
}

/** The names of the people who acted (system actors have none). */
export async function actorNames(db: DbOrTx, actorIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(actorIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, fullName: people.fullName })
    .from(people)
    .where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}
