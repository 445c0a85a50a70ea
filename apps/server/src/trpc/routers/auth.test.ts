// auth router: password login sets an httpOnly SameSite=Lax cookie, sessions expire, logout ends them,
// failed attempts are rate-limited per login and address.
import { expect, it } from 'vitest';
import { DEFAULT_LOGIN_LIMITS } from '../../auth/login-limiter';
import { createDeps } from '../../deps';
import { describeEachDatabase } from '../../test/databases';
import { anonymousCaller, callerWithCookie, signIn, signInCookie, TEST_PASSWORD } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';
import { appRouter } from '../app-router';
import { createContext } from '../context';
import { createCallerFactory } from '../trpc';

const createCaller = createCallerFactory(appRouter);

describeEachDatabase('auth', (getDb) => {
  let clock = Date.UTC(2026, 10, 24, 9, 0);
  const fx = setUpOrgFixture(getDb, { now: () => clock, sessionTtlMs: 3600_000 });

  it('logs in with the right password and sets a session cookie', async () => {
    const { caller, cookies } = await anonymousCaller(fx.deps);
    const result = await caller.auth.login({ login: fx.org.people.curator.login, password: TEST_PASSWORD });
    expect(result.user.roles).toEqual(['curator']);
    expect(cookies[0]).toMatch(/^otklik_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3600$/);
    const me = await (await signIn(fx.deps, fx.org.people.curator.login)).auth.me();
    expect(me.user?.personId).toBe(fx.org.people.curator.id);
  });

  it('accepts the login in any letter case', async () => {
    const caller = await signIn(fx.deps, fx.org.people.admin.login.toUpperCase());
    expect((await caller.auth.me()).user?.login).toBe(fx.org.people.admin.login);
  });

  it('refuses a wrong password with a Russian message and sets no cookie', async () => {
    const { caller, cookies } = await anonymousCaller(fx.deps, '10.0.0.9');
    await expect(caller.auth.login({ login: fx.org.people.head.login, password: 'nope' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('Неверный логин или пароль'),
    });
    expect(cookies).toEqual([]);
  });

  it('stores the password as an argon2id hash', async () => {
    const { people } = await import('../../db/schema');
    const { eq } = await import('drizzle-orm');
    const [row] = await fx.deps.db.select().from(people).where(eq(people.id, fx.org.people.operator.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('expires the session after its lifetime', async () => {
    const cookie = await signInCookie(fx.deps, fx.org.people.operator.login);
    clock += 3600_000 - 1;
    await expect((await callerWithCookie(fx.deps, cookie)).directory.departments()).resolves.toHaveLength(3);
    clock += 2;
    // The same cookie one hour later: the session is gone.
    await expect((await callerWithCookie(fx.deps, cookie)).directory.departments()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('ends the session on logout', async () => {
    const { caller, cookies } = await anonymousCaller(fx.deps);
    await caller.auth.login({ login: fx.org.people.observer.login, password: TEST_PASSWORD });
    const cookie = cookies[0]!.split(';')[0];
    const ctx = await createContext(fx.deps, { cookieHeader: cookie, setCookie: (c) => cookies.push(c) });
    await createCaller(ctx).auth.logout();
    expect(cookies.at(-1)).toContain('Max-Age=0');
    const after = createCaller(await createContext(fx.deps, { cookieHeader: cookie }));
    expect((await after.auth.me()).user).toBeNull();
  });

  it('locks out a login+address after 5 failures, but not the same login from elsewhere', async () => {
    // A window far longer than five slow password checks on a busy machine: the lock must not lapse mid-test.
    const limited = createDeps({
      database: getDb(),
      loginLimits: { ...DEFAULT_LOGIN_LIMITS, accountAddress: { failures: 5, windowMs: 10 * 60_000 } },
    });
    const { caller } = await anonymousCaller(limited, '192.0.2.7');
    const login = fx.org.people.deputy.login;
    for (let i = 0; i < 5; i++) {
      await expect(caller.auth.login({ login, password: `bad${i}` })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    // Even the right password is refused while locked out.
    await expect(caller.auth.login({ login, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    const other = await anonymousCaller(limited, '192.0.2.8');
    await expect(other.caller.auth.login({ login, password: TEST_PASSWORD })).resolves.toBeTruthy();
  });

  it('lets a locked-out login+address in again once the window has passed', async () => {
    // The counters live in the database with their own clock (rate-limiter-flexible), so the window really elapses:
    // one failure locks this pair for 2 seconds. The lock is checked before the password, so the refusal right after
    // the failure does not depend on how long a password check takes.
    const limited = createDeps({
      database: getDb(),
      loginLimits: { ...DEFAULT_LOGIN_LIMITS, accountAddress: { failures: 1, windowMs: 2_000 } },
    });
    const { caller } = await anonymousCaller(limited, '192.0.2.9');
    const login = fx.org.people.deputy.login;
    await expect(caller.auth.login({ login, password: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.auth.login({ login, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(caller.auth.login({ login, password: TEST_PASSWORD })).resolves.toBeTruthy();
  });

  it('rejects empty input with a field message', async () => {
    const { caller } = await anonymousCaller(fx.deps);
    await expect(caller.auth.login({ login: '', password: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
