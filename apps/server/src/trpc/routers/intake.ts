// Machine access of an organisation, managed by the administrator: API keys of the intake endpoint
// (POST /api/intake) and tokens of wall displays. Secrets are returned once, at creation.
import { z } from 'zod';
import { audited } from '../../audit/record';
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
  createApiKey: adminProcedure.input(z.object({ name: zName })).mutation(({ ctx, input }) =>
    audited(
      ctx,
      (tx) => createApiKey(tx, ctx.user.organisationId, input.name),
      (k) => ({ action: 'api-key.created', targetType: 'api-key', targetId: k.id, details: { name: input.name } }),
    ),
  ),
  revokeApiKey: adminProcedure.input(z.object({ id: zId })).mutation(async ({ ctx, input }) => {
    await audited(ctx, (tx) => revokeApiKey(tx, ctx.user.organisationId, input.id, ctx.deps.now()), {
      action: 'api-key.revoked',
      targetType: 'api-key',
      targetId: input.id,
    });
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
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        (tx) => createDisplayToken(tx, ctx.user.organisationId, input.name, input.filters),
        (t) => ({ action: 'display-token.created', targetType: 'display-token', targetId: t.id, details: input }),
      ),
    ),
  revokeDisplayToken: adminProcedure.input(z.object({ id: zId })).mutation(async ({ ctx, input }) => {
    await audited(ctx, (tx) => revokeDisplayToken(tx, ctx.user.organisationId, input.id, ctx.deps.now()), {
      action: 'display-token.revoked',
      targetType: 'display-token',
      targetId: input.id,
    });
    return { ok: true as const };
  }),
});
