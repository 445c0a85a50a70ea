// Shared helpers for the calendar tests: readable instants in, readable instants out.

import { createCalendar } from './calendar';
import type { CalendarConfig, WorkingCalendar } from './types';

/** Epoch ms of an ISO string with an explicit offset (Date.parse does not depend on the process zone then). */
export const at = (iso: string): number => {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(iso)) throw new Error(`test instant needs an explicit offset: ${iso}`);
  return Date.parse(iso);
};

export const moscow = (): WorkingCalendar => createCalendar({ timeZone: 'Europe/Moscow' });

/** A calendar plus shorthands that take and return ISO strings in the calendar's own zone. */
export function fixture(config: CalendarConfig) {
  const cal = createCalendar(config);
  return {
    cal,
    addMin: (from: string, n: number) => cal.formatInstant(cal.addWorkingMinutes(at(from), n).at),
    addDays: (from: string, n: number) => cal.formatInstant(cal.addWorkingDays(at(from), n).at),
    addCal: (from: string, n: number) => cal.formatInstant(cal.addCalendarDays(at(from), n).at),
    idrinsky: (from: string) => cal.formatInstant(cal.addIdrinsky24Hours(at(from)).at),
    between: (a: string, b: string) => cal.workingMinutesBetween(at(a), at(b)),
    next: (a: string) => cal.formatInstant(cal.nextWorkingMoment(at(a))),
    pause: (a: string) => cal.formatInstant(cal.nextNonWorkingMoment(at(a))),
  };
}
