// Stored projections of an older state model are folded again from their events: the event log is the truth, the
// `cases.state` column a cache of its fold. Runs after the migrations at every start; a no-op once all are current.
import { replay, STATE_MODEL } from '@otklik/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { caseEvents, cases } from '../db/schema';
import { loadOrganisationRules, type OrganisationRules } from './domain-context';
import { projectCase } from './projection';

const PAGE = 200;

/** Re-folds every case whose stored state has another model than this code's; returns how many it rewrote. */
export async function refoldStaleCases(db: DbOrTx, now: number): Promise<number> {
  const rules = new Map<string, Promise<OrganisationRules>>();
  let total = 0;
  for (;;) {
    const stale = await db
      .select({ id: cases.id, organisationId: cases.organisationId, version: cases.version })
      .from(cases)
      .where(sql`coalesce((${cases.state}->>'stateModel')::int, 0) <> ${STATE_MODEL}`)
      .orderBy(asc(cases.id))
      .limit(PAGE);
    if (stale.length === 0) return total;
    let progressed = 0;
    for (const row of stale) {
      const events = await db
        .select({ payload: caseEvents.payload })
        .from(caseEvents)
        .where(eq(caseEvents.caseId, row.id))
        .orderBy(asc(caseEvents.version));
      const state = replay(events.map((e) => e.payload));
      const key = `${row.organisationId}|${state.profileId ?? ''}`;
      let r = rules.get(key);
      if (!r) {
        r = loadOrganisationRules(db, row.organisationId, state.profileId);
        rules.set(key, r);
      }
      const { profile, calendar } = await r;
      const projected = projectCase(state, profile, calendar, now);
      // A command that landed meanwhile already wrote the current model: the version guard leaves it alone.
      const updated = await db
        .update(cases)
        .set({ ...projected, updatedAt: new Date(now) })
        .where(and(eq(cases.id, row.id), eq(cases.version, row.version)))
        .returning({ id: cases.id });
      progressed += updated.length;
    }
    total += progressed;
    if (progressed === 0) return total;
  }
}
