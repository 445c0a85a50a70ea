// Organisations: the unit everything is scoped by (its time zone, regulation profile and calendar overrides).

import { bilingualServerMessage } from '@otklik/contract';
import type { CalendarOverrides } from '@otklik/domain';
import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { givenFields } from '../db/organisation-rows';
import { organisations } from '../db/schema';
import { appError, notFound } from '../errors/app-error';
import { requirePersonInOrganisation } from './people';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function getOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound('organisation');
  return row;
}

/** One field of an organisation's row, read alone; undefined when there is no such organisation. */
export async function organisationField<K extends keyof OrganisationRow>(
  db: DbOrTx,
  id: string,
  field: K,
): Promise<OrganisationRow[K] | undefined> {
  const [row] = await db.select({ value: organisations[field] }).from(organisations).where(eq(organisations.id, id));
  return row?.value as OrganisationRow[K] | undefined;
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

/** Who receives the deficiency notices about the curator's and the operator's breaches (konyshevsky p.22, NAO p.27). */
export async function setOrganisationSupervisors(
  db: DbOrTx,
  input: { organisationId: string; curatorSupervisorId?: string | null; operatorSupervisorId?: string | null },
): Promise<OrganisationRow> {
  for (const id of [input.curatorSupervisorId, input.operatorSupervisorId]) {
    if (id) await requirePersonInOrganisation(db, input.organisationId, id);
  }
  const [row] = await db
    .update(organisations)
    .set(
      givenFields({ curatorSupervisorId: input.curatorSupervisorId, operatorSupervisorId: input.operatorSupervisorId }),
    )
    .where(eq(organisations.id, input.organisationId))
    .returning();
  if (!row) throw notFound('organisation');
  return row;
}

/** Whether an organisation is archived (a region administrator's decision): it takes no new messages, collects
 *  nothing from its accounts and publishes nothing; its cases and history stay readable to the region. */
export async function isOrganisationArchived(db: DbOrTx, id: string): Promise<boolean> {
  return Boolean(await organisationField(db, id, 'archivedAt'));
}

export const ARCHIVED_MESSAGE = bilingualServerMessage('organisation.archived', {});

/** The refusal of work for an archived organisation, with a clear message (never a silent drop). */
export const organisationArchived = () =>
  appError('FORBIDDEN', 'organisation.archived', {}, { reason: 'organisation-archived' });

/** Refuses work for an archived organisation. */
export async function requireActiveOrganisation(db: DbOrTx, id: string): Promise<void> {
  if (await isOrganisationArchived(db, id)) throw organisationArchived();
}
