// Organisations: the unit everything is scoped by (its time zone, regulation profile and calendar overrides).
import type { CalendarOverrides } from '@otklik/domain';
import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { organisations } from '../db/schema';
import { notFound } from '../errors/app-error';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function getOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound('Организация');
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By id or slug (the CLI accepts either). */
export async function findOrganisation(db: DbOrTx, idOrSlug: string): Promise<OrganisationRow | null> {
  const condition = UUID.test(idOrSlug)
    ? or(eq(organisations.id, idOrSlug), eq(organisations.slug, idOrSlug))
    : eq(organisations.slug, idOrSlug);
  const [row] = await db.select().from(organisations).where(condition);
  return row ?? null;
}

export async function createOrganisation(
  db: DbOrTx,
  input: { slug: string; name: string; timeZone: string; profileId: string; calendarOverrides?: CalendarOverrides },
): Promise<OrganisationRow> {
  const [row] = await db
    .insert(organisations)
    .values({ ...input, calendarOverrides: input.calendarOverrides ?? {} })
    .returning();
  return row!;
}
