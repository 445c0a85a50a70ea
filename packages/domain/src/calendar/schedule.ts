// Weekly working schedules: the default one, validation of a custom one, and the pre-holiday shortening.

import { refuse } from './errors';
import type { DayInterval, WeeklySchedule } from './types';

const MORNING: DayInterval = [9 * 60, 13 * 60];
const AFTERNOON: DayInterval = [14 * 60, 18 * 60];
const WORKDAY: readonly DayInterval[] = [MORNING, AFTERNOON];

/** Mon–Fri 09:00–13:00 and 14:00–18:00 (lunch 13–14), Saturday and Sunday off (REGULATIONS "Time"). */
export const DEFAULT_SCHEDULE: WeeklySchedule = {
  1: WORKDAY,
  2: WORKDAY,
  3: WORKDAY,
  4: WORKDAY,
  5: WORKDAY,
  6: [],
  7: [],
};

/** Throws a CalendarError unless intervals are whole-minute, sorted, non-overlapping and inside 00:00–24:00; `where`
 *  is the weekday of a weekly schedule or the date of an extra working day. */
export function validateIntervals(
  intervals: readonly DayInterval[],
  where: { readonly weekday: number } | { readonly date: string },
): void {
  let prevEnd = 0;
  for (const [start, end] of intervals) {
    const ok = Number.isInteger(start) && Number.isInteger(end) && start >= prevEnd && start < end && end <= 24 * 60;
    if (!ok) {
      if ('date' in where) refuse('calendar.bad-date-interval', { start, end, date: where.date });
      refuse('calendar.bad-weekday-interval', { start, end, weekday: where.weekday });
    }
    prevEnd = end;
  }
}

export function validateSchedule(schedule: WeeklySchedule): void {
  for (const wd of [1, 2, 3, 4, 5, 6, 7] as const) validateIntervals(schedule[wd], { weekday: wd });
}

/** Removes the last `minutes` of a day's working time (Labour Code art. 95: pre-holiday day one hour shorter). */
export function shortenDay(intervals: readonly DayInterval[], minutes: number): DayInterval[] {
  const out: DayInterval[] = intervals.map(([s, e]) => [s, e]);
  let left = minutes;
  while (left > 0 && out.length > 0) {
    const last = out[out.length - 1]!;
    const len = last[1] - last[0];
    if (len > left) {
      out[out.length - 1] = [last[0], last[1] - left];
      left = 0;
    } else {
      out.pop();
      left -= len;
    }
  }
  return out;
}
