// What an open case workspace receives with a committed change: the batch's events of the case as timeline entries
// and the case's state after it, once for its participants and once for its readers (without the appeal's personal
// data). The workspace derives its clocks and actions from the state with the domain: it asks the server nothing.
import type { CaseDetailChange } from '@otklik/contract';
import { stateForReader } from '@otklik/domain';
import { inArray, sql } from 'drizzle-orm';
import { toTimelineEntry } from '../cases/timeline';
import type { DbOrTx } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { cases } from '../db/schema';
import type { CommittedEvent } from '../events-bus';

export interface CaseDetailMessages {
  readonly participant: CaseDetailChange;
  readonly reader: CaseDetailChange;
}

/** The detail changes of a committed batch, per case, for the cases in `caseIds` (those someone may be viewing). */
export async function caseDetailMessages(
  db: DbOrTx,
  events: readonly CommittedEvent[],
  caseIds: readonly string[],
): Promise<Map<string, CaseDetailMessages>> {
  const out = new Map<string, CaseDetailMessages>();
  if (caseIds.length === 0) return out;
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId === null ? [] : [e.actorId])))];
  // The states and the names of the batch's actors in one statement (it runs on every change another node may show).
  const rows = await db
    .select({
      id: cases.id,
      state: cases.state,
      names:
        actorIds.length === 0
          ? sql<unknown>`null`
          : sql<unknown>`(select json_object_agg(p.id, p.full_name) from people p where p.id in (${sql.join(
              actorIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}))`,
    })
    .from(cases)
    .where(inArray(cases.id, [...caseIds]));
  const names = new Map(Object.entries(fromJson<Record<string, string> | null>(rows[0]?.names ?? null) ?? {}));
  for (const row of rows) {
    const mine = events.filter((e) => e.caseId === row.id).sort((a, b) => a.version - b.version);
    const last = mine.at(-1);
    if (!last) continue;
    // The stored projection is written by the same transaction as the events (cases/commands.ts): it is the
    // domain's fold, of this batch or of a later one (never older).
    const state = row.state;
    const entries = (participant: boolean) =>
      mine.map((e) =>
        toTimelineEntry({ ...e, actorName: e.actorId === null ? null : (names.get(e.actorId) ?? null) }, participant),
      );
    out.set(row.id, {
      participant: { caseId: row.id, version: last.version, state, entries: entries(true) },
      reader: { caseId: row.id, version: last.version, state: stateForReader(state), entries: entries(false) },
    });
  }
  return out;
}
