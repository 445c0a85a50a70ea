// Machine access of an organisation, managed by the administrator: API keys of the intake endpoint
// (POST /api/intake) and tokens of wall displays. Secrets are returned once, at creation.
import { z } from 'zod';
import {
  createApiKey,
  createDisplayToken,
  listApiKeys,
  listDisplayTokens,
  revokeApiKey,
  revokeDisplayToken,
} from '../../intake/api-keys';
import { zId, zName } from '../inputs';
import { adminProcedure, router } from '../trpc';

export const intakeRouter = router({
  apiKeys: adminProcedure.query(({ ctx }) => listApiKeys(ctx.deps.db, ctx.user.organisationId)),
  createApiKey: adminProcedure
    .input(z.object({ name: zName }))
    .mutation(({ ctx, input }) => createApiKey(ctx.deps.db, ctx.user.organisationId, input.name)),
  revokeApiKey: adminProcedure.input(z.object({ id: zId })).mutation(async ({ ctx, input }) => {
    await revokeApiKey(ctx.deps.db, ctx.user.organisationId, input.id, ctx.deps.now());
    return { ok: true as const };
  }),

  displayTokens: adminProcedure.query(({ ctx }) => listDisplayTokens(ctx.deps.db, ctx.user.organisationId)),
  createDisplayToken: adminProcedure
    .input(
      z.object({
        name: zName,
        filters: z.object({ departmentId: zId.optional(), category: z.string().max(50).optional() }).default({}),
      }),
    )
    .mutation(({ ctx, input }) => createDisplayToken(ctx.deps.db, ctx.user.organisationId, input.name, input.filters)),
  revokeDisplayToken: adminProcedure.input(z.object({ id: zId })).mutation(async ({ ctx, input }) => {
    await revokeDisplayToken(ctx.deps.db, ctx.user.organisationId, input.id, ctx.deps.now());
    return { ok: true as const };
  }),
});
