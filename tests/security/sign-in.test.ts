// Issue 11 item 15: the failed sign-in in constant work (an unknown login costs the same argon2 verification as a
// wrong password), limits per account+address, per address (spraying one password over many accounts) and per account
// (from everywhere), kept in the database; the address through trusted proxies only; the password rule; self-service
// password change; sign-ins, failures, lock-outs and role changes in the audit log, readable and exportable by the
// administrator.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOGIN_LIMITS } from '../../apps/server/src/auth/login-limiter';
import { testSession } from '../support/typed-client';
import { call, loginCookie, type SecurityNode, signedInNode, startSecurityNode } from './support/server';

// Counts argon2 verifications (the module the server's password.ts imports).
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../apps/server/node_modules/@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../apps/server/node_modules/@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      verifications.count++;
      return real.verify(...args);
    },
  };
});

const login = (url: string, login_: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ login: login_, password }),
  });

describe('sign-in', () => {
  let s: SecurityNode;
  beforeAll(async () => {
    s = await startSecurityNode({
      attachmentsDir: null,
      trustProxy: ['loopback'],
      loginLimits: {
        ...DEFAULT_LOGIN_LIMITS,
        address: { failures: 8, windowMs: 60_000 },
        account: { failures: 12, windowMs: 60_000 },
      },
    });
  });
  afterAll(() => s?.close());

  it('an unknown login costs the same argon2 verification as a wrong password', async () => {
    const xff = { 'x-forwarded-for': '198.51.100.1' };
    verifications.count = 0;
    expect((await login(s.url, 'nobody-at-all', 'Некий-пароль-1', xff)).status).toBe(401);
    const unknown = verifications.count;
    verifications.count = 0;
    expect((await login(s.url, s.org.people.head.login, 'Некий-пароль-1', xff)).status).toBe(401);
    expect(unknown).toBe(1);
    expect(verifications.count).toBe(1);
  });

  it('spraying one password over many accounts from one address is stopped', async () => {
    const xff = { 'x-forwarded-for': '198.51.100.2' };
    const statuses: number[] = [];
    for (const key of [
      'operator',
      'curator',
      'curator2',
      'roadsExecutor',
      'roadsExecutor2',
      'housingExecutor',
      'healthExecutor',
      'deputy',
      'head',
      'observer',
    ] as const) {
      statuses.push((await login(s.url, s.org.people[key].login, 'Лето2026!', xff)).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    // Another address is not affected.
    expect(
      (await login(s.url, s.org.people.head.login, 'test-pass', { 'x-forwarded-for': '198.51.100.3' })).status,
    ).toBe(200);
    process.stdout.write(
      `\nsign-in: spraying 10 accounts from one address: ${statuses.filter((x) => x === 401).length} tries, then ${statuses.filter((x) => x === 429).length} refused (429)\n`,
    );
  });

  it('one account guessed from many addresses is locked for everyone, and the lock-out is in the audit log', async () => {
    const target = s.org.people.observer.login;
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) {
      statuses.push((await login(s.url, target, `guess-${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
    }
    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(401));
    expect(statuses[12]).toBe(429);
    const admin = await loginCookie(s.url, s.org.people.admin.login, undefined, { 'x-forwarded-for': '192.0.2.50' });
    const lockouts = await call<{ entries: { actorLogin: string; details: { scopes: string[] } }[] }>(
      s.url,
      'audit.list',
      'query',
      { action: 'sign-in.locked-out' },
      admin,
      { 'x-forwarded-for': '192.0.2.50' },
    );
    expect(lockouts.data.entries.some((e) => e.actorLogin === target && e.details.scopes.includes('account'))).toBe(
      true,
    );
  });

  it('behind a trusted proxy, locking out one address does not lock the user out elsewhere', async () => {
    const victim = s.org.people.operator.login;
    for (let i = 0; i < 5; i++) await login(s.url, victim, `wrong-${i}`, { 'x-forwarded-for': '198.51.100.66' });
    expect((await login(s.url, victim, 'test-pass', { 'x-forwarded-for': '198.51.100.66' })).status).toBe(429);
    expect((await login(s.url, victim, 'test-pass', { 'x-forwarded-for': '198.51.100.77' })).status).toBe(200);
  });
});

describe('without a trusted proxy, X-Forwarded-For is not believed', () => {
  let s: SecurityNode;
  beforeAll(async () => {
    s = await startSecurityNode({ attachmentsDir: null });
  });
  afterAll(() => s?.close());

  it('records and limits the peer address, whatever the header says', async () => {
    await login(s.url, 'spoofer', 'x', { 'x-forwarded-for': '10.9.9.9' });
    const admin = await loginCookie(s.url, s.org.people.admin.login);
    await login(s.url, s.org.people.head.login, 'wrong-one', { 'x-forwarded-for': '10.9.9.9' });
    const failed = await call<{ entries: { ip: string; actorLogin: string }[] }>(
      s.url,
      'audit.list',
      'query',
      { action: 'sign-in.failed' },
      admin,
    );
    const entry = failed.data.entries.find((e) => e.actorLogin === s.org.people.head.login);
    expect(entry?.ip).toMatch(/127\.0\.0\.1/);
  });
});

describe('passwords and the audit log', () => {
  const node = signedInNode(['admin']);

  it('refuses short, common and login-like passwords, for an administrator and for oneself', async () => {
    for (const [password, code] of [
      ['short', 'password-too-short'],
      ['qwerty12345', 'password-too-common'],
      ['Password123', 'password-too-common'],
      ['aaaaaaaaaaaa', 'password-too-common'],
    ] as const) {
      const created = await call<unknown>(
        node.s.url,
        'directory.createPerson',
        'mutation',
        { fullName: 'Тест', login: `weak-${code}-${password.length}`, password, roles: ['observer'] },
        node.cookies.admin,
      );
      expect(created.status, password).toBe(400);
    }
    const curator = await loginCookie(node.s.url, node.s.org.people.curator.login);
    const own = node.s.org.people.curator.login;
    for (const newPassword of ['короткий', 'password1', `${own}-2026`]) {
      const r = await call(
        node.s.url,
        'auth.changePassword',
        'mutation',
        { currentPassword: 'test-pass', newPassword },
        curator,
      );
      expect(r.status, newPassword).toBe(400);
    }
  });

  it('self-service change: the old password stops working, other sessions end, this one stays, the log says so', async () => {
    const who = node.s.org.people.head;
    const here = testSession(node.s.url, await loginCookie(node.s.url, who.login)).api;
    const elsewhere = testSession(node.s.url, await loginCookie(node.s.url, who.login)).api;
    await expect(
      here.auth.changePassword.mutate({ currentPassword: 'not-it', newPassword: 'Берёза-под-окном-7' }),
    ).rejects.toMatchObject({ data: { httpStatus: 400 } });
    await here.auth.changePassword.mutate({ currentPassword: 'test-pass', newPassword: 'Берёза-под-окном-7' });
    expect((await here.auth.me.query()).user).not.toBeNull();
    expect((await elsewhere.auth.me.query()).user).toBeNull();
    expect((await login(node.s.url, who.login, 'test-pass')).status).toBe(401);
    expect((await login(node.s.url, who.login, 'Берёза-под-окном-7')).status).toBe(200);
    const log = await call<{ entries: { action: string; targetId: string }[] }>(
      node.s.url,
      'audit.list',
      'query',
      { action: 'password.changed' },
      node.cookies.admin,
    );
    expect(log.data.entries.map((e) => e.targetId)).toContain(who.id);
  });

  it('records sign-ins and role changes; the administrator filters the log and exports it as CSV', async () => {
    const promoted = node.s.org.people.observer;
    const r = await call(
      node.s.url,
      'directory.updatePerson',
      'mutation',
      { id: promoted.id, roles: ['observer', 'curator'] },
      node.cookies.admin,
    );
    expect(r.status).toBe(200);
    await loginCookie(node.s.url, promoted.login);
    const roles = await call<{ entries: { action: string; details: { before: string[]; after: string[] } }[] }>(
      node.s.url,
      'audit.list',
      'query',
      { action: 'person.roles-changed' },
      node.cookies.admin,
    );
    expect(roles.data.entries[0]?.details).toMatchObject({ before: ['observer'], after: ['observer', 'curator'] });
    const signIns = await call<{ entries: { actorLogin: string }[] }>(
      node.s.url,
      'audit.list',
      'query',
      { action: 'sign-in', text: promoted.login },
      node.cookies.admin,
    );
    expect(signIns.data.entries.length).toBeGreaterThan(0);
    expect(signIns.data.entries.every((e) => e.actorLogin === promoted.login)).toBe(true);
    // A login that looks like a formula is neutralised in the CSV.
    await login(node.s.url, '=cmd|calc', 'x');
    const csv = await call<{ fileName: string; csv: string }>(
      node.s.url,
      'audit.exportCsv',
      'query',
      {},
      node.cookies.admin,
    );
    expect(csv.data.fileName).toMatch(/^audit-.+\.csv$/);
    expect(csv.data.csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.data.csv).toContain('roles-changed');
    expect(csv.data.csv).not.toMatch(/;=cmd/);
    // Another organisation's administrator sees none of it.
    const otherAdmin = await loginCookie(node.s.url, node.s.other.people.admin.login);
    const theirs = await call<{ entries: { actorLogin: string }[] }>(
      node.s.url,
      'audit.list',
      'query',
      { action: 'person.roles-changed' },
      otherAdmin,
    );
    expect(theirs.data.entries).toEqual([]);
  });
});
