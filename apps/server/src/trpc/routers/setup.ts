// The first-run page: while no organisation exists, whoever holds the one-time code from the server log creates the
// first organisation and its administrator (a region administrator) and is signed in as them.

import { bilingualServerMessage } from '@otklik/contract';
import { z } from 'zod';
import { createSession, sessionCookie } from '../../auth/sessions';
import { LOCK_KEYS, withAdvisoryLock } from '../../db/advisory-lock';
import { AppError, appError } from '../../errors/app-error';
import { log } from '../../log';
import { createOrganisationWithAdmin, hasNoOrganisation } from '../../setup/new-organisation';
import { newOrganisationInput, zNewOrganisation } from '../inputs-organisation';
import { zSetupDone, zSetupStatus } from '../outputs-directory';
import { publicProcedure, router } from '../trpc';

export const setupRouter = router({
  /** `needed`: no organisation yet (the web app shows the first-run page); `codeIssued`: this server printed a code. */
  status: publicProcedure.output(zSetupStatus).query(async ({ ctx }) => ({
    needed: await hasNoOrganisation(ctx.deps.db),
    codeIssued: ctx.deps.setup.open,
  })),

  complete: publicProcedure
    .input(zNewOrganisation.extend({ code: z.string().trim().min(1, 'validation.setup-code-required') }))
    .output(zSetupDone)
    .mutation(async ({ ctx, input }) => {
      const { deps } = ctx;
      const { code, ...organisation } = input;
      if (!deps.setup.take(code)) {
        throw appError(
          'FORBIDDEN',
          'setup.wrong-code',
          {},
          {
            errors: [{ path: 'code', message: bilingualServerMessage('setup.wrong-code-field', {}) }],
          },
        );
      }
      try {
        const created = await withAdvisoryLock(deps.database, LOCK_KEYS.firstRun, async () => {
          if (!(await hasNoOrganisation(deps.db))) {
            throw appError('CONFLICT', 'setup.done', {});
          }
          return createOrganisationWithAdmin(deps.db, newOrganisationInput(organisation, true));
        });
        const now = deps.now();
        const { token } = await createSession(deps.db, {
          personId: created.admin.id,
          now,
          ttlMs: deps.sessionTtlMs,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
        });
        ctx.setCookie(sessionCookie(token, { maxAgeMs: deps.sessionTtlMs, secure: deps.cookieSecure }));
        log.info(
          { organisation: created.organisation.slug, admin: created.admin.login },
          'first run: organisation and administrator created',
        );
        return { organisationId: created.organisation.id, slug: created.organisation.slug };
      } catch (error) {
        // Nothing was created (bad input, a race): the code stays good for the next try.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) deps.setup.restore(code);
        throw error;
      }
    }),
});
