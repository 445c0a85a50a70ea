// The rules a case is decided with: its organisation's regulation profile (a preset or a custom one) and
// working-time calendar (time zone + overrides). Calendars are cached because building one precomputes a year.
import {
  createCalendar,
  type DomainContext,
  getPreset,
  type Profile,
  parseProfile,
  sanitiseOverrides,
  type WorkingCalendar,
} from '@otklik/domain';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { regulationProfiles } from '../db/schema';
import { getOrganisation } from '../directory/organisations';
import { AppError } from '../errors/app-error';

const calendars = new Map<string, WorkingCalendar>();

/** The organisation's calendar from its stored overrides. A stored entry that is not a real date (written before
 *  input was validated, or by hand) is left out and reported once in the log: the rest of the calendar still works,
 *  and calendar.days shows the administrator what was ignored. */
export function calendarFor(timeZone: string, overrides: unknown): WorkingCalendar {
  const key = `${timeZone}|${JSON.stringify(overrides ?? {})}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    const { overrides: valid, problems } = sanitiseOverrides(overrides ?? {});
    if (problems.length > 0) {
      process.stderr.write(
        `calendar: ignored invalid overrides (${timeZone}): ${problems.map((p) => `${p.path}=${JSON.stringify(p.value)}`).join(', ')}\n`,
      );
    }
    calendar = createCalendar({ timeZone, overrides: valid });
    if (calendars.size > 200) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

export async function loadProfile(db: DbOrTx, organisationId: string, profileId: string): Promise<Profile> {
  const preset = getPreset(profileId);
  if (preset) return preset;
  const [row] = await db
    .select()
    .from(regulationProfiles)
    .where(and(eq(regulationProfiles.id, profileId), eq(regulationProfiles.organisationId, organisationId)));
  if (!row) throw new AppError('NOT_FOUND', `Профиль регламента «${profileId}» не найден / profile not found`);
  const parsed = parseProfile(row.body);
  if (!parsed.ok) {
    throw new AppError('INTERNAL', `Профиль «${profileId}» повреждён / the stored profile is invalid`, {
      errors: parsed.errors,
    });
  }
  return parsed.profile;
}

export interface OrganisationRules extends DomainContext {
  readonly organisationId: string;
  readonly timeZone: string;
}

/** The organisation's calendar with `profileId` (a case keeps the profile it was registered under) or, by default,
 *  the organisation's current profile. */
export async function loadOrganisationRules(
  db: DbOrTx,
  organisationId: string,
  profileId?: string | null,
): Promise<OrganisationRules> {
  const org = await getOrganisation(db, organisationId);
  return {
    organisationId,
    timeZone: org.timeZone,
    profile: await loadProfile(db, organisationId, profileId ?? org.profileId),
    calendar: calendarFor(org.timeZone, org.calendarOverrides),
  };
}
