// What a region administrator does with the organisations of the installation: list, rename, archive, restore.
// (Creating one is setup/new-organisation.ts, shared with `otklik init` and the first-run page.)
import { asc, eq, sql } from 'drizzle-orm';
import { forgetIdentities } from '../auth/identity-cache';
import type { DbOrTx } from '../db/connect';
import { organisations } from '../db/schema';
import { appError, notFound } from '../errors/app-error';

export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  profileId: string;
  archivedAt: Date | null;
  createdAt: Date;
  peopleCount: number;
  openCases: number;
}

export async function listAllOrganisations(db: DbOrTx): Promise<OrganisationSummary[]> {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      timeZone: organisations.timeZone,
      profileId: organisations.profileId,
      archivedAt: organisations.archivedAt,
      createdAt: organisations.createdAt,
      // Spelled out: drizzle leaves column names unqualified here, and "id" would bind to the subquery's table.
      peopleCount: sql<number>`(select count(*) from people p where p.organisation_id = organisations.id)::int`,
      openCases: sql<number>`(select count(*) from cases c where c.organisation_id = organisations.id and c.is_open)::int`,
    })
    .from(organisations)
    .orderBy(sql`${organisations.archivedAt} is not null`, asc(organisations.name));
}

export async function renameOrganisation(db: DbOrTx, input: { id: string; name: string }): Promise<void> {
  const updated = await db
    .update(organisations)
    .set({ name: input.name })
    .where(eq(organisations.id, input.id))
    .returning({ id: organisations.id });
  if (updated.length === 0) throw notFound('organisation');
}

/** Archived: nobody of it can sign in, its sessions end at their next request; its cases and history stay. */
export async function setOrganisationArchived(
  db: DbOrTx,
  input: { id: string; archived: boolean; actorOrganisationId: string; now: number },
): Promise<void> {
  if (input.archived && input.id === input.actorOrganisationId) {
    throw appError('BAD_INPUT', 'organisation.archive-own', {});
  }
  const updated = await db
    .update(organisations)
    .set({ archivedAt: input.archived ? new Date(input.now) : null })
    .where(eq(organisations.id, input.id))
    .returning({ id: organisations.id });
  // Its people are signed out at their next request.
  forgetIdentities();
  if (updated.length === 0) throw notFound('organisation');
}
