// Whether the coming days rest on a confirmed production calendar: the board and the calendar screen warn while
// any of the next 60 days belongs to a year with no decree data (its days come from the Labour Code fallback).

import { dayNumber, formatDayNumber, parseIsoDate, yearOfDayNumber } from './dates';
import type { Instant, WorkingCalendar } from './types';

/** How far ahead a missing year matters: the longest regular deadline (30 days) twice over. */
export const CONFIRMATION_HORIZON_DAYS = 60;

export interface UnconfirmedAhead {
  /** The first local date in the horizon that depends on an unconfirmed year. */
  readonly from: string;
  readonly years: readonly number[];
}

export function unconfirmedAhead(
  calendar: WorkingCalendar,
  now: Instant,
  days = CONFIRMATION_HORIZON_DAYS,
): UnconfirmedAhead | null {
  const today = parseIsoDate(calendar.formatInstant(now).slice(0, 10));
  const years: number[] = [];
  let from: string | null = null;
  // One look per year is enough: a year is confirmed or not as a whole.
  for (let dn = today; dn <= today + days; ) {
    const year = yearOfDayNumber(dn);
    const info = calendar.dayInfo(formatDayNumber(dn));
    if (!info.confirmed) {
      years.push(year);
      from ??= info.date;
    }
    dn = dayNumber(year + 1, 1, 1);
  }
  return from === null ? null : { from, years };
}
