// createCalendar: the WorkingCalendar of one organisation (REGULATIONS "Time"), answering every query from the
// precomputed timeline with binary searches — no loops over minutes or days for spans of working time.

import { parseIsoDate } from './dates';
import { dayStatus, orgRules } from './day-status';
import { refuse } from './errors';
import { DEFAULT_SCHEDULE, validateSchedule } from './schedule';
import { Timeline } from './timeline';
import type { CalendarConfig, CalendarResult, DayInfo, Instant, WorkingCalendar } from './types';
import { createZone } from './zone';

const MS_PER_MIN = 60_000;
const MS_PER_HOUR = 3_600_000;
/** Idrinsky 3.3: the answer window is 24 hours of working dates … */
const IDRINSKY_WINDOW_MS = 24 * MS_PER_HOUR;
/** … and must hold at least 8 working hours. */
const IDRINSKY_MIN_WORKING_MIN = 8 * 60;
/** A calendar with no working time at all would search forever; give up after this many empty years. */
const MAX_EMPTY_YEARS = 10;

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) refuse('calendar.count-not-whole', { value: String(n) });
}

function checkMinutes(n: number): void {
  if (!Number.isFinite(n)) refuse('calendar.minutes-not-finite', { value: String(n) });
}

export function createCalendar(config: CalendarConfig): WorkingCalendar {
  const schedule = config.schedule ?? DEFAULT_SCHEDULE;
  validateSchedule(schedule);
  const rules = orgRules(schedule, config.overrides, config.preHolidayShorteningMinutes ?? 60, config.years);
  const zone = createZone(config.timeZone);
  const tl = new Timeline(rules, zone);

  const result = (from: Instant, at: Instant): CalendarResult => ({ at, confirmed: tl.confirmedBetween(from, at) });

  /** Extends the loaded years forward (or backward) until `enough()` holds, refusing a calendar without work. */
  const grow = (enough: () => boolean, forward: boolean): void => {
    let emptyYears = 0;
    while (!enough()) {
      const before = tl.nIv;
      if (forward) tl.extendForward();
      else tl.extendBackward();
      emptyYears = tl.nIv === before ? emptyYears + 1 : 0;
      if (emptyYears > MAX_EMPTY_YEARS) {
        refuse('calendar.no-working-time', {});
      }
    }
  };

  const nextWorkingMoment = (at: Instant): Instant => {
    tl.cover(at);
    grow(() => tl.intervalAfter(at) < tl.nIv, true);
    const i = tl.intervalAfter(at);
    const start = tl.starts[i]!;
    return at >= start ? at : start;
  };

  const nextNonWorkingMoment = (at: Instant): Instant => {
    tl.cover(at);
    let i = tl.intervalAfter(at);
    if (i >= tl.nIv || tl.starts[i]! > at) return at;
    // Intervals that meet (a schedule working through midnight) are one stretch. The federal holidays end any
    // stretch within a year; a calendar that would never stop is cut after MAX_EMPTY_YEARS years.
    const lastYear = tl.y1 + MAX_EMPTY_YEARS;
    for (;;) {
      const end = tl.ends[i]!;
      // Forward extension appends intervals: every index already computed stays valid.
      if (i + 1 >= tl.nIv && tl.y1 < lastYear) tl.extendForward();
      if (i + 1 >= tl.nIv || tl.starts[i + 1]! !== end) return end;
      i += 1;
    }
  };

  const addWorkingMinutes = (from: Instant, minutes: number): CalendarResult => {
    checkMinutes(minutes);
    if (minutes === 0) return result(from, nextWorkingMoment(from));
    tl.cover(from);
    const delta = minutes * MS_PER_MIN;
    if (delta > 0) {
      // Forward extension appends intervals, so positions already computed stay valid.
      const target = tl.position(from) + delta;
      grow(() => tl.cum[tl.nIv]! >= target, true);
      return result(from, tl.instantForward(target));
    }
    // Backward extension prepends intervals and shifts every position: recompute after growing.
    grow(() => tl.position(from) + delta >= 0, false);
    return result(from, tl.instantBackward(tl.position(from) + delta));
  };

  const workingMinutesBetween = (from: Instant, to: Instant): number => {
    tl.cover(from);
    tl.cover(to);
    return (tl.position(to) - tl.position(from)) / MS_PER_MIN;
  };

  /** Index of the first working day at or after day index i, loading years as needed. */
  const nthWorkingDay = (dayNum: number, count: number): number => {
    let e = tl.nthWorkingDayFrom(tl.coverDayNum(dayNum), count);
    while (e < 0) {
      const before = tl.nIv;
      tl.extendForward();
      if (tl.nIv === before && tl.y1 - tl.y0 > MAX_EMPTY_YEARS) {
        refuse('calendar.no-working-time', {});
      }
      e = tl.nthWorkingDayFrom(tl.coverDayNum(dayNum), count);
    }
    return e;
  };

  const addWorkingDays = (from: Instant, days: number): CalendarResult => {
    checkCount(days);
    tl.cover(from);
    const today = tl.dayNum0 + tl.dayIndex(from);
    // REGULATIONS "Time": counting starts the next day; N = 0 means the end of today's (or the next) working time.
    const e = days === 0 ? nthWorkingDay(today, 1) : nthWorkingDay(today + 1, days);
    return result(from, tl.dayEnd(e));
  };

  const addCalendarDays = (from: Instant, days: number): CalendarResult => {
    checkCount(days);
    tl.cover(from);
    const target = tl.dayNum0 + tl.dayIndex(from) + days;
    // Krasnoufimsk p.9: the N-th day, or the next working day when the N-th is a day off.
    return result(from, tl.dayEnd(nthWorkingDay(target, 1)));
  };

  const addIdrinsky24Hours = (from: Instant): CalendarResult => {
    tl.cover(from);
    const fromDay = tl.dayIndex(from);
    const startNum = tl.dayNum0 + fromDay;
    // Idrinsky 3.3: the clock runs only on working dates; from a day off it starts at 00:00 of the next one.
    let e = nthWorkingDay(startNum, 1);
    let t = tl.dayNum0 + e === startNum ? from : tl.dayStart[e]!;
    let remaining = IDRINSKY_WINDOW_MS;
    for (;;) {
      const available = tl.dayStart[e + 1]! - t;
      if (remaining <= available) break;
      remaining -= available;
      const nextNum = tl.dayNum0 + e + 1;
      e = nthWorkingDay(nextNum, 1);
      t = tl.dayStart[e]!;
    }
    const byDates = t + remaining;
    // … and the window must hold at least 8 working hours, else it is extended until it does.
    const byWork = addWorkingMinutes(from, IDRINSKY_MIN_WORKING_MIN).at;
    return result(from, Math.max(byDates, byWork));
  };

  const isWorkingTime = (at: Instant): boolean => {
    tl.cover(at);
    const i = tl.intervalAfter(at);
    return i < tl.nIv && tl.starts[i]! <= at;
  };

  const dayInfo = (date: string): DayInfo => dayStatus(rules, parseIsoDate(date));

  return {
    timeZone: config.timeZone,
    addWorkingMinutes,
    workingMinutesBetween,
    addWorkingDays,
    addCalendarDays,
    addIdrinsky24Hours,
    isWorkingTime,
    nextWorkingMoment,
    nextNonWorkingMoment,
    dayInfo,
    formatInstant: (at: Instant) => zone.format(at),
  };
}
