// Sign-in through LDAP against a real directory: Debian's slapd started by the test on a free port. Directory users
// are matched to Otklik people by login or e-mail; roles stay in Otklik, so an unknown directory user is refused
// with a message; local accounts keep working; the login cannot inject into the search filter; a directory that
// is down leaves local sign-in working.
import { randomBytes } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema-security';
import { createDeps, type ServerDeps } from '../deps';
import { createPerson } from '../directory/people';
import { createTestDatabase } from '../test/databases';
import { anonymousCaller, createOrgFixture, type OrgFixture } from '../test/fixtures';
import { hasSlapd, type Slapd, startSlapd } from '../test/slapd';
import { escapeFilterValue, type LdapSettings } from './ldap';

const required = process.env.OTKLIK_REQUIRE_SLAPD === '1';
if (!hasSlapd && required) throw new Error('slapd is required (OTKLIK_REQUIRE_SLAPD=1) but /usr/sbin/slapd is missing');
if (!hasSlapd) process.stderr.write('NOTICE: slapd is not installed: the LDAP sign-in tests are skipped.\n');

describe.skipIf(!hasSlapd)('LDAP sign-in (slapd)', () => {
  const tag = randomBytes(3).toString('hex');
  let slapd: Slapd;
  let deps: ServerDeps;
  let org: OrgFixture;
  let close: () => Promise<void>;
  let settings: LdapSettings;
  beforeAll(async () => {
    slapd = await startSlapd([
      { uid: `petrova-${tag}`, cn: 'Петрова Анна', mail: `petrova-${tag}@example.org`, password: 'Dir-Pass-1' },
      { uid: `a.sidorov-${tag}`, cn: 'Сидоров Алексей', mail: `sidorov-${tag}@example.org`, password: 'Dir-Pass-2' },
      { uid: `stranger-${tag}`, cn: 'Посторонний', mail: `stranger-${tag}@example.org`, password: 'Dir-Pass-3' },
    ]);
    const database = await createTestDatabase('pglite');
    close = () => database.close();
    settings = {
      url: slapd.url,
      baseDn: slapd.baseDn,
      bindDn: slapd.adminDn,
      bindPassword: slapd.adminPassword,
      userFilter: '(|(uid={login})(mail={login}))',
    };
    deps = createDeps({ database, signIn: { oidc: null, ldap: settings } });
    org = await createOrgFixture(deps);
    // In Otklik: Petrova by the same login (no local password), Sidorov by e-mail under another login.
    await createPerson(deps.db, {
      organisationId: org.organisationId,
      fullName: 'Петрова Анна',
      login: `petrova-${tag}`,
      roles: ['curator'],
    });
    await createPerson(deps.db, {
      organisationId: org.organisationId,
      fullName: 'Сидоров Алексей',
      login: `sidorov-${tag}`,
      email: `Sidorov-${tag}@Example.org`,
      roles: ['executor'],
      departmentId: org.departments.roads,
    });
  }, 60_000);
  afterAll(async () => {
    await slapd?.stop();
    await close?.();
  });

  /** The audit entries of sign-ins, oldest first. */
  const signIns = async () =>
    (await deps.db.select().from(auditLog).orderBy(asc(auditLog.id))).filter((e) => e.action.startsWith('sign-in'));

  const signIn = async (login: string, password: string, d = deps) => {
    const { caller, cookies } = await anonymousCaller(d, `10.1.${randomBytes(1)[0]}.${randomBytes(1)[0]}`);
    const result = await caller.auth.login({ login, password });
    return { result, cookies };
  };

  it('signs a directory user in with the directory password, matched by login, roles from Otklik', async () => {
    const { result, cookies } = await signIn(`petrova-${tag}`, 'Dir-Pass-1');
    expect(result.user).toMatchObject({ login: `petrova-${tag}`, roles: ['curator'] });
    expect(cookies[0]).toMatch(/^otklik_session=/);
    expect((await signIns()).filter((e) => e.actorLogin === `petrova-${tag}`)).toMatchObject([
      { action: 'sign-in', organisationId: org.organisationId, details: { method: 'ldap' } },
    ]);
  });

  it('matches by e-mail when the directory login differs', async () => {
    const { result } = await signIn(`a.sidorov-${tag}`, 'Dir-Pass-2');
    expect(result.user).toMatchObject({ login: `sidorov-${tag}`, roles: ['executor'] });
  });

  it('refuses a wrong directory password like any wrong password', async () => {
    await expect(signIn(`petrova-${tag}`, 'wrong')).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('Неверный логин или пароль'),
    });
  });

  it('refuses a directory user unknown to Otklik with a message, and creates nobody', async () => {
    await expect(signIn(`stranger-${tag}`, 'Dir-Pass-3')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(`«stranger-${tag}» из каталога не заведена в Otklik`),
    });
    // The refusal is audited (installation-level: the account is nobody's in Otklik).
    expect((await signIns()).filter((e) => e.actorLogin === `stranger-${tag}`)).toMatchObject([
      {
        action: 'sign-in.failed',
        organisationId: null,
        details: { method: 'ldap', reason: 'directory-unknown', directoryAccount: `stranger-${tag}` },
      },
    ]);
  });

  it('keeps local accounts working', async () => {
    const { result } = await signIn(org.people.admin.login, 'test-pass');
    expect(result.user.login).toBe(org.people.admin.login);
  });

  it('does not let the login change the search filter', async () => {
    expect(escapeFilterValue('*)(uid=*')).toBe('\\2a\\29\\28uid=\\2a');
    // "*" would match every entry (and the first one's password would be tried): escaped, it matches none.
    await expect(signIn('*', 'Dir-Pass-1')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(signIn(`petrova-${tag})(uid=*`, 'Dir-Pass-1')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('says so when the directory is down, and local sign-in still works', async () => {
    const down = createDeps({
      database: deps.database,
      signIn: { oidc: null, ldap: { ...settings, url: 'ldap://127.0.0.1:9', timeoutMs: 2_000 } },
    });
    await expect(signIn(`petrova-${tag}`, 'Dir-Pass-1', down)).rejects.toMatchObject({
      message: expect.stringContaining('Каталог (LDAP) не отвечает'),
      // The catalogue's key, which the web words in its reader's language.
      cause: { refusal: { key: 'auth.directory-unavailable' } },
    });
    const { result } = await signIn(org.people.admin.login, 'test-pass', down);
    expect(result.user.login).toBe(org.people.admin.login);
  });
});
