// Machine access of an organisation, managed by the administrator: API keys of the intake endpoint
// (POST /api/intake) and tokens of wall displays. Secrets are returned once, at creation.
import { z } from 'zod';
import { auditedCreate } from '../../audit/record';
import {
  createApiKey,
  createDisplayToken,
  listApiKeys,
  listDisplayTokens,
  revokeApiKey,
  revokeDisplayToken,
} from '../../intake/api-keys';
import { zId, zName } from '../inputs';
import { zApiKeyCreated, zApiKeyRow, zDisplayTokenCreated, zDisplayTokenRow } from '../outputs-directory';
import { adminProcedure, router } from '../trpc';
import { ownOrganisationList } from './own-list';
import { adminRemoveProcedure } from './remove-procedure';

export const intakeRouter = router({
  apiKeys: adminProcedure.output(z.array(zApiKeyRow)).query(ownOrganisationList(listApiKeys)),
  createApiKey: adminProcedure
    .input(z.object({ name: zName }))
    .output(zApiKeyCreated)
    .mutation(({ ctx, input }) =>
      auditedCreate(ctx, 'api-key.created', input, (tx, key) => createApiKey(tx, key.organisationId, key.name)),
    ),
  revokeApiKey: adminRemoveProcedure('api-key.revoked', revokeApiKey),

  displayTokens: adminProcedure.output(z.array(zDisplayTokenRow)).query(ownOrganisationList(listDisplayTokens)),
  createDisplayToken: adminProcedure
    .input(
      z.object({
        name: zName,
        filters: z.object({ departmentId: zId.optional(), category: z.string().max(50).optional() }).default({}),
      }),
    )
    .output(zDisplayTokenCreated)
    .mutation(({ ctx, input }) =>
      auditedCreate(ctx, 'display-token.created', input, (tx, token) =>
        createDisplayToken(tx, token.organisationId, token.name, token.filters),
      ),
    ),
  revokeDisplayToken: adminRemoveProcedure('display-token.revoked', revokeDisplayToken),
});
