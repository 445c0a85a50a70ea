// Departments of an organisation and their supervising deputies (who receive deficiency notices).
import { eq } from 'drizzle-orm';
import { forgetIdentities } from '../auth/identity-cache';
import type { DbOrTx } from '../db/connect';
import { findOwnRow, givenFields, isNameTaken, listOwnRows } from '../db/organisation-rows';
import { departments } from '../db/schema';
import { appError, notFound } from '../errors/app-error';
import { requirePersonInOrganisation } from './people';

export type DepartmentRow = typeof departments.$inferSelect;

export function listDepartments(db: DbOrTx, organisationId: string): Promise<DepartmentRow[]> {
  return listOwnRows(db, departments, organisationId, departments.name);
}

export async function requireDepartmentInOrganisation(db: DbOrTx, organisationId: string, id: string) {
  const row = await findOwnRow(db, departments, organisationId, id);
  if (!row) throw notFound('department');
  return row;
}

async function ensureNameFree(db: DbOrTx, organisationId: string, name: string, exceptId?: string) {
  if (await isNameTaken(db, departments, organisationId, name, exceptId)) {
    throw appError('CONFLICT', 'department.exists', { name });
  }
}

export async function createDepartment(
  db: DbOrTx,
  input: { organisationId: string; name: string; supervisingDeputyId?: string | null },
): Promise<DepartmentRow> {
  await ensureNameFree(db, input.organisationId, input.name);
  if (input.supervisingDeputyId) await requirePersonInOrganisation(db, input.organisationId, input.supervisingDeputyId);
  const [row] = await db
    .insert(departments)
    .values({
      organisationId: input.organisationId,
      name: input.name,
      supervisingDeputyId: input.supervisingDeputyId ?? null,
    })
    .returning();
  return row!;
}

export async function updateDepartment(
  db: DbOrTx,
  input: { organisationId: string; id: string; name?: string; supervisingDeputyId?: string | null },
): Promise<DepartmentRow> {
  const current = await requireDepartmentInOrganisation(db, input.organisationId, input.id);
  // Nothing to change (found by the fuzz test: an empty update was a 500).
  if (input.name === undefined && input.supervisingDeputyId === undefined) return current;
  if (input.name !== undefined) await ensureNameFree(db, input.organisationId, input.name, input.id);
  if (input.supervisingDeputyId) await requirePersonInOrganisation(db, input.organisationId, input.supervisingDeputyId);
  const [row] = await db
    .update(departments)
    .set(givenFields({ name: input.name, supervisingDeputyId: input.supervisingDeputyId }))
    .where(eq(departments.id, input.id))
    .returning();
  // A deputy acts for the departments they head.
  forgetIdentities();
  return row!;
}
