// Sign in with a password, sign out, and "who am I" for the web app's start-up.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type CurrentUser, loadCurrentUser } from '../../auth/current-user';
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
    const [person] = await deps.db.select().from(people).where(eq(people.login, login));
    const ok =
      person?.active && person.passwordHash ? await verifyPassword(person.passwordHash, input.password) : false;
    if (!person || !ok) {
      deps.loginLimiter.recordFailure(key, now);
      throw new AppError('UNAUTHORIZED', 'Неверный логин или пароль / wrong login or password');
    }
    deps.loginLimiter.reset(key);
    // Logins are rare enough to carry the housekeeping of expired sessions.
    await deleteExpiredSessions(deps.db, now);
    const { token } = await createSession(deps.db, {
      personId: person.id,
      now,
      ttlMs: deps.sessionTtlMs,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    ctx.setCookie(sessionCookie(token, { maxAgeMs: deps.sessionTtlMs, secure: deps.cookieSecure }));
    const user = await loadCurrentUser(deps.db, person.id, now);
    if (!user)
      throw new AppError(
        'UNAUTHORIZED',
        'Учётная запись или её организация отключена / the account or its organisation is disabled',
      );
    return { user: describeUser(user), sessionExpiresAt: now + deps.sessionTtlMs };
  }),

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
