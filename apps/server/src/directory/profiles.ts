// Regulation profiles an organisation can use: the five presets (read-only, from @otklik/domain) and its own
// custom profiles (a copy of a preset with changed numbers, validated by the domain's parseProfile).
import { getPreset, PRESETS, type Profile, parseProfile } from '@otklik/domain';
import { and, eq } from 'drizzle-orm';
import { loadProfile } from '../cases/domain-context';
import type { DbOrTx } from '../db/connect';
import { listOwnRows } from '../db/organisation-rows';
import { organisations, regulationProfiles } from '../db/schema';
import { appError, notFound } from '../errors/app-error';

export interface ProfileSummary {
  id: string;
  name: string;
  source: string;
  isPreset: boolean;
  basedOn: string | null;
}

export async function listProfiles(db: DbOrTx, organisationId: string): Promise<ProfileSummary[]> {
  const custom = await listOwnRows(db, regulationProfiles, organisationId, regulationProfiles.name);
  return [
    ...Object.values(PRESETS).map((p) => ({ id: p.id, name: p.name, source: p.source, isPreset: true, basedOn: null })),
    ...custom.map((row) => ({
      id: row.id,
      name: row.name,
      source: row.body.source,
      isPreset: false,
      basedOn: row.basedOn,
    })),
  ];
}

/** A custom profile's body checked by the domain: the profile, or BAD_INPUT naming the first error (all in `errors`). */
export function validProfile(body: unknown, basedOn?: string | null): Profile {
  // A body without the clock model takes it from the preset it is based on (parseProfile names what is missing).
  const parsed = parseProfile(body, { base: basedOn ? getPreset(basedOn) : null });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    // Every problem as a key and parameters (profile-messages.ts): each reader words them in its language.
    const issue = first ? { path: first.path, issue: { key: first.key, params: first.params } } : {};
    throw appError('BAD_INPUT', 'regulation.invalid', issue, { errors: parsed.errors });
  }
  return parsed.profile;
}

export async function createCustomProfile(
  db: DbOrTx,
  input: { organisationId: string; body: unknown; basedOn?: string | null },
): Promise<Profile> {
  const profile = validProfile(input.body, input.basedOn);
  if (getPreset(profile.id)) {
    throw appError('CONFLICT', 'regulation.preset-id', { profileId: profile.id });
  }
  const [clash] = await db
    .select({ id: regulationProfiles.id })
    .from(regulationProfiles)
    .where(eq(regulationProfiles.id, profile.id));
  if (clash) throw appError('CONFLICT', 'regulation.id-taken', { profileId: profile.id });
  await db.insert(regulationProfiles).values({
    id: profile.id,
    organisationId: input.organisationId,
    name: profile.name,
    basedOn: input.basedOn ?? null,
    body: profile,
  });
  return profile;
}

export async function updateCustomProfile(
  db: DbOrTx,
  input: { organisationId: string; id: string; body: unknown; now: number },
): Promise<Profile> {
  if (getPreset(input.id)) {
    throw appError('FORBIDDEN', 'regulation.preset-read-only', {});
  }
  const [stored] = await db
    .select({ basedOn: regulationProfiles.basedOn })
    .from(regulationProfiles)
    .where(and(eq(regulationProfiles.id, input.id), eq(regulationProfiles.organisationId, input.organisationId)));
  const profile = validProfile(input.body, stored?.basedOn);
  if (profile.id !== input.id) throw appError('BAD_INPUT', 'regulation.id-fixed', {});
  const updated = await db
    .update(regulationProfiles)
    .set({ name: profile.name, body: profile, updatedAt: new Date(input.now) })
    .where(and(eq(regulationProfiles.id, input.id), eq(regulationProfiles.organisationId, input.organisationId)))
    .returning({ id: regulationProfiles.id });
  if (updated.length === 0) throw notFound('profile');
  return profile;
}

/** Switches the organisation to another profile; open cases keep theirs (a case's profile is fixed at registration). */
export async function setOrganisationProfile(db: DbOrTx, organisationId: string, profileId: string): Promise<void> {
  await loadProfile(db, organisationId, profileId);
  await db.update(organisations).set({ profileId }).where(eq(organisations.id, organisationId));
}
