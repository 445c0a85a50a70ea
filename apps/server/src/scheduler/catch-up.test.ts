// The scheduler's batched catch-up: due at-risk and breach moments of many cases in two organisations, fallen due
// while no node ran, are recorded at their true instants in one pass, and every alarm moves on to the next moment.
// The pass costs one guarded update per case on top of a fixed number of statements (a count, not a time).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand } from '../cases/commands';
import { caseEvents } from '../db/schema';
import { createDeps } from '../deps';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture } from '../test/fixtures';
import { countStatements } from '../test/statement-counter';
import { startScheduler } from './scheduler';
import { clockAlarms } from './schema';

const msk = (local: string) => Date.parse(`${local}+03:00`);

describeEachDatabase('scheduler catch-up', (getDb) => {
  it('records every due moment of many cases at its instant in one pass', async () => {
    // Wednesday 25 November 2026, 12:50 Moscow (konyshevsky-2020: Mon–Fri 09–13, 14–18).
    let now = msk('2026-11-25T12:50:00');
    const deps = createDeps({ database: getDb(), now: () => now });
    const orgs = [await createOrgFixture(deps), await createOrgFixture(deps)];
    const caseIds: string[] = [];
    for (const [k, org] of orgs.entries()) {
      const operator = (await loadCurrentUser(deps.db, org.people.operator.id, now))!.actor;
      for (let i = 0; i < (k === 0 ? 5 : 2); i++) {
        const r = await executeCaseCommand(deps, {
          organisationId: org.organisationId,
          actor: operator,
          command: {
            type: 'register',
            network: 'vk',
            link: `https://vk.com/wall-1_${k}_${i}`,
            author: { name: 'Иван' },
            text: 'Яма у остановки',
            attachments: [],
            visibility: 'public',
          },
        });
        caseIds.push(r.caseId);
      }
    }
    const leadership = { isLeader: true, lastError: null, confirm: async () => true, release: async () => {} };
    // The rebuild on taking the lead only (its periodic repeat is not what is counted here).
    const scheduler = startScheduler({ deps, pollMs: 3_600_000, rebuildEveryMs: 86_400_000, leadership });
    try {
      await scheduler.tick(); // the rebuild on taking the lead; nothing is due yet
      // No node ran until 15:00. Triage (konyshevsky p.7): 30 working minutes from 12:50 end at 14:20 (13–14 is
      // lunch); at risk with a quarter left, 7.5 minutes before: 14:12:30; breached from the next millisecond.
      now = msk('2026-11-25T15:00:00');
      const { recording } = await countStatements(() => scheduler.tick());
      const events = await deps.db
        .select({ caseId: caseEvents.caseId, type: caseEvents.type, at: caseEvents.occurredAt })
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, caseIds), inArray(caseEvents.type, ['clock-at-risk', 'clock-breached'])))
        .orderBy(asc(caseEvents.seq));
      for (const caseId of caseIds) {
        expect(events.filter((e) => e.caseId === caseId).map((e) => [e.type, e.at.getTime()])).toEqual([
          ['clock-at-risk', msk('2026-11-25T14:12:30')],
          ['clock-breached', msk('2026-11-25T14:20:00') + 1],
        ]);
      }
      // The answer (p.10): 8 working hours from 12:50 are due Thursday 12:50; at risk with 2 hours left: 10:50.
      const alarms = await deps.db
        .select({ caseId: clockAlarms.caseId, fireAt: clockAlarms.fireAt })
        .from(clockAlarms)
        .where(inArray(clockAlarms.caseId, caseIds));
      expect(alarms.map((a) => a.fireAt.getTime())).toEqual(caseIds.map(() => msk('2026-11-26T10:50:00')));
      // One guarded update per case; everything else is per pass (the due cases, the transaction's events and
      // alarms, the check that none is still due, the next alarm) or per organisation (its rules, its lock).
      const updates = recording.statements.filter((s) => s.startsWith('update "cases"')).length;
      expect(updates).toBe(caseIds.length);
      expect(recording.statements.length - updates).toBeLessThanOrEqual(6 + 2 * orgs.length);
      expect(recording.transactions).toBe(1);
      // Nothing more is due: another pass records nothing.
      await scheduler.tick();
      const again = await deps.db
        .select({ seq: caseEvents.seq })
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, caseIds), eq(caseEvents.type, 'clock-breached')));
      expect(again).toHaveLength(caseIds.length);
    } finally {
      await scheduler.stop();
    }
  });
});
