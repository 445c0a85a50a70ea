// The organisation's working-time calendar: its days (with the decree they come from), the administrator's
// overrides and time zone, a deadline preview for a step of the organisation's profile, and the production-calendar
// years imported from the government's open data (shared by every organisation), with the warning while the
// coming days rest on an unconfirmed year.
import {
  calendarError,
  isTimeZone,
  sanitiseOverrides,
  stepDeadline,
  unconfirmedAhead,
  zCalendarOverrides,
  zCategory,
  zLocalDate,
  zStepId,
} from '@otklik/domain';
import { z } from 'zod';
import { audited, auditedOrganisationSettings, rowEntry } from '../../audit/record';
import {
  CalendarImportError,
  forgetImportedYears,
  importOpenDataCsv,
  listImportedYears,
  loadImportedYears,
  removeImportedYear,
} from '../../calendar/imported-years';
import { calendarFor, loadOrganisationRules } from '../../cases/domain-context';
import { getOrganisation } from '../../directory/organisations';
import { AppError, appError, calendarRefused } from '../../errors/app-error';
import { zInstant } from '../inputs';
import { zCalendarDays, zCalendarImported, zCalendarStatus, zDeadlinePreview } from '../outputs-calendar';
import { zOk } from '../outputs-directory';
import { adminProcedure, protectedProcedure, regionAdminProcedure, router } from '../trpc';

/** Instants a deadline can be previewed from: the production calendar knows 2000–2100 well enough. */
const zPreviewInstant = zInstant
  .min(Date.UTC(2000, 0, 1), 'validation.not-before-2000')
  .max(Date.UTC(2100, 0, 1), 'validation.not-after-2100');

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const calendarRouter = router({
  /** The status of each local day in [from, to] (at most 400 days). */
  days: protectedProcedure
    .input(z.object({ from: zLocalDate, to: zLocalDate }))
    .output(zCalendarDays)
    .query(async ({ ctx, input }) => {
      const org = await getOrganisation(ctx.deps.db, ctx.user.organisationId);
      const calendar = calendarFor(org.timeZone, org.calendarOverrides, await loadImportedYears(ctx.deps.db));
      const days = [];
      for (let date = input.from, i = 0; date <= input.to; date = addDays(date, 1), i++) {
        if (i >= 400) throw appError('BAD_INPUT', 'calendar.too-many-days', { max: 400 });
        days.push(calendar.dayInfo(date));
      }
      // Stored entries that are not real dates are ignored by every deadline; the administrator sees them to fix them.
      const { problems } = sanitiseOverrides(org.calendarOverrides);
      return { timeZone: org.timeZone, overrides: org.calendarOverrides, invalidOverrides: problems, days };
    }),

  /** Whether the next 60 days depend on a year with no decree data, and which years were imported. */
  status: protectedProcedure.output(zCalendarStatus).query(async ({ ctx }) => {
    const rules = await loadOrganisationRules(ctx.deps.db, ctx.user.organisationId);
    return {
      unconfirmed: unconfirmedAhead(rules.calendar, ctx.deps.now()),
      imported: await listImportedYears(ctx.deps.db),
    };
  }),

  /** Loads years from the open-data production-calendar CSV for every organisation; prints the totals back. The
   *  years are shared by every organisation of the installation: a region administrator's change. */
  importOpenData: regionAdminProcedure
    .input(
      z.object({
        fileName: z
          .string()
          .trim()
          .min(1)
          .max(200)
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
          .regex(/^[^\u0000-\u001f]+$/, 'validation.file-name-control'),
        text: z
          .string()
          .min(1, 'validation.file-empty')
          .max(512 * 1024),
        years: z.array(z.number().int().min(1991).max(2399)).max(50).optional(),
      }),
    )
    .output(zCalendarImported)
    .mutation(async ({ ctx, input }) => {
      try {
        const outcomes = await audited(
          ctx,
          (tx) =>
            importOpenDataCsv(tx, {
              text: input.text,
              fileName: input.fileName,
              years: input.years,
              importedBy: ctx.user.personId,
              now: ctx.deps.now(),
            }),
          (done) => ({
            action: 'production-calendar.imported',
            targetType: 'production-calendar',
            targetId: done.map((o) => o.year).join(','),
            details: { fileName: input.fileName, years: done.map((o) => ({ year: o.year, ...o.totals })) },
          }),
        );
        // The cache is keyed by the connection: the transaction cleared its own, this node's goes after the commit.
        forgetImportedYears(ctx.deps.db);
        return { outcomes };
      } catch (error) {
        if (error instanceof CalendarImportError) {
          throw appError('BAD_INPUT', 'calendar.file-refused', { problems: error.problems });
        }
        throw error;
      }
    }),

  removeImportedYear: regionAdminProcedure
    .input(z.object({ year: z.number().int() }))
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      await audited(
        ctx,
        async (tx) => {
          if (!(await removeImportedYear(tx, input.year))) {
            throw appError('NOT_FOUND', 'calendar.year-not-imported', { year: input.year });
          }
        },
        rowEntry('production-calendar.removed', String(input.year)),
      );
      forgetImportedYears(ctx.deps.db);
      return { ok: true as const };
    }),

  setOverrides: adminProcedure
    .input(zCalendarOverrides)
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      await auditedOrganisationSettings(ctx, 'calendar.overrides-set', { calendarOverrides: input }, input);
      return { ok: true as const };
    }),

  setTimeZone: adminProcedure
    .input(z.object({ timeZone: z.string().min(1).max(64) }))
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      if (!isTimeZone(input.timeZone)) {
        // The calendar's own refusal (one wording of one rule, in the domain's catalogue).
        throw calendarRefused(calendarError('calendar.unknown-zone', { timeZone: input.timeZone }));
      }
      await auditedOrganisationSettings(ctx, 'calendar.time-zone-set', { timeZone: input.timeZone }, input);
      return { ok: true as const };
    }),

  /** When a step started at `from` falls due under the organisation's profile and calendar. */
  preview: protectedProcedure
    .input(
      z.object({
        step: zStepId,
        from: zPreviewInstant,
        category: zCategory.optional(),
        topic: z.string().max(200).optional(),
      }),
    )
    .output(zDeadlinePreview)
    .query(async ({ ctx, input }) => {
      const rules = await loadOrganisationRules(ctx.deps.db, ctx.user.organisationId);
      const result = stepDeadline(rules.profile, rules.calendar, input.step, input.from, {
        category: input.category,
        topic: input.topic,
      });
      if (!result.ok) {
        const { error } = result;
        const refusal = { key: error.key, params: error.params };
        throw new AppError('DOMAIN_REFUSED', error.message, { domainCode: error.code }, refusal);
      }
      return { ...result.value, formatted: rules.calendar.formatInstant(result.value.at), timeZone: rules.timeZone };
    }),
});
