// The remembered identity of a session (auth/identity-cache.ts) never outlives the change that alters it: a
// deactivated person, a changed role, a new absence, a department's deputy and a sign-out are seen by the very next
// request, though the requests before it were answered from memory (no statement sent).
import { expect, it } from 'vitest';
import { createAbsence } from '../directory/absences';
import { updateDepartment } from '../directory/departments';
import { updatePerson } from '../directory/people';
import { describeEachDatabase } from '../test/databases';
import { callerWithCookie, signInCookie } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';
import { countStatements } from '../test/statement-counter';
import { IDENTITY_QUIET_MS } from './identity-cache';

const NOW = Date.UTC(2026, 10, 24, 7, 0);
const settle = () => new Promise((resolve) => setTimeout(resolve, IDENTITY_QUIET_MS + 50));

describeEachDatabase('remembered identities', (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => NOW });

  /** auth.me as one HTTP request would run it, and how many statements identifying the person took. */
  async function me(cookie: string) {
    const { result, recording } = await countStatements(async () =>
      (await callerWithCookie(fx.deps, cookie)).auth.me(),
    );
    return { user: result.user, statements: recording.statements.length };
  }

  it('sees a role change, an absence and a new deputy at the next request', async () => {
    const cookie = await signInCookie(fx.deps, fx.org.people.roadsExecutor2.login);
    await settle();
    expect((await me(cookie)).user?.roles).toEqual(['executor']);
    expect((await me(cookie)).statements).toBe(0);
    await updatePerson(fx.deps.db, {
      organisationId: fx.org.organisationId,
      id: fx.org.people.roadsExecutor2.id,
      roles: ['executor', 'curator'],
    });
    expect((await me(cookie)).user?.roles).toEqual(['executor', 'curator']);

    await createAbsence(fx.deps.db, {
      organisationId: fx.org.organisationId,
      personId: fx.org.people.roadsExecutor.id,
      substituteId: fx.org.people.roadsExecutor2.id,
      reason: 'leave',
      startsAt: NOW - 3_600_000,
      endsAt: NOW + 86_400_000,
    });
    expect((await me(cookie)).user?.substituteFor).toEqual([fx.org.people.roadsExecutor.id]);

    await updateDepartment(fx.deps.db, {
      organisationId: fx.org.organisationId,
      id: fx.org.departments.health,
      supervisingDeputyId: fx.org.people.roadsExecutor2.id,
    });
    expect((await me(cookie)).user?.departmentIds).toEqual(
      expect.arrayContaining([fx.org.departments.roads, fx.org.departments.health]),
    );
  });

  it('refuses a deactivated person and a signed-out session at the next request', async () => {
    const cookie = await signInCookie(fx.deps, fx.org.people.housingExecutor.login);
    const other = await signInCookie(fx.deps, fx.org.people.healthExecutor.login);
    await settle();
    expect((await me(cookie)).user?.login).toBe(fx.org.people.housingExecutor.login);
    expect((await me(cookie)).statements).toBe(0);
    await updatePerson(fx.deps.db, {
      organisationId: fx.org.organisationId,
      id: fx.org.people.housingExecutor.id,
      active: false,
    });
    expect((await me(cookie)).user).toBeNull();

    await settle();
    expect((await me(other)).user?.login).toBe(fx.org.people.healthExecutor.login);
    expect((await me(other)).statements).toBe(0);
    await (await callerWithCookie(fx.deps, other)).auth.logout();
    expect((await me(other)).user).toBeNull();
  });
});
