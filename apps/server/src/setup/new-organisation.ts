// A new organisation with its first administrator, in one transaction: what `otklik init`, the first-run page and a
// region administrator's "new organisation" form all do. Every input is checked here, so the three agree.
import type { ServerMessageKey, ServerMessageParams } from '@otklik/contract';
import { getPreset, isTimeZone, PRESET_IDS, passwordProblem } from '@otklik/domain';
import { eq } from 'drizzle-orm';
import { forgetIdentities } from '../auth/identity-cache';
import type { DbOrTx } from '../db/connect';
import { organisations, people } from '../db/schema';
import { createOrganisation, type OrganisationRow } from '../directory/organisations';
import { createPerson, type PersonView } from '../directory/people';
import { createCustomProfile, validProfile } from '../directory/profiles';
import { type AppError, appError, passwordRefused } from '../errors/app-error';

export interface NewOrganisationInput {
  name: string;
  /** Short id for the CLI (`--org`); derived from the name when absent. */
  slug?: string;
  /** IANA time zone; the profile's own zone when absent. */
  timeZone?: string;
  /** A preset id, or a profile (the JSON of a regulation profile, e.g. read from a file). */
  profile: { presetId: string } | { body: unknown };
  admin: { login: string; fullName: string; email?: string | null; password: string };
  /** The administrator also manages every other organisation of the installation. */
  regionAdministrator: boolean;
}

export interface NewOrganisation {
  organisation: OrganisationRow;
  admin: PersonView;
}

export const LOGIN_PATTERN = /^[a-zA-Z0-9._-]{2,50}$/;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,49}$/;

/** A refused field: the catalogue's message, also listed under the field (in both languages) for the forms. */
function bad<K extends ServerMessageKey>(path: string, key: K, params: ServerMessageParams<K>): AppError {
  const refused = appError('BAD_INPUT', key, params);
  return appError('BAD_INPUT', key, params, { errors: [{ path, message: refused.message }] });
}

/** The domain's time-zone rule, also asked by `otklik init`. */
export { isTimeZone } from '@otklik/domain';

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** "Администрация г. Славгорода" → "administratsiya-g-slavgoroda". */
export function slugFromName(name: string): string {
  const latin = [...name.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
  const slug = latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `org-${slug}`.replace(/-+$/, '') || 'org';
}

async function freeSlug(db: DbOrTx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [taken] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, candidate));
    if (!taken) return candidate;
  }
}

function checkInput(input: NewOrganisationInput): void {
  if (input.name.trim().length === 0) throw bad('name', 'setup.name-required', {});
  if (input.name.trim().length > 200) throw bad('name', 'setup.name-too-long', { max: 200 });
  if (input.slug !== undefined && !SLUG_PATTERN.test(input.slug)) {
    throw bad('slug', 'setup.slug-format', {});
  }
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw bad('timeZone', 'setup.unknown-zone', { zone: input.timeZone });
  }
  if (!LOGIN_PATTERN.test(input.admin.login)) {
    throw bad('admin.login', 'setup.login-format', {});
  }
  if (input.admin.fullName.trim().length === 0) throw bad('admin.fullName', 'setup.full-name-required', {});
  const problem = passwordProblem(input.admin.password, input.admin.login);
  if (problem) throw passwordRefused(problem, 'admin.password');
}

/** The profile id and, for a custom profile, its validated body (stored after the organisation exists). */
function resolveProfile(profile: NewOrganisationInput['profile']): { id: string; timeZone: string; body?: unknown } {
  if ('presetId' in profile) {
    const preset = getPreset(profile.presetId);
    if (!preset) {
      throw bad('profile', 'setup.unknown-preset', { presetId: profile.presetId, presets: PRESET_IDS });
    }
    return { id: preset.id, timeZone: preset.timeZone };
  }
  const parsed = validProfile(profile.body);
  return { id: parsed.id, timeZone: parsed.timeZone, body: profile.body };
}

export async function createOrganisationWithAdmin(db: DbOrTx, input: NewOrganisationInput): Promise<NewOrganisation> {
  checkInput(input);
  const profile = resolveProfile(input.profile);
  const timeZone = input.timeZone ?? profile.timeZone;
  if (!isTimeZone(timeZone)) throw bad('timeZone', 'setup.unknown-zone', { zone: timeZone });
  return db.transaction(async (tx) => {
    const slug = input.slug ?? (await freeSlug(tx, slugFromName(input.name)));
    const [clash] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
    if (clash) throw bad('slug', 'setup.slug-taken', { slug });
    const organisation = await createOrganisation(tx, {
      slug,
      name: input.name.trim(),
      timeZone,
      profileId: profile.id,
    });
    if (profile.body !== undefined) {
      await createCustomProfile(tx, { organisationId: organisation.id, body: profile.body });
    }
    const admin = await createPerson(tx, {
      organisationId: organisation.id,
      fullName: input.admin.fullName.trim(),
      email: input.admin.email ?? null,
      login: input.admin.login,
      password: input.admin.password,
      roles: ['administrator'],
    });
    if (input.regionAdministrator) {
      await tx.update(people).set({ regionAdministrator: true }).where(eq(people.id, admin.id));
      forgetIdentities();
    }
    return { organisation, admin: { ...admin, regionAdministrator: input.regionAdministrator } };
  });
}

/** True while the installation has no organisation at all (the first run). */
export async function hasNoOrganisation(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return !row;
}
