// Sign in with a password (a local one, or the directory's through LDAP when configured), sign out, the sign-in
// methods the login page offers, and "who am I" for the web app's start-up.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type CurrentUser, loadCurrentUser } from '../../auth/current-user';
import { matchDirectoryPerson, refusalMessage } from '../../auth/directory-match';
import { DirectoryUnavailableError, ldapAuthenticate } from '../../auth/ldap';
import { verifyPassword } from '../../auth/password';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  SESSION_COOKIE,
  sessionCookie,
} from '../../auth/sessions';
import { people } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { publicProcedure, router } from '../trpc';

const zLogin = z.object({
  login: z.string().trim().min(1, 'Введите логин / enter your login').max(100),
  password: z.string().min(1, 'Введите пароль / enter your password').max(200),
});

const describeUser = (user: CurrentUser) => ({
  personId: user.personId,
  organisationId: user.organisationId,
  fullName: user.fullName,
  login: user.login,
  position: user.position,
  roles: user.roles,
  regionAdministrator: user.regionAdministrator,
  departmentId: user.departmentId,
  departmentIds: user.actor.departmentIds,
  substituteFor: user.actor.substituteFor ?? [],
});

export const authRouter = router({
  login: publicProcedure.input(zLogin).mutation(async ({ ctx, input }) => {
    const { deps } = ctx;
    const login = input.login.toLowerCase();
    const now = deps.now();
    const key = `${login}|${ctx.ip}`;
    const wait = deps.loginLimiter.retryAfter(key, now);
    if (wait > 0) {
      throw new AppError(
        'RATE_LIMITED',
        `Слишком много неудачных попыток входа. Повторите через ${Math.ceil(wait / 60_000)} мин. / ` +
          'too many failed attempts, try again later',
        { retryAfterMs: wait },
      );
    }
    const [local] = await deps.db.select().from(people).where(eq(people.login, login));
    const localOk =
      local?.active && local.passwordHash ? await verifyPassword(local.passwordHash, input.password) : false;
    let personId = localOk && local ? local.id : null;
    // Local accounts first; then the directory, whose password is checked by the directory itself.
    const ldap = deps.signIn.ldap;
    if (!personId && ldap) {
      let outcome: Awaited<ReturnType<typeof ldapAuthenticate>>;
      try {
        outcome = await ldapAuthenticate(ldap, input.login, input.password);
      } catch (error) {
        if (error instanceof DirectoryUnavailableError) throw new AppError('INTERNAL', error.message);
        throw error;
      }
      if (outcome.ok) {
        const match = await matchDirectoryPerson(deps.db, outcome.identity);
        if (!match.ok) throw new AppError('FORBIDDEN', refusalMessage(match));
        personId = match.personId;
      }
    }
    if (!personId) {
      deps.loginLimiter.recordFailure(key, now);
      throw new AppError('UNAUTHORIZED', 'Неверный логин или пароль / wrong login or password');
    }
    deps.loginLimiter.reset(key);
    // Logins are rare enough to carry the housekeeping of expired sessions.
    await deleteExpiredSessions(deps.db, now);
    const { token } = await createSession(deps.db, {
      personId,
      now,
      ttlMs: deps.sessionTtlMs,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    ctx.setCookie(sessionCookie(token, { maxAgeMs: deps.sessionTtlMs, secure: deps.cookieSecure }));
    const user = await loadCurrentUser(deps.db, personId, now);
    if (!user)
      throw new AppError(
        'UNAUTHORIZED',
        'Учётная запись или её организация отключена / the account or its organisation is disabled',
      );
    return { user: describeUser(user), sessionExpiresAt: now + deps.sessionTtlMs };
  }),

  /** What the sign-in page offers: "Войти через …" for OpenID Connect; LDAP uses the normal form. */
  methods: publicProcedure.query(({ ctx }) => ({
    oidc: ctx.deps.signIn.oidc ? { name: ctx.deps.signIn.oidc.name, startUrl: '/api/auth/oidc/start' } : null,
    ldap: ctx.deps.signIn.ldap !== null,
  })),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.deps.db, ctx.sessionToken);
    ctx.setCookie(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return { ok: true as const };
  }),

  /** The signed-in user, or null; the server time lets the client compute its clock offset. */
  me: publicProcedure.query(({ ctx }) => ({
    user: ctx.user ? describeUser(ctx.user) : null,
    serverTime: ctx.deps.now(),
  })),
});
