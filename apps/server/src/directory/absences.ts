// Absences (illness, leave, business trip, study) and who substitutes for the absent person meanwhile.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { absences } from '../db/schema';
import { AppError, notFound } from '../errors/app-error';
import { requirePersonInOrganisation } from './people';

export type AbsenceRow = typeof absences.$inferSelect;
export const ABSENCE_REASONS = ['illness', 'leave', 'business-trip', 'study', 'other'] as const;

export function listAbsences(db: DbOrTx, organisationId: string): Promise<AbsenceRow[]> {
  return db.select().from(absences).where(eq(absences.organisationId, organisationId)).orderBy(asc(absences.startsAt));
}

export async function createAbsence(
  db: DbOrTx,
  input: {
    organisationId: string;
    personId: string;
    substituteId: string;
    reason: (typeof ABSENCE_REASONS)[number];
    startsAt: number;
    endsAt: number;
  },
): Promise<AbsenceRow> {
  if (input.personId === input.substituteId) {
    throw new AppError('BAD_INPUT', 'Сотрудник не может замещать сам себя / a person cannot substitute for themselves');
  }
  if (input.endsAt <= input.startsAt) {
    throw new AppError('BAD_INPUT', 'Конец отсутствия раньше начала / the absence ends before it starts');
  }
  await requirePersonInOrganisation(db, input.organisationId, input.personId);
  await requirePersonInOrganisation(db, input.organisationId, input.substituteId);
  const [row] = await db
    .insert(absences)
    .values({ ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) })
    .returning();
  return row!;
}

export async function deleteAbsence(db: DbOrTx, organisationId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(absences)
    .where(and(eq(absences.id, id), eq(absences.organisationId, organisationId)))
    .returning({ id: absences.id });
  if (deleted.length === 0) throw notFound('Отсутствие');
}
