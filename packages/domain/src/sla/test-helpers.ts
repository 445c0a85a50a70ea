// Shared by the domain's tests: preset calendars and ISO-with-offset parsing (tests only).
import { createCalendar } from '../calendar';
import type { WorkingCalendar } from '../calendar/types';
import { PRESETS } from '../profiles/presets';
import type { Profile } from '../profiles/schema';

export const t = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};

/** Local instants of one UTC offset in the tests' year 2026: `localTime('+03:00')('10:00')` is Tue 24 Nov 10:00 MSK,
 *  `('10:00', '25')` the next day's, `('10:00', '01', '12')` 1 Dec's. */
export const localTime =
  (offset: string, defaultDay = '24') =>
  (hhmm: string, day = defaultDay, month = '11'): string =>
    `2026-${month}-${day}T${hhmm}:00${offset}`;

export function preset(id: string): { profile: Profile; calendar: WorkingCalendar } {
  const profile = PRESETS[id];
  if (!profile) throw new Error(`no preset ${id}`);
  return { profile, calendar: createCalendar({ timeZone: profile.timeZone }) };
}
