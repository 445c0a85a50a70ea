// An organisation's calendar overrides as input (zod: only dates that exist, e.g. never 2026-02-30) and as stored data
// read back (sanitiseOverrides: a bad entry is dropped and reported, so one bad value never takes down reading the
// whole organisation — issue 11 item 4).
import { z } from 'zod';
import { parseIsoDate } from './dates';
import type { CalendarOverrides } from './types';

export function isRealDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

/** A local date 'YYYY-MM-DD' that exists in the calendar (years 1900–2200). */
export const zLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date-format')
  .refine((d) => isRealDate(d) && d >= '1900-01-01' && d <= '2200-12-31', {
    message: 'validation.no-such-date',
  });

const zInterval = z
  .tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)])
  .refine(([start, end]) => start < end, { message: 'validation.start-before-end' });

export const zCalendarOverrides = z.object({
  extraDaysOff: z.array(zLocalDate).max(366).optional(),
  extraWorkingDays: z
    .array(z.object({ date: zLocalDate, intervals: z.array(zInterval).max(6).optional() }))
    .max(366)
    .optional(),
});

export interface OverrideProblem {
  /** Where in the stored overrides, e.g. 'extraDaysOff.3'. */
  readonly path: string;
  readonly value: unknown;
}

/** The valid part of stored overrides, and what was left out. */
export function sanitiseOverrides(stored: unknown): { overrides: CalendarOverrides; problems: OverrideProblem[] } {
  const problems: OverrideProblem[] = [];
  const source = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  if (stored !== null && stored !== undefined && (typeof stored !== 'object' || Array.isArray(stored))) {
    problems.push({ path: '', value: stored });
  }
  const list = (key: string): unknown[] => {
    const v = source[key];
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    problems.push({ path: key, value: v });
    return [];
  };
  const extraDaysOff: string[] = [];
  list('extraDaysOff').forEach((d, i) => {
    if (zLocalDate.safeParse(d).success) extraDaysOff.push(d as string);
    else problems.push({ path: `extraDaysOff.${i}`, value: d });
  });
  const extraWorkingDays: { date: string; intervals?: [number, number][] }[] = [];
  list('extraWorkingDays').forEach((d, i) => {
    const parsed = zCalendarOverrides.shape.extraWorkingDays.unwrap().element.safeParse(d);
    if (parsed.success) extraWorkingDays.push(parsed.data);
    else problems.push({ path: `extraWorkingDays.${i}`, value: d });
  });
  const overrides: CalendarOverrides = {
    ...(extraDaysOff.length > 0 ? { extraDaysOff } : {}),
    ...(extraWorkingDays.length > 0 ? { extraWorkingDays } : {}),
  };
  return { overrides, problems };
}
