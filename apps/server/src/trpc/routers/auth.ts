// Sign in with a password (a local one, or the directory's through LDAP when configured), sign out, change one's own
// password, the sign-in methods the login page offers, and "who am I" for the web app's start-up. Every sign-in,
// failure, lock-out and password change goes to the audit log.
import { MAX_PASSWORD_LENGTH, passwordProblem } from '@otklik/domain';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { type CurrentUser, loadCurrentUser } from '../../auth/current-user';
import { recordDirectorySignIn } from '../../auth/directory-audit';
import { DIRECTORY_REFUSALS, matchDirectoryPerson } from '../../auth/directory-match';
import { forgetIdentities } from '../../auth/identity-cache';
import { DirectoryUnavailableError, ldapAuthenticate } from '../../auth/ldap';
import { hashPassword, verifyPasswordInConstantTime } from '../../auth/password';
import {
  clearSessionCookie,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  sessionCookie,
} from '../../auth/sessions';
import { hashSecret } from '../../auth/tokens';
import { people, sessions } from '../../db/schema';
import { appError, passwordRefused } from '../../errors/app-error';
import { zMe, zOk, zSignedIn, zSignInMethods } from '../outputs-directory';
import { protectedProcedure, publicProcedure, router } from '../trpc';

const zLogin = z.object({
  login: z.string().trim().min(1, 'validation.login-required').max(100),
  password: z.string().min(1, 'validation.password-required').max(MAX_PASSWORD_LENGTH),
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

const wrongLogin = () => appError('UNAUTHORIZED', 'auth.wrong-login', {});

export const authRouter = router({
  login: publicProcedure
    .input(zLogin)
    .output(zSignedIn)
    .mutation(async ({ ctx, input }) => {
      const { deps } = ctx;
      const login = input.login.toLowerCase();
      const now = deps.now();
      const blocked = await deps.loginLimiter.blocked(login, ctx.ip);
      if (blocked) {
        const minutes = Math.max(1, Math.ceil(blocked.retryAfterMs / 60_000));
        throw appError(
          'RATE_LIMITED',
          'auth.rate-limited',
          { scope: blocked.scope, minutes },
          { retryAfterMs: blocked.retryAfterMs, scope: blocked.scope },
        );
      }
      const [local] = await deps.db.select().from(people).where(eq(people.login, login));
      // The same argon2 work whether or not the login exists (issue 11 item 15: timing told which logins exist).
      const usable = local?.active ? local.passwordHash : null;
      let personId = (await verifyPasswordInConstantTime(usable, input.password)) && local ? local.id : null;
      // Local accounts first; then the directory, whose password is checked by the directory itself.
      const ldap = deps.signIn.ldap;
      let viaDirectory = false;
      if (!personId && ldap) {
        let outcome: Awaited<ReturnType<typeof ldapAuthenticate>>;
        try {
          outcome = await ldapAuthenticate(ldap, input.login, input.password);
        } catch (error) {
          if (error instanceof DirectoryUnavailableError)
            throw appError('UNAVAILABLE', 'auth.directory-unavailable', {});
          throw error;
        }
        if (outcome.ok) {
          const match = await matchDirectoryPerson(deps.db, outcome.identity);
          if (!match.ok) {
            await recordDirectorySignIn(deps.db, {
              method: 'ldap',
              personId: match.personId ?? null,
              who: match.who,
              ip: ctx.ip,
              at: now,
              refused: `directory-${match.code}`,
            });
            throw appError('FORBIDDEN', DIRECTORY_REFUSALS[match.code], { who: match.who });
          }
          personId = match.personId;
          viaDirectory = true;
        }
      }
      if (!personId) {
        const filled = await deps.loginLimiter.failed(login, ctx.ip);
        const base = {
          organisationId: local?.organisationId ?? null,
          actorId: local?.id ?? null,
          actorLogin: login,
          ip: ctx.ip,
          at: now,
          targetType: 'person',
          targetId: local?.id ?? null,
        };
        await recordAudit(deps.db, {
          ...base,
          action: 'sign-in.failed',
          details: { reason: !local ? 'unknown-login' : !local.active ? 'inactive' : 'wrong-password' },
        });
        if (filled.length > 0) {
          await recordAudit(deps.db, { ...base, action: 'sign-in.locked-out', details: { scopes: filled } });
        }
        throw wrongLogin();
      }
      await deps.loginLimiter.succeeded(login, ctx.ip);
      // An archived organisation's people hold no session at all (not one that fails on its first request).
      const user = await loadCurrentUser(deps.db, personId, now);
      if (!user) {
        await recordAudit(deps.db, {
          organisationId: null,
          actorId: personId,
          actorLogin: login,
          ip: ctx.ip,
          at: now,
          action: 'sign-in.failed',
          targetType: 'person',
          targetId: personId,
          details: { reason: 'account-or-organisation-disabled' },
        });
        throw appError('UNAUTHORIZED', 'auth.disabled', {});
      }
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
      await recordAudit(deps.db, {
        organisationId: user.organisationId,
        actorId: personId,
        actorLogin: login,
        ip: ctx.ip,
        at: now,
        action: 'sign-in',
        targetType: 'person',
        targetId: personId,
        ...(viaDirectory ? { details: { method: 'ldap', directoryAccount: input.login } } : {}),
      });
      return { user: describeUser(user), sessionExpiresAt: now + deps.sessionTtlMs };
    }),

  /** What the sign-in page offers: "Войти через …" for OpenID Connect; LDAP uses the normal form. */
  methods: publicProcedure.output(zSignInMethods).query(({ ctx }) => ({
    oidc: ctx.deps.signIn.oidc ? { name: ctx.deps.signIn.oidc.name, startUrl: '/api/auth/oidc/start' } : null,
    ldap: ctx.deps.signIn.ldap !== null,
  })),

  logout: publicProcedure.output(zOk).mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.deps.db, ctx.sessionToken);
    if (ctx.user) {
      await recordAudit(ctx.deps.db, {
        organisationId: ctx.user.organisationId,
        actorId: ctx.user.personId,
        actorLogin: ctx.user.login,
        ip: ctx.ip,
        at: ctx.deps.now(),
        action: 'sign-out',
        targetType: 'person',
        targetId: ctx.user.personId,
      });
    }
    ctx.setCookie(clearSessionCookie({ secure: ctx.deps.cookieSecure }));
    return { ok: true as const };
  }),

  /** Self-service: the current password, then a new one that passes the password rule. Other sessions of the person
   *  end (a stolen session does not survive the change); this one stays. */
  changePassword: protectedProcedure
    .input(
      z.object({
        currentPassword: z.string().min(1, 'validation.current-password-required').max(MAX_PASSWORD_LENGTH),
        newPassword: z.string().max(MAX_PASSWORD_LENGTH),
      }),
    )
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      const { deps, user } = ctx;
      const [person] = await deps.db.select().from(people).where(eq(people.id, user.personId));
      const ok = await verifyPasswordInConstantTime(person?.passwordHash ?? null, input.currentPassword);
      if (!ok) {
        await deps.loginLimiter.failed(user.login, ctx.ip);
        throw appError(
          'BAD_INPUT',
          'auth.current-password-wrong',
          {},
          {
            field: 'currentPassword',
          },
        );
      }
      const problem = passwordProblem(input.newPassword, user.login);
      if (problem) {
        throw passwordRefused(problem, 'newPassword');
      }
      const passwordHash = await hashPassword(input.newPassword);
      await deps.db.transaction(async (tx) => {
        await tx.update(people).set({ passwordHash }).where(eq(people.id, user.personId));
        const keep = ctx.sessionToken ? hashSecret(ctx.sessionToken) : '';
        await tx.delete(sessions).where(and(eq(sessions.personId, user.personId), ne(sessions.id, keep)));
        forgetIdentities();
        await recordAudit(tx, {
          organisationId: user.organisationId,
          actorId: user.personId,
          actorLogin: user.login,
          ip: ctx.ip,
          at: deps.now(),
          action: 'password.changed',
          targetType: 'person',
          targetId: user.personId,
        });
      });
      return { ok: true as const };
    }),

  /** The signed-in user, or null; the server time lets the client compute its clock offset. */
  me: publicProcedure.output(zMe).query(({ ctx }) => ({
    user: ctx.user ? describeUser(ctx.user) : null,
    serverTime: ctx.deps.now(),
  })),
});
