// The audit log for the organisation's administrator: a filtered, paged list and a CSV export of the same filter.
import { z } from 'zod';
import { AUDIT_ACTION_NAMES } from '../../audit/actions';
import { auditCsv, listAudit } from '../../audit/read';
import { getOrganisation } from '../../directory/organisations';
import { zId, zInstant } from '../inputs';
import { zAuditCsv, zAuditPage } from '../outputs-reports';
import { adminProcedure, router } from '../trpc';

const zFilters = z.object({
  from: zInstant.optional(),
  to: zInstant.optional(),
  action: z.enum(AUDIT_ACTION_NAMES).optional(),
  actorId: zId.optional(),
  text: z.string().trim().max(200).optional(),
});

export const auditRouter = router({
  list: adminProcedure
    .input(
      zFilters
        .extend({ before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).optional() })
        .default({}),
    )
    .output(zAuditPage)
    .query(({ ctx, input }) => listAudit(ctx.deps.db, ctx.user.organisationId, input)),

  /** The filtered log as CSV (UTF-8 with BOM, ';'), times in the organisation's time zone, words in the reader's
   *  language (`lang`, Russian when not given). */
  exportCsv: adminProcedure
    .input(zFilters.extend({ lang: z.enum(['ru', 'en']).optional() }).default({}))
    .output(zAuditCsv)
    .query(async ({ ctx, input }) => {
      const { lang, ...filters } = input;
      const org = await getOrganisation(ctx.deps.db, ctx.user.organisationId);
      return {
        fileName: `audit-${org.slug}.csv`,
        csv: await auditCsv(ctx.deps.db, ctx.user.organisationId, filters, org.timeZone, lang),
      };
    }),

  actions: adminProcedure.output(z.array(z.enum(AUDIT_ACTION_NAMES)).readonly()).query(() => AUDIT_ACTION_NAMES),
});
