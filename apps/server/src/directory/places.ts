// The organisation's place directory (settlements and districts): the only places a wall display may name.
import type { DirectoryPlace } from '@otklik/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { deleteOwnRow, findOwnRow, givenFields, isNameTaken, listOwnRows } from '../db/organisation-rows';
import { places } from '../db/schema';
import { appError, notFound } from '../errors/app-error';

export type PlaceRow = typeof places.$inferSelect;
export const PLACE_KINDS = ['settlement', 'district'] as const;

export function listPlaces(db: DbOrTx, organisationId: string): Promise<PlaceRow[]> {
  return listOwnRows(db, places, organisationId, places.name);
}

/** The directory as the domain's wallPlaceOf reads it. */
export async function loadPlaceDirectory(db: DbOrTx, organisationId: string): Promise<DirectoryPlace[]> {
  const rows = await listPlaces(db, organisationId);
  return rows.map((r) => ({ name: r.name, kind: r.kind }));
}

async function ensureNameFree(db: DbOrTx, organisationId: string, name: string, exceptId?: string) {
  if (await isNameTaken(db, places, organisationId, name, exceptId)) {
    throw appError('CONFLICT', 'place.exists', { name }, { field: 'name' });
  }
}

export async function createPlace(
  db: DbOrTx,
  input: { organisationId: string; name: string; kind: (typeof PLACE_KINDS)[number] },
): Promise<PlaceRow> {
  await ensureNameFree(db, input.organisationId, input.name);
  const [row] = await db.insert(places).values(input).returning();
  return row!;
}

/** Renames a place or changes its kind; the wall reads the directory afresh on its next load. */
export async function updatePlace(
  db: DbOrTx,
  input: { organisationId: string; id: string; name?: string; kind?: (typeof PLACE_KINDS)[number] },
): Promise<PlaceRow> {
  const found = await findOwnRow(db, places, input.organisationId, input.id);
  if (!found) throw notFound('place');
  if (input.name !== undefined) await ensureNameFree(db, input.organisationId, input.name, input.id);
  if (input.name === undefined && input.kind === undefined) return found;
  const [row] = await db
    .update(places)
    .set(givenFields({ name: input.name, kind: input.kind }))
    .where(eq(places.id, input.id))
    .returning();
  return row!;
}

export async function deletePlace(db: DbOrTx, organisationId: string, id: string): Promise<void> {
  const deleted = await deleteOwnRow(db, places, organisationId, id);
  if (!deleted) throw notFound('place');
}
