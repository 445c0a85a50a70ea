// The scheduler's batched catch-up: due at-risk and breach moments of many cases in two organisations, fallen due
// while no node ran, are recorded at their true instants in one pass, and every alarm moves on to the next moment.
// The pass writes every case row and its events in one guarded statement, on top of a fixed number of statements
// (a count, not a time).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand } from '../cases/commands';
import { caseEvents, cases } from '../db/schema';
import { createDeps } from '../deps';
import { registerVk } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture } from '../test/fixtures';
import { countStatements } from '../test/statement-counter';
import { catchUpDue } from './catch-up';
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
          command: registerVk(`https://vk.com/wall-1_${k}_${i}`, 'Яма у остановки'),
        });
        caseIds.push(r.caseId);
      }
    }
    const leadership = { isLeader: true, lastError: null, confirm: async () => true, release: async () => {} };
    // The rebuild on taking the lead only (its periodic repeat is not what is counted here).
    const scheduler = startScheduler({ deps, pollMs: 3_600_000, rebuildEveryMs: 86_400_000, leadership });
    try {
      await scheduler.tick(); // behind the loop's first pass, the rebuild on taking the lead; nothing is due yet
      // After a rebuild the loop goes again at once (its 0 ms timer is already set): let that pass run as well, so
      // the loop sleeps (the next alarm is over an hour away) and only the pass below runs while it is counted.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await scheduler.tick();
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
      // Each case row as projected at the breach instant: its version, the board's columns and the folded state.
      const rows = await deps.db
        .select({
          version: cases.version,
          dueAt: cases.dueAt,
          updatedAt: cases.updatedAt,
          flags: cases.flags,
          currentStep: cases.currentStep,
          clocks: cases.clocks,
          state: cases.state,
        })
        .from(cases)
        .where(inArray(cases.id, caseIds));
      for (const row of rows) {
        expect(row.version).toBe(3);
        expect(row.state.version).toBe(3);
        expect(row.state.clocks.find((c) => c.id === 'triage@1')?.breachedAt).toBe(msk('2026-11-25T14:20:00') + 1);
        expect(row.dueAt?.getTime()).toBe(msk('2026-11-25T14:20:00'));
        expect(row.updatedAt.getTime()).toBe(msk('2026-11-25T14:20:00') + 1);
        expect(row.flags).toContain('breached');
        expect(row.currentStep).toBe('triage');
        expect(row.clocks.map((c) => [c.id, c.status])).toEqual([
          ['triage@1', 'breached'],
          ['answer@1', 'on-track'],
        ]);
      }
      // The answer (p.10): 8 working hours from 12:50 are due Thursday 12:50; at risk with 2 hours left: 10:50.
      const alarms = await deps.db
        .select({ caseId: clockAlarms.caseId, fireAt: clockAlarms.fireAt })
        .from(clockAlarms)
        .where(inArray(clockAlarms.caseId, caseIds));
      expect(alarms.map((a) => a.fireAt.getTime())).toEqual(caseIds.map(() => msk('2026-11-26T10:50:00')));
      // One statement writes every case row and its events (7 rows here); everything else is per pass (the due
      // cases, the transaction's alarms, the check that none is still due, the next alarm) or per organisation (its
      // rules, its lock).
      const updates = recording.statements.filter((s) => s.includes('update "cases"')).length;
      expect(updates).toBe(1);
      expect(recording.statements.filter((s) => s.includes('insert into case_events')).length).toBe(1);
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

  it('leaves a case changed between the read and the write for the next pass, and writes the others', async () => {
    // Wednesday 25 November 2026, 12:50 Moscow, as above: triage at risk 14:12:30, breached 14:20 (+1 ms).
    let now = msk('2026-11-25T12:50:00');
    const deps = createDeps({ database: getDb(), now: () => now });
    const org = await createOrgFixture(deps);
    const operator = (await loadCurrentUser(deps.db, org.people.operator.id, now))!.actor;
    const caseIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await executeCaseCommand(deps, {
        organisationId: org.organisationId,
        actor: operator,
        command: {
          type: 'register',
          network: 'vk',
          link: `https://vk.com/wall-2_${i}`,
          author: { name: 'Мария' },
          text: 'Не горит фонарь',
          attachments: [],
          visibility: 'public',
        },
      });
      caseIds.push(r.caseId);
    }
    const changed = caseIds[1]!;
    // The pass reads the due cases first; before its transaction a person's command moves one case's version on.
    const db = new Proxy(deps.db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<typeof target.transaction>) => {
          await target
            .update(cases)
            .set({ version: sql`${cases.version} + 1` })
            .where(eq(cases.id, changed));
          return target.transaction(...args);
        };
      },
    });
    now = msk('2026-11-25T15:00:00');
    const pass = await catchUpDue({ ...deps, db }, now, 200);
    expect(pass.due).toBe(3);
    expect(pass.retry).toEqual([changed]);
    expect([...pass.done].sort()).toEqual(caseIds.filter((id) => id !== changed).sort());
    const events = await deps.db
      .select({ caseId: caseEvents.caseId, type: caseEvents.type })
      .from(caseEvents)
      .where(and(inArray(caseEvents.caseId, caseIds), inArray(caseEvents.type, ['clock-at-risk', 'clock-breached'])))
      // In the log's order: without it PostgreSQL may return a case's two events either way round.
      .orderBy(caseEvents.seq);
    for (const caseId of caseIds) {
      expect(events.filter((e) => e.caseId === caseId).map((e) => e.type)).toEqual(
        caseId === changed ? [] : ['clock-at-risk', 'clock-breached'],
      );
    }
    // The changed case's alarm stays where it was (still due); the others move to the answer's at-risk moment.
    const alarms = await deps.db
      .select({ caseId: clockAlarms.caseId, fireAt: clockAlarms.fireAt })
      .from(clockAlarms)
      .where(inArray(clockAlarms.caseId, caseIds));
    expect(new Map(alarms.map((a) => [a.caseId, a.fireAt.getTime()]))).toEqual(
      new Map(caseIds.map((id) => [id, id === changed ? msk('2026-11-25T14:12:30') : msk('2026-11-26T10:50:00')])),
    );
  });
});
