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

export function preset(id: string): { profile: Profile; calendar: WorkingCalendar } {
  const profile = PRESETS[id];
  if (!profile) throw new Error(`no preset ${id}`);
  return { profile, calendar: createCalendar({ timeZone: profile.timeZone }) };
}
