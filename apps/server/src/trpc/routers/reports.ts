// Reports: the monthly summary with its drill-down, surges of activity and their thresholds, repeat candidates for
// the case workspace, and the head's overview. Procedures stay thin; the work is in src/reports.
import { AREA_ROLES, SURGE_THRESHOLD_EDITORS, zSurgeThresholds } from '@otklik/domain';
import { z } from 'zod';
import { auditedOrganisationSettings } from '../../audit/record';
import { caseRows } from '../../reports/drilldown';
import { headOverview } from '../../reports/head-overview';
import { monthlyReportAsOf } from '../../reports/monthly-cache';
import { repeatCandidates } from '../../reports/repeats';
import { listActiveSurges, listRecentSurges, thresholdsOf } from '../../reports/surges';
import { zId } from '../inputs';
import {
  zHeadOverview,
  zMonthlyReport,
  zRepeatCandidate,
  zReportCase,
  zSurgeRow,
  zSurgeThresholdsOut,
} from '../outputs-reports';
import { protectedProcedure, router, withRoles } from '../trpc';

const zMonth = z.string().regex(/^\d{4}-\d{2}$/, 'validation.month');

/** Who reads reports: the curator compiles the summary, the head receives it (konyshevsky p.23, NAO p.28). */
const reportReaders = withRoles(...AREA_ROLES.reports);

export const reportsRouter = router({
  /** The summary without its drill-down lists (they can run to megabytes): `drilldown` fetches one by key, from the
   *  same report (`asOf`). */
  monthlySummary: reportReaders
    .input(z.object({ month: zMonth }))
    .output(zMonthlyReport)
    .query(async ({ ctx, input }) => {
      const report = await monthlyReportAsOf({
        db: ctx.deps.db,
        organisationId: ctx.user.organisationId,
        month: input.month,
        asOf: ctx.deps.now(),
      });
      return {
        asOf: report.asOf,
        summary: { ...report.summary, drill: {} },
        directory: report.directory,
        caseNumbers: report.caseNumbers,
      };
    }),

  /** The cases behind one number of the summary (a cell key of `summaryTables`), from the report the summary came
   *  from (its `asOf`): the list and the number cannot disagree. */
  drilldown: reportReaders
    .input(z.object({ month: zMonth, key: z.string().min(1).max(500), asOf: z.number().int().nonnegative() }))
    .output(z.array(zReportCase))
    .query(async ({ ctx, input }) => {
      const report = await monthlyReportAsOf({
        db: ctx.deps.db,
        organisationId: ctx.user.organisationId,
        month: input.month,
        // A summary's instant is never ahead of the server; one that is would take in changes made after it.
        asOf: Math.min(input.asOf, ctx.deps.now()),
      });
      const ids = report.summary.drill[input.key] ?? [];
      return caseRows(ctx.deps.db, ctx.user.organisationId, ids, ctx.user.actor);
    }),

  /** Short rows of given cases (at most 200 per call: ids travel in the URL of a query). */
  cases: reportReaders
    .input(z.object({ ids: z.array(zId).max(200) }))
    .output(z.array(zReportCase))
    .query(({ ctx, input }) => caseRows(ctx.deps.db, ctx.user.organisationId, input.ids, ctx.user.actor)),

  surges: reportReaders
    .input(z.object({ sinceDays: z.number().int().min(1).max(366).default(30) }).default({ sinceDays: 30 }))
    .output(z.array(zSurgeRow))
    .query(async ({ ctx, input }) => {
      const now = ctx.deps.now();
      // Reading active surges first resolves those whose rate has fallen.
      await listActiveSurges(ctx.deps.db, ctx.user.organisationId, now);
      const rows = await listRecentSurges(ctx.deps.db, ctx.user.organisationId, now - input.sinceDays * 86_400_000);
      return rows.map((s) => ({
        ...s,
        startedAt: s.startedAt.getTime(),
        lastSeenAt: s.lastSeenAt.getTime(),
        resolvedAt: s.resolvedAt?.getTime() ?? null,
      }));
    }),

  surgeThresholds: reportReaders
    .output(zSurgeThresholdsOut)
    .query(({ ctx }) => thresholdsOf(ctx.deps.db, ctx.user.organisationId)),

  setSurgeThresholds: withRoles(...SURGE_THRESHOLD_EDITORS)
    .input(zSurgeThresholds)
    .output(zSurgeThresholdsOut)
    .mutation(async ({ ctx, input }) => {
      await auditedOrganisationSettings(ctx, 'surge-thresholds.set', { surgeThresholds: input }, input);
      return input;
    }),

  /** Earlier cases by the same author or with similar text on the same topic/location (the curator links repeats). */
  repeatCandidates: protectedProcedure
    .input(z.object({ caseId: zId, limit: z.number().int().min(1).max(50).optional() }))
    .output(z.array(zRepeatCandidate))
    .query(({ ctx, input }) =>
      repeatCandidates(ctx.deps.db, ctx.user.organisationId, input.caseId, input.limit ?? 10, {
        actor: ctx.user.actor,
        now: ctx.deps.now(),
      }),
    ),

  headOverview: withRoles(...AREA_ROLES.head)
    .output(zHeadOverview)
    .query(({ ctx }) => headOverview(ctx.deps.db, ctx.user.organisationId, ctx.deps.now(), ctx.user.actor)),
});
