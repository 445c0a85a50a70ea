// The role matrix over the API: for every role, which procedures are allowed and which are refused with FORBIDDEN
// (the middleware), before any domain rule is consulted. Case-level rules (which executor) are in cases.test.ts.
import { beforeAll, expect, it } from 'vitest';
import { vkComment } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { type Caller, signIn } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';

type RoleKey = 'operator' | 'curator' | 'roadsExecutor' | 'deputy' | 'head' | 'admin' | 'observer';
const ROLE_KEYS: RoleKey[] = ['operator', 'curator', 'roadsExecutor', 'deputy', 'head', 'admin', 'observer'];

/** Each probe: what it calls, and the roles allowed through. */
const PROBES: { name: string; allowed: RoleKey[]; call: (c: Caller, tag: string) => Promise<unknown> }[] = [
  { name: 'cases.board', allowed: ROLE_KEYS, call: (c) => c.cases.board({}) },
  { name: 'directory.people', allowed: ROLE_KEYS, call: (c) => c.directory.people() },
  { name: 'profiles.list', allowed: ROLE_KEYS, call: (c) => c.profiles.list() },
  {
    name: 'cases.register',
    allowed: ['operator', 'curator'],
    call: (c, tag) => c.cases.register(vkComment(`https://vk.com/${tag}`, 'Проверка ролей')),
  },
  {
    name: 'directory.createDepartment',
    allowed: ['admin'],
    call: (c, tag) => c.directory.createDepartment({ name: `Отдел ${tag}` }),
  },
  { name: 'calendar.setOverrides', allowed: ['admin'], call: (c) => c.calendar.setOverrides({}) },
  {
    name: 'profiles.setForOrganisation',
    allowed: ['admin'],
    call: (c) => c.profiles.setForOrganisation({ profileId: 'konyshevsky-2020' }),
  },
  { name: 'intake.apiKeys', allowed: ['admin'], call: (c) => c.intake.apiKeys() },
  {
    name: 'intake.createDisplayToken',
    allowed: ['admin'],
    call: (c, tag) => c.intake.createDisplayToken({ name: tag }),
  },
];

describeEachDatabase('role matrix', (getDb) => {
  const fx = setUpOrgFixture(getDb);
  const callers = {} as Record<RoleKey, Caller>;
  beforeAll(async () => {
    for (const key of ROLE_KEYS) callers[key] = await signIn(fx.deps, fx.org.people[key].login);
  });

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    for (const role of ROLE_KEYS) {
      const attempt = probe.call(callers[role], `${probe.name}-${role}`);
      if (probe.allowed.includes(role)) await expect(attempt, role).resolves.toBeDefined();
      else await expect(attempt, role).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('refuses every procedure but auth to an anonymous visitor', async () => {
    const { anonymousCaller } = await import('../test/fixtures');
    const { caller } = await anonymousCaller(fx.deps);
    for (const probe of PROBES) {
      await expect(probe.call(caller, 'anon'), probe.name).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });
});
