// The organisation's place directory (settlements and districts): the only places a wall display may name.
import type { DirectoryPlace } from '@otklik/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { places } from '../db/schema';
import { AppError, notFound } from '../errors/app-error';

export type PlaceRow = typeof places.$inferSelect;
export const PLACE_KINDS = ['settlement', 'district'] as const;

export function listPlaces(db: DbOrTx, organisationId: string): Promise<PlaceRow[]> {
  return db.select().from(places).where(eq(places.organisationId, organisationId)).orderBy(asc(places.name));
}

/** The directory as the domain's wallPlaceOf reads it. */
export async function loadPlaceDirectory(db: DbOrTx, organisationId: string): Promise<DirectoryPlace[]> {
  const rows = await listPlaces(db, organisationId);
  return rows.map((r) => ({ name: r.name, kind: r.kind }));
}

export async function createPlace(
  db: DbOrTx,
  input: { organisationId: string; name: string; kind: (typeof PLACE_KINDS)[number] },
): Promise<PlaceRow> {
  const [clash] = await db
    .select({ id: places.id })
    .from(places)
    .where(and(eq(places.organisationId, input.organisationId), eq(places.name, input.name)));
  if (clash) throw new AppError('CONFLICT', `Место «${input.name}» уже есть / place already exists`);
  const [row] = await db.insert(places).values(input).returning();
  return row!;
}

export async function deletePlace(db: DbOrTx, organisationId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(places)
    .where(and(eq(places.id, id), eq(places.organisationId, organisationId)))
    .returning({ id: places.id });
  if (deleted.length === 0) throw notFound('Место');
}
