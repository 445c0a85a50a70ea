// The contract of the working-time calendar: what every deadline in Otklik is computed with.
// Instants are epoch milliseconds (UTC); dates are ISO strings 'YYYY-MM-DD' in the organisation's time zone.

import type { ImportedCalendarYear } from './imported-year';

/** Epoch milliseconds. */
export type Instant = number;

/** A working interval within one day, in minutes from local midnight: [start, end), e.g. [540, 780] = 09:00–13:00. */
export type DayInterval = readonly [start: number, end: number];

/** Working intervals per ISO weekday: index 1 = Monday … 7 = Sunday (index 0 unused). */
export type WeeklySchedule = {
  readonly 1: readonly DayInterval[];
  readonly 2: readonly DayInterval[];
  readonly 3: readonly DayInterval[];
  readonly 4: readonly DayInterval[];
  readonly 5: readonly DayInterval[];
  readonly 6: readonly DayInterval[];
  readonly 7: readonly DayInterval[];
};

/** Per-organisation changes to the federal production calendar. */
export interface CalendarOverrides {
  /** Extra days off (e.g. a local holiday), 'YYYY-MM-DD'. */
  readonly extraDaysOff?: readonly string[];
  /** Extra working days; without intervals the day gets the schedule of an ordinary working day. */
  readonly extraWorkingDays?: readonly { readonly date: string; readonly intervals?: readonly DayInterval[] }[];
}

export interface CalendarConfig {
  /** IANA time zone of the organisation, e.g. 'Europe/Moscow'. */
  readonly timeZone: string;
  /** Weekly schedule; default Mon–Fri 09:00–13:00 and 14:00–18:00. */
  readonly schedule?: WeeklySchedule;
  readonly overrides?: CalendarOverrides;
  /** Minutes a pre-holiday working day is shortened by (default 60). */
  readonly preHolidayShorteningMinutes?: number;
  /** Production-calendar years imported at run time; they take precedence over the decrees shipped in code. */
  readonly years?: readonly ImportedCalendarYear[];
}

/** A computed instant and whether every day it depends on comes from a confirmed government decree. */
export interface CalendarResult {
  readonly at: Instant;
  /** false when any year touched had no decree data and the Labour Code art. 112 fallback was used. */
  readonly confirmed: boolean;
}

/** What the calendar knows about one local date. */
export interface DayInfo {
  readonly date: string;
  readonly isWorkingDay: boolean;
  readonly kind:
    | 'workday'
    | 'weekend'
    | 'holiday'
    | 'transferred-day-off'
    | 'working-weekend'
    | 'shortened'
    | 'extra-day-off'
    | 'extra-working-day';
  /** Working intervals of this day in minutes from local midnight (empty on a day off). */
  readonly intervals: readonly DayInterval[];
  readonly confirmed: boolean;
  /** True when the federal calendar shortens this pre-holiday working day (Labour Code art. 95). */
  readonly shortened?: boolean;
  /** Source of the day's status, e.g. 'Government decree No 1466 of 24.09.2025' or 'Labour Code art. 112 (no decree data)'. */
  readonly source: string;
}

export interface WorkingCalendar {
  readonly timeZone: string;
  /** Adds working minutes (negative subtracts). Starts at the next (previous) working moment when outside working time;
   *  a result that falls exactly on the end of a working interval is that instant. */
  addWorkingMinutes(from: Instant, minutes: number): CalendarResult;
  /** Working minutes between two instants (negative when to < from). */
  workingMinutesBetween(from: Instant, to: Instant): number;
  /** Counting starts the next local day; the end of working time of the N-th working day. */
  addWorkingDays(from: Instant, days: number): CalendarResult;
  /** Counting starts the next local day; the end of working time of the N-th calendar day, or of the next working day. */
  addCalendarDays(from: Instant, days: number): CalendarResult;
  /** Idrinsky 3.3: 24 hours counted on working days only (days off skipped whole), extended until the window holds
   *  at least 8 working hours. */
  addIdrinsky24Hours(from: Instant): CalendarResult;
  isWorkingTime(at: Instant): boolean;
  /** `at` itself when inside working time, else the start of the next working interval. */
  nextWorkingMoment(at: Instant): Instant;
  /** `at` itself when outside working time, else the end of the working time it lies in: the first instant after it
   *  that is not working time (where a running clock pauses; intervals that meet are one stretch of work). */
  nextNonWorkingMoment(at: Instant): Instant;
  /** The status of a local date 'YYYY-MM-DD'. */
  dayInfo(date: string): DayInfo;
  /** Formats an instant as ISO-8601 with seconds and the organisation's own UTC offset, e.g. 2026-11-24T18:00:00+03:00. */
  formatInstant(at: Instant): string;
}
