// The reads and writes every table of one organisation's rows needs (departments, people, topics, places, absences,
// accounts…): a row is found, named or removed only within its organisation, so another organisation's id is as
// good as a missing one. The callers word their own refusals.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './connect';

type OrganisationTable = PgTable & { readonly id: PgColumn; readonly organisationId: PgColumn };

const ownRow = (table: OrganisationTable, organisationId: string, id: string): SQL | undefined =>
  and(eq(table.id, id), eq(table.organisationId, organisationId));

/** Every row of `table` that belongs to the organisation, in the order of `by` (the directory's lists: by name). */
export async function listOwnRows<T extends OrganisationTable>(
  db: DbOrTx,
  table: T,
  organisationId: string,
  by: PgColumn,
): Promise<T['$inferSelect'][]> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(eq(table.organisationId, organisationId))
    .orderBy(asc(by));
  return rows as T['$inferSelect'][];
}

/** The row `id` of `table`, if it belongs to the organisation. */
export async function findOwnRow<T extends OrganisationTable>(
  db: DbOrTx,
  table: T,
  organisationId: string,
  id: string,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(ownRow(table, organisationId, id));
  return row as T['$inferSelect'] | undefined;
}

/** Whether another row of the organisation (not `exceptId`) already has this name. */
export async function isNameTaken(
  db: DbOrTx,
  table: OrganisationTable & { readonly name: PgColumn },
  organisationId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const [clash] = await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.organisationId, organisationId), eq(table.name, name)));
  return clash !== undefined && clash.id !== exceptId;
}

/** Deletes the row `id` if it belongs to the organisation; whether there was one. */
export async function deleteOwnRow(
  db: DbOrTx,
  table: OrganisationTable,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const deleted = await db
    .delete(table)
    .where(ownRow(table, organisationId, id))
    .returning({ id: table.id });
  return deleted.length > 0;
}

/** The fields given (not undefined) of a partial change, for `.set(…)`: an absent field keeps its value. */
export function givenFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
