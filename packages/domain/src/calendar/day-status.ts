// One organisation's view of a date: the federal status (labour-code.ts) plus the organisation's overrides and
// weekly schedule, giving the day's kind and working intervals.

import { formatDayNumber, isoWeekday, parseIsoDate, yearOfDayNumber } from './dates';
import { refuse } from './errors';
import type { ImportedCalendarYear } from './imported-year';
import { type FederalYear, federalYears } from './labour-code';
import { shortenDay, validateIntervals } from './schedule';
import type { CalendarOverrides, DayInfo, DayInterval, WeeklySchedule } from './types';

export interface OrgRules {
  readonly schedule: WeeklySchedule;
  readonly shorteningMinutes: number;
  readonly extraDaysOff: ReadonlySet<number>;
  /** Extra working days; `undefined` intervals = the schedule of an ordinary working day. */
  readonly extraWorkingDays: ReadonlyMap<number, readonly DayInterval[] | undefined>;
  /** The federal status of a year: imported data, shipped decrees, or the Labour Code fallback. */
  readonly federal: (year: number) => FederalYear;
}

export function orgRules(
  schedule: WeeklySchedule,
  overrides: CalendarOverrides | undefined,
  shortening: number,
  imported: readonly ImportedCalendarYear[] = [],
): OrgRules {
  if (!Number.isInteger(shortening) || shortening < 0) {
    refuse('calendar.bad-shortening', {});
  }
  const extraDaysOff = new Set((overrides?.extraDaysOff ?? []).map(parseIsoDate));
  const extraWorkingDays = new Map<number, readonly DayInterval[] | undefined>();
  for (const w of overrides?.extraWorkingDays ?? []) {
    const dn = parseIsoDate(w.date);
    if (extraDaysOff.has(dn)) {
      refuse('calendar.day-off-and-working', { date: w.date });
    }
    if (w.intervals) validateIntervals(w.intervals, { date: w.date });
    extraWorkingDays.set(dn, w.intervals);
  }
  return { schedule, shorteningMinutes: shortening, extraDaysOff, extraWorkingDays, federal: federalYears(imported) };
}

/** The intervals of an "ordinary working day" for a date: its weekday's, or Monday's when its weekday is off. */
function ordinaryIntervals(rules: OrgRules, dn: number): readonly DayInterval[] {
  const own = rules.schedule[isoWeekday(dn)];
  return own.length > 0 ? own : rules.schedule[1];
}

export function dayStatus(rules: OrgRules, dn: number): DayInfo {
  const fy = rules.federal(yearOfDayNumber(dn));
  const date = formatDayNumber(dn);
  const base = { date, confirmed: fy.confirmed, source: fy.source };
  const fedShortened = fy.shortened.has(dn);
  const maybeShorten = (iv: readonly DayInterval[]) =>
    fedShortened && rules.shorteningMinutes > 0 ? shortenDay(iv, rules.shorteningMinutes) : iv;

  if (rules.extraWorkingDays.has(dn)) {
    const explicit = rules.extraWorkingDays.get(dn);
    // Explicit intervals are the organisation's own decision for that date, so they are not shortened again.
    const intervals = explicit ?? maybeShorten(ordinaryIntervals(rules, dn));
    return working(base, 'extra-working-day', intervals, fedShortened && !explicit);
  }
  if (rules.extraDaysOff.has(dn)) return off(base, 'extra-day-off');
  const fk = fy.kinds.get(dn);
  if (fk === 'holiday' || fk === 'transferred-day-off') return off(base, fk);
  if (fk === 'working-weekend') {
    // A decree's working Saturday works like an ordinary working day: Monday's schedule.
    return working(base, 'working-weekend', maybeShorten(rules.schedule[1]), fedShortened);
  }
  const own = rules.schedule[isoWeekday(dn)];
  if (own.length === 0) return off(base, 'weekend');
  return working(base, fedShortened ? 'shortened' : 'workday', maybeShorten(own), fedShortened);
}

type Base = Pick<DayInfo, 'date' | 'confirmed' | 'source'>;

function off(base: Base, kind: DayInfo['kind']): DayInfo {
  return { ...base, kind, isWorkingDay: false, intervals: [], shortened: false };
}

function working(base: Base, kind: DayInfo['kind'], intervals: readonly DayInterval[], shortened: boolean): DayInfo {
  // A day whose whole working time was shortened away (or configured empty) is in effect a day off.
  return { ...base, kind, isWorkingDay: intervals.length > 0, intervals, shortened };
}
