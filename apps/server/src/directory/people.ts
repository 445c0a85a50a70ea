// People of an organisation: position, contacts, roles, department, login; passwords are stored as argon2id hashes.
import type { Role } from '@otklik/domain';
import { and, arrayOverlaps, eq } from 'drizzle-orm';
import { forgetIdentities } from '../auth/identity-cache';
import { hashPassword } from '../auth/password';
import type { DbOrTx } from '../db/connect';
import { findOwnRow, listOwnRows } from '../db/organisation-rows';
import { departments, people } from '../db/schema';
import { appError, notFound } from '../errors/app-error';

export type PersonRow = typeof people.$inferSelect;
/** What the API shows of a person: never the password hash. */
export type PersonView = Omit<PersonRow, 'passwordHash'> & { hasPassword: boolean };

export function toPersonView({ passwordHash, ...rest }: PersonRow): PersonView {
  return { ...rest, hasPassword: passwordHash !== null };
}

export async function listPeople(db: DbOrTx, organisationId: string): Promise<PersonView[]> {
  const rows = await listOwnRows(db, people, organisationId, people.fullName);
  return rows.map(toPersonView);
}

/** The ids of the organisation's active people who hold any of `roles`: whom an organisation-wide alert reaches. */
export async function activePeopleWithAnyRole(db: DbOrTx, organisationId: string, roles: Role[]): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.active, true), arrayOverlaps(people.roles, roles)));
  return rows.map((r) => r.id);
}

export async function requirePersonInOrganisation(db: DbOrTx, organisationId: string, id: string): Promise<PersonRow> {
  const row = await findOwnRow(db, people, organisationId, id);
  if (!row) throw notFound('person');
  return row;
}

async function checkDepartment(db: DbOrTx, organisationId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const row = await findOwnRow(db, departments, organisationId, departmentId);
  if (!row) throw notFound('department');
}

async function checkLoginFree(db: DbOrTx, login: string, exceptId?: string) {
  const [clash] = await db.select({ id: people.id }).from(people).where(eq(people.login, login));
  if (clash && clash.id !== exceptId) throw appError('CONFLICT', 'person.login-taken', { login });
}

export interface PersonInput {
  organisationId: string;
  fullName: string;
  position?: string;
  email?: string | null;
  phone?: string | null;
  login: string;
  password?: string | null;
  roles: Role[];
  departmentId?: string | null;
}

export async function createPerson(db: DbOrTx, input: PersonInput): Promise<PersonView> {
  const login = input.login.toLowerCase();
  await checkLoginFree(db, login);
  await checkDepartment(db, input.organisationId, input.departmentId);
  const [row] = await db
    .insert(people)
    .values({
      organisationId: input.organisationId,
      fullName: input.fullName,
      position: input.position ?? '',
      email: input.email ?? null,
      phone: input.phone ?? null,
      login,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      roles: input.roles,
      departmentId: input.departmentId ?? null,
    })
    .returning();
  return toPersonView(row!);
}

export async function updatePerson(
  db: DbOrTx,
  input: Partial<Omit<PersonInput, 'organisationId'>> & { organisationId: string; id: string; active?: boolean },
): Promise<PersonView> {
  const current = await requirePersonInOrganisation(db, input.organisationId, input.id);
  const login = input.login?.toLowerCase();
  if (login) await checkLoginFree(db, login, input.id);
  await checkDepartment(db, input.organisationId, input.departmentId);
  const { organisationId: _org, id, password, login: _login, ...fields } = input;
  const changes = {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(login ? { login } : {}),
    ...(password ? { passwordHash: await hashPassword(password) } : {}),
  };
  // Nothing to change: an empty update is not an error (drizzle refuses an empty SET).
  if (Object.keys(changes).length === 0) return toPersonView(current);
  const [row] = await db.update(people).set(changes).where(eq(people.id, id)).returning();
  // Roles, department, activity: who the person is on their next request.
  forgetIdentities();
  return toPersonView(row!);
}
