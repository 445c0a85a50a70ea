// Plain calendar-date arithmetic on 'YYYY-MM-DD' strings and day numbers; no time zone is involved here.
// A "day number" counts days since 1970-01-01 (proleptic Gregorian), which makes weekdays and ranges cheap.

import { refuse } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of 'YYYY-MM-DD'; throws a CalendarError on a malformed or impossible date. */
export function parseIsoDate(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) {
    refuse('calendar.invalid-date', { date });
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March; a round-trip catches it.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    refuse('calendar.no-such-date', { date });
  }
  return ms / MS_PER_DAY;
}

/** Day number of a year/month/day triple (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDayNumber(dn: number): string {
  const d = new Date(dn * MS_PER_DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Year of a day number. */
export function yearOfDayNumber(dn: number): number {
  return new Date(dn * MS_PER_DAY).getUTCFullYear();
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dn: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((((dn + 3) % 7) + 7) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
