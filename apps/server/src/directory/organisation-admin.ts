// What a region administrator does with the organisations of the installation: list, rename, archive, restore.
// (Creating one is setup/new-organisation.ts, shared with `otklik init` and the first-run page.)
import { asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { cases, organisations, people } from '../db/schema';
import { AppError, notFound } from '../errors/app-error';

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
  const staff = db
    .select({ organisationId: people.organisationId, n: count().as('n') })
    .from(people)
    .groupBy(people.organisationId)
    .as('staff');
  const open = db
    .select({ organisationId: cases.organisationId, n: count().as('n') })
    .from(cases)
    .where(eq(cases.isOpen, true))
    .groupBy(cases.organisationId)
    .as('open');
  const rows = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      timeZone: organisations.timeZone,
      profileId: organisations.profileId,
      archivedAt: organisations.archivedAt,
      createdAt: organisations.createdAt,
      peopleCount: sql<number>`coalesce(${staff.n}, 0)::int`,
      openCases: sql<number>`coalesce(${open.n}, 0)::int`,
    })
    .from(organisations)
    .leftJoin(staff, eq(staff.organisationId, organisations.id))
    .leftJoin(open, eq(open.organisationId, organisations.id))
    .orderBy(sql`${organisations.archivedAt} is not null`, asc(organisations.name));
  return rows;
}

export async function renameOrganisation(db: DbOrTx, input: { id: string; name: string }): Promise<void> {
  const updated = await db
    .update(organisations)
    .set({ name: input.name })
    .where(eq(organisations.id, input.id))
    .returning({ id: organisations.id });
  if (updated.length === 0) throw notFound('Организация');
}

/** Archived: nobody of it can sign in, its sessions end at their next request; its cases and history stay. */
export async function setOrganisationArchived(
  db: DbOrTx,
  input: { id: string; archived: boolean; actorOrganisationId: string; now: number },
): Promise<void> {
  if (input.archived && input.id === input.actorOrganisationId) {
    throw new AppError(
      'BAD_INPUT',
      'Нельзя архивировать собственную организацию: вы потеряете доступ / you cannot archive your own organisation',
    );
  }
  const updated = await db
    .update(organisations)
    .set({ archivedAt: input.archived ? new Date(input.now) : null })
    .where(eq(organisations.id, input.id))
    .returning({ id: organisations.id });
  if (updated.length === 0) throw notFound('Организация');
}
