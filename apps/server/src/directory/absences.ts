// Absences (illness, leave, business trip, study) and who substitutes for the absent person meanwhile.
import type { AbsenceReason } from '@otklik/domain';
import { asc, eq } from 'drizzle-orm';
import { forgetIdentities } from '../auth/identity-cache';
import type { DbOrTx } from '../db/connect';
import { deleteOwnRow, findOwnRow } from '../db/organisation-rows';
import { absences } from '../db/schema';
import { appError, notFound } from '../errors/app-error';
import { requirePersonInOrganisation } from './people';

export type AbsenceRow = typeof absences.$inferSelect;

export function listAbsences(db: DbOrTx, organisationId: string): Promise<AbsenceRow[]> {
  return db.select().from(absences).where(eq(absences.organisationId, organisationId)).orderBy(asc(absences.startsAt));
}

export async function createAbsence(
  db: DbOrTx,
  input: {
    organisationId: string;
    personId: string;
    substituteId: string;
    reason: AbsenceReason;
    startsAt: number;
    endsAt: number;
  },
): Promise<AbsenceRow> {
  if (input.personId === input.substituteId) {
    throw appError('BAD_INPUT', 'absence.self', {});
  }
  if (input.endsAt <= input.startsAt) {
    throw appError('BAD_INPUT', 'absence.ends-before-start', {});
  }
  await requirePersonInOrganisation(db, input.organisationId, input.personId);
  await requirePersonInOrganisation(db, input.organisationId, input.substituteId);
  const [row] = await db
    .insert(absences)
    .values({ ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) })
    .returning();
  // Whom the substitute stands in for.
  forgetIdentities();
  return row!;
}

/** Changes an absence (dates, reason, substitute, even the person): the same rules as creating one. */
export async function updateAbsence(
  db: DbOrTx,
  input: {
    organisationId: string;
    id: string;
    personId?: string;
    substituteId?: string;
    reason?: AbsenceReason;
    startsAt?: number;
    endsAt?: number;
  },
): Promise<AbsenceRow> {
  const found = await findOwnRow(db, absences, input.organisationId, input.id);
  if (!found) throw notFound('absence');
  const next = {
    personId: input.personId ?? found.personId,
    substituteId: input.substituteId ?? found.substituteId,
    reason: input.reason ?? found.reason,
    startsAt: input.startsAt ?? found.startsAt.getTime(),
    endsAt: input.endsAt ?? found.endsAt.getTime(),
  };
  if (next.personId === next.substituteId) {
    throw appError(
      'BAD_INPUT',
      'absence.self',
      {},
      {
        field: 'substituteId',
      },
    );
  }
  if (next.endsAt <= next.startsAt) {
    throw appError(
      'BAD_INPUT',
      'absence.ends-before-start',
      {},
      {
        field: 'endsAt',
      },
    );
  }
  await requirePersonInOrganisation(db, input.organisationId, next.personId);
  await requirePersonInOrganisation(db, input.organisationId, next.substituteId);
  const [row] = await db
    .update(absences)
    .set({ ...next, startsAt: new Date(next.startsAt), endsAt: new Date(next.endsAt) })
    .where(eq(absences.id, input.id))
    .returning();
  forgetIdentities();
  return row!;
}

export async function deleteAbsence(db: DbOrTx, organisationId: string, id: string): Promise<void> {
  const deleted = await deleteOwnRow(db, absences, organisationId, id);
  forgetIdentities();
  if (!deleted) throw notFound('absence');
}
