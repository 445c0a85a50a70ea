// The administrator's removal (or revocation) of one row of their own organisation, by its id: the same procedure
// for places, absences, API keys and display tokens, audited in the same transaction.
import { z } from 'zod';
import { auditedRemove } from '../../audit/record';
import { zId } from '../inputs';
import { zOk } from '../outputs-directory';
import { adminProcedure } from '../trpc';

export const adminRemoveProcedure = (
  action: Parameters<typeof auditedRemove>[1],
  remove: Parameters<typeof auditedRemove>[3],
) =>
  adminProcedure
    .input(z.object({ id: zId }))
    .output(zOk)
    .mutation(({ ctx, input }) => auditedRemove(ctx, action, input.id, remove));
