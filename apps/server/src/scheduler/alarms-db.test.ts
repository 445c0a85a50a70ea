// clock_alarms in the database: rebuilt for every open case from its state, removed for closed ones, and never
// replaced by a computation from an older version of the case. Runs on PGlite (and PostgreSQL when configured).
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand } from '../cases/commands';
import { createDeps } from '../deps';
import { registerVk } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture } from '../test/fixtures';
import { rebuildAlarms, refreshAlarm, writeAlarmsOf } from './alarms';
import { clockAlarms } from './schema';

const msk = (local: string) => Date.parse(`${local}+03:00`);

describeEachDatabase('clock alarms', (getDb) => {
  it('rebuilds alarms of open cases, drops closed ones, keeps the newest version', async () => {
    // Wednesday 25 November 2026, 12:50 Moscow (konyshevsky-2020, Mon–Fri 09–13, 14–18).
    const registeredAt = msk('2026-11-25T12:50:00');
    const deps = createDeps({ database: getDb(), now: () => registeredAt });
    const org = await createOrgFixture(deps);
    const operator = (await loadCurrentUser(deps.db, org.people.operator.id, registeredAt))!.actor;
    const register = () =>
      executeCaseCommand(deps, {
        organisationId: org.organisationId,
        actor: operator,
        now: registeredAt,
        command: registerVk('https://vk.com/wall-1_1', 'Яма'),
      });
    const open = await register();
    const closed = await register();
    await executeCaseCommand(deps, {
      organisationId: org.organisationId,
      actor: operator,
      caseId: closed.caseId,
      now: registeredAt + 60_000,
      command: { type: 'reject', ground: 'obscene' },
    });
    // A stale row for the closed case, as a crash between commit and refresh would leave it.
    await deps.db
      .insert(clockAlarms)
      .values({ caseId: closed.caseId, organisationId: org.organisationId, fireAt: new Date(0), caseVersion: 1 });

    await rebuildAlarms(deps.db, registeredAt);
    const alarm = async (caseId: string) =>
      (await deps.db.select().from(clockAlarms).where(eq(clockAlarms.caseId, caseId)))[0];
    // triage, konyshevsky p.7: 30 working minutes from 12:50 end at 14:20 (lunch 13–14); at risk with 7.5 min left.
    expect((await alarm(open.caseId))?.fireAt.getTime()).toBe(msk('2026-11-25T14:12:30'));
    expect(await alarm(closed.caseId)).toBeUndefined();

    // A newer computation is already stored: an older one (version 0) does not replace it.
    await deps.db.update(clockAlarms).set({ caseVersion: 99 }).where(eq(clockAlarms.caseId, open.caseId));
    await refreshAlarm(deps.db, open.caseId, registeredAt);
    expect((await alarm(open.caseId))?.caseVersion).toBe(99);
  });

  it('stores an alarm at a fraction of a millisecond on the next whole one, never before its instant', async () => {
    const deps = createDeps({ database: getDb(), now: () => msk('2026-11-25T12:50:00') });
    const org = await createOrgFixture(deps);
    const operator = (await loadCurrentUser(deps.db, org.people.operator.id, msk('2026-11-25T12:50:00')))!.actor;
    const { caseId } = await executeCaseCommand(deps, {
      organisationId: org.organisationId,
      actor: operator,
      now: msk('2026-11-25T12:50:00'),
      command: registerVk('https://vk.com/wall-1_3', 'Яма'),
    });
    const instant = msk('2026-11-25T14:12:30') + 0.25;
    await writeAlarmsOf(deps.db, [{ id: caseId, organisationId: org.organisationId, version: 9, fireAt: instant }]);
    const [row] = await deps.db.select().from(clockAlarms).where(eq(clockAlarms.caseId, caseId));
    // A pass woken at 14:12:30.000 would find nothing due yet (the moment is 0.25 ms later) and take the case for stuck.
    expect(row?.fireAt.getTime()).toBe(msk('2026-11-25T14:12:30') + 1);
  });
});
