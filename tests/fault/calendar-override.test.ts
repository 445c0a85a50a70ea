// Issue 11 item 4: one invalid calendar override (2026-02-30) made intake, every command, case detail and the
// calendar page answer 500, so it could not even be undone from the screen. Now such a date is refused on input, and a
// bad value already stored is ignored (for that day only) and shown to the administrator, while everything else works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../apps/server/src/http/server';
import { createApiKey } from '../../apps/server/src/intake/api-keys';
import { createOrgFixture, type OrgFixture, signIn } from '../../apps/server/src/test/fixtures';

describe('an invalid calendar override', () => {
  let server: RunningServer;
  let org: OrgFixture;

  beforeAll(async () => {
    server = await startServer({ webDistDir: '/nonexistent' });
    org = await createOrgFixture(server.deps);
  });
  afterAll(() => server.close());

  it('is refused on input with a clear message', async () => {
    const admin = await signIn(server.deps, org.people.admin.login);
    await expect(admin.calendar.setOverrides({ extraDaysOff: ['2026-02-30'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      // The schema's key, which each reader words ("Такой даты нет в календаре" / "no such date in the calendar").
      cause: { issues: [expect.objectContaining({ path: ['extraDaysOff', 0], message: 'validation.no-such-date' })] },
    });
    await expect(admin.calendar.days({ from: '2026-02-30', to: '2026-03-02' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('stored anyway (by hand, or before validation), never takes down intake, commands, detail or the calendar', async () => {
    const raw = server.deps.database.raw;
    if (raw.kind !== 'pglite') throw new Error('PGlite expected');
    await raw.client.query('update organisations set calendar_overrides = $1 where id = $2', [
      JSON.stringify({ extraDaysOff: ['2026-02-30', '2026-12-31'], extraWorkingDays: [{ date: 'x' }] }),
      org.organisationId,
    ]);
    // Intake (HTTP, as a monitoring system).
    const { key } = await createApiKey(server.deps.db, org.organisationId, 'monitoring');
    const intake = await fetch(`${server.url}/api/intake`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        network: 'vk',
        externalId: 'cal-1',
        url: 'https://vk.com/wall-1_1',
        author: 'Житель',
        text: 'Яма во дворе',
      }),
    });
    expect(intake.status).toBe(201);
    const { caseId } = (await intake.json()) as { caseId: string };
    // A command, the case detail and the calendar page.
    const operator = await signIn(server.deps, org.people.operator.login);
    const triaged = await operator.cases.command({
      caseId,
      expectedVersion: 1,
      command: { type: 'triage', topic: 'дороги', location: 'центр', category: 'ordinary', processable: true },
    });
    expect(triaged.version).toBe(2);
    expect((await operator.cases.detail({ caseId })).clocks.active.length).toBeGreaterThan(0);
    const admin = await signIn(server.deps, org.people.admin.login);
    const days = await admin.calendar.days({ from: '2026-12-30', to: '2027-01-02' });
    // The valid override still applies; the invalid ones are listed for the administrator to fix.
    expect(days.days.find((d) => d.date === '2026-12-31')?.isWorkingDay).toBe(false);
    expect(days.invalidOverrides.map((p) => p.path)).toEqual(['extraDaysOff.0', 'extraWorkingDays.0']);
    // …and the administrator can undo it from the screen.
    await admin.calendar.setOverrides({ extraDaysOff: ['2026-12-31'] });
    expect((await admin.calendar.days({ from: '2026-12-31', to: '2026-12-31' })).invalidOverrides).toEqual([]);
  });
});
