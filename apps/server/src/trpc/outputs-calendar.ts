// Output schemas of the working-calendar and regulation-profile procedures (a profile itself is the domain's
// zProfile): the administrator's screens read the same day statuses and profiles the deadlines are computed with.
import { zDeadlineRule } from '@otklik/contract';
import { z } from 'zod';

const zDayInterval = z.tuple([z.number(), z.number()]).readonly();

export const zCalendarDays = z.object({
  timeZone: z.string(),
  // As stored; the entries that are not real dates come again in `invalidOverrides` for the administrator to fix.
  overrides: z.unknown(),
  days: z.array(
    z.object({
      date: z.string(),
      isWorkingDay: z.boolean(),
      kind: z.enum([
        'workday',
        'weekend',
        'holiday',
        'transferred-day-off',
        'working-weekend',
        'shortened',
        'extra-day-off',
        'extra-working-day',
      ]),
      intervals: z.array(zDayInterval).readonly(),
      confirmed: z.boolean(),
      shortened: z.boolean().optional(),
      source: z.string(),
    }),
  ),
  invalidOverrides: z.array(z.object({ path: z.string(), value: z.unknown().optional() })),
});

export const zCalendarStatus = z.object({
  imported: z.array(
    z.object({
      fileName: z.string(),
      source: z.string(),
      year: z.number().int(),
      importedAt: z.number(),
      workingDays: z.number(),
      hours40: z.number(),
    }),
  ),
  unconfirmed: z.object({ from: z.string(), years: z.array(z.number().int()).readonly() }).nullable(),
});

export const zCalendarImported = z.object({
  outcomes: z.array(
    z.object({
      year: z.number().int(),
      totals: z.object({ daysOff: z.number(), workingDays: z.number(), hours40: z.number() }),
      replaced: z.boolean(),
    }),
  ),
});

export const zDeadlinePreview = z.object({
  formatted: z.string(),
  timeZone: z.string(),
  at: z.number(),
  confirmed: z.boolean(),
  /** How the deadline was reached, as parts the reader words (@otklik/contract deadlineRuleText). */
  rule: zDeadlineRule,
});

export const zProfileListRow = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  basedOn: z.string().nullable(),
  isPreset: z.boolean(),
});
