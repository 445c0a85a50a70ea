// The remembered identity of a session (auth/identity-cache.ts) never outlives the change that alters it: a
// deactivated person, a changed role, a new absence, a department's deputy and a sign-out are seen by the very next
// request, though the requests before it were answered from memory (no statement sent).
import { beforeAll, expect, it } from 'vitest';
import { createDeps, type ServerDeps } from '../deps';
import { createAbsence } from '../directory/absences';
import { updateDepartment } from '../directory/departments';
import { updatePerson } from '../directory/people';
import { describeEachDatabase } from '../test/databases';
import { callerWithCookie, createOrgFixture, type OrgFixture, signInCookie } from '../test/fixtures';
import { countStatements } from '../test/statement-counter';
import { IDENTITY_QUIET_MS } from './identity-cache';

const NOW = Date.UTC(2026, 10, 24, 7, 0);
const settle = () => new Promise((resolve) => setTimeout(resolve, IDENTITY_QUIET_MS + 50));

describeEachDatabase('remembered identities', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;

  beforeAll(async () => {
    deps = createDeps({ database: getDb(), now: () => NOW });
    org = await createOrgFixture(deps);
  });

  /** auth.me as one HTTP request would run it, and how many statements identifying the person took. */
  async function me(cookie: string) {
    const { result, recording } = await countStatements(async () => (await callerWithCookie(deps, cookie)).auth.me());
    return { user: result.user, statements: recording.statements.length };
  }

  it('sees a role change, an absence and a new deputy at the next request', async () => {
    const cookie = await signInCookie(deps, org.people.roadsExecutor2.login);
    await settle();
    expect((await me(cookie)).user?.roles).toEqual(['executor']);
    expect((await me(cookie)).statements).toBe(0);
    await updatePerson(deps.db, {
      organisationId: org.organisationId,
      id: org.people.roadsExecutor2.id,
      roles: ['executor', 'curator'],
    });
    expect((await me(cookie)).user?.roles).toEqual(['executor', 'curator']);

    await createAbsence(deps.db, {
      organisationId: org.organisationId,
      personId: org.people.roadsExecutor.id,
      substituteId: org.people.roadsExecutor2.id,
      reason: 'leave',
      startsAt: NOW - 3_600_000,
      endsAt: NOW + 86_400_000,
    });
    expect((await me(cookie)).user?.substituteFor).toEqual([org.people.roadsExecutor.id]);

    await updateDepartment(deps.db, {
      organisationId: org.organisationId,
      id: org.departments.health,
      supervisingDeputyId: org.people.roadsExecutor2.id,
    });
    expect((await me(cookie)).user?.departmentIds).toEqual(
      expect.arrayContaining([org.departments.roads, org.departments.health]),
    );
  });

  it('refuses a deactivated person and a signed-out session at the next request', async () => {
    const cookie = await signInCookie(deps, org.people.housingExecutor.login);
    const other = await signInCookie(deps, org.people.healthExecutor.login);
    await settle();
    expect((await me(cookie)).user?.login).toBe(org.people.housingExecutor.login);
    expect((await me(cookie)).statements).toBe(0);
    await updatePerson(deps.db, {
      organisationId: org.organisationId,
      id: org.people.housingExecutor.id,
      active: false,
    });
    expect((await me(cookie)).user).toBeNull();

    await settle();
    expect((await me(other)).user?.login).toBe(org.people.healthExecutor.login);
    expect((await me(other)).statements).toBe(0);
    await (await callerWithCookie(deps, other)).auth.logout();
    expect((await me(other)).user).toBeNull();
  });
});
