// Report months ('YYYY-MM') as instant ranges in the organisation's time zone, so a message detected at 23:30 local
// time on the last day of the month belongs to that month whatever the server's own zone is.
import { dayNumber } from '../calendar/dates';
import { type CalendarError, calendarError } from '../calendar/errors';
import type { Instant } from '../calendar/types';
import { createZone } from '../calendar/zone';

export interface MonthRange {
  /** 'YYYY-MM' */
  readonly month: string;
  /** Local midnight of the 1st, inclusive. */
  readonly start: Instant;
  /** Local midnight of the 1st of the next month, exclusive. */
  readonly end: Instant;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** The year and month of 'YYYY-MM', or the calendar's refusal (a key and its parameters) saying what is wrong. */
export function parseMonth(
  month: string,
): { ok: true; year: number; month: number } | { ok: false; error: CalendarError } {
  const m = MONTH.exec(month.trim());
  const year = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12 || year < 2000 || year > 2100) {
    return { ok: false, error: calendarError('calendar.invalid-month', { month }) };
  }
  return { ok: true, year, month: mo };
}

const fmt = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The instants a month covers in `timeZone`; throws a CalendarError on a malformed month (callers validate first). */
export function monthRange(month: string, timeZone: string): MonthRange {
  const p = parseMonth(month);
  if (!p.ok) throw p.error;
  const zone = createZone(timeZone);
  const next = p.month === 12 ? { y: p.year + 1, m: 1 } : { y: p.year, m: p.month + 1 };
  return {
    month: fmt(p.year, p.month),
    start: zone.localToInstant(dayNumber(p.year, p.month, 1), 0),
    end: zone.localToInstant(dayNumber(next.y, next.m, 1), 0),
  };
}

export function previousMonth(month: string): string {
  const p = parseMonth(month);
  if (!p.ok) throw p.error;
  return p.month === 1 ? fmt(p.year - 1, 12) : fmt(p.year, p.month - 1);
}

/** The month (in `timeZone`) an instant falls in. */
export function monthOf(at: Instant, timeZone: string): string {
  const zone = createZone(timeZone);
  const local = new Date(at + zone.offsetAt(at));
  return fmt(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

export const inRange = (at: Instant | null | undefined, r: { start: Instant; end: Instant }): at is Instant =>
  at !== null && at !== undefined && at >= r.start && at < r.end;

/** Local midnight of the day `at` falls on, and of the Monday of its week, in `timeZone`. */
export function dayAndWeekStart(at: Instant, timeZone: string): { day: Instant; week: Instant } {
  const zone = createZone(timeZone);
  const dn = Math.floor((at + zone.offsetAt(at)) / 86_400_000);
  // Day 0 (1970-01-01) was a Thursday: (dn + 3) mod 7 is days since Monday.
  const sinceMonday = (((dn + 3) % 7) + 7) % 7;
  return { day: zone.localToInstant(dn, 0), week: zone.localToInstant(dn - sinceMonday, 0) };
}
