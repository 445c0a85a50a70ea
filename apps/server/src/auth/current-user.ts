// Who is acting: a person with their roles, departments and the people they currently stand in for,
// shaped as the domain's Actor so the decider checks the same rights the middleware did.
import type { Actor, Role } from '@otklik/domain';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { organisations, people, sessions } from '../db/schema';

export interface CurrentUser {
  readonly personId: string;
  readonly organisationId: string;
  readonly fullName: string;
  readonly login: string;
  readonly position: string;
  readonly roles: readonly Role[];
  /** Manages every organisation of the installation (create, rename, archive), besides their own. */
  readonly regionAdministrator: boolean;
  readonly departmentId: string | null;
  readonly actor: Actor;
}

/** The person with what their identity needs, in one statement (was five reads): their row, the departments they
 *  head, whom they stand in for at `at`, and their organisation's archive mark. */
function identityColumns(at: Date) {
  return {
    id: people.id,
    organisationId: people.organisationId,
    fullName: people.fullName,
    login: people.login,
    position: people.position,
    roles: people.roles,
    regionAdministrator: people.regionAdministrator,
    departmentId: people.departmentId,
    active: people.active,
    archivedAt: organisations.archivedAt,
    headed: sql<unknown>`(select coalesce(json_agg(d.id), '[]') from departments d where d.supervising_deputy_id = ${people.id})`,
    standingIn: sql<unknown>`(select coalesce(json_agg(a.person_id), '[]') from absences a where a.substitute_id = ${people.id} and a.starts_at <= ${at.toISOString()}::timestamptz and a.ends_at > ${at.toISOString()}::timestamptz)`,
  };
}

interface IdentityRow {
  id: string;
  organisationId: string;
  fullName: string;
  login: string;
  position: string;
  roles: string[];
  regionAdministrator: boolean;
  departmentId: string | null;
  active: boolean;
  archivedAt: Date | null;
  headed: unknown;
  standingIn: unknown;
}

function currentUserOf(person: IdentityRow | undefined): CurrentUser | null {
  if (!person?.active) return null;
  // Nobody of an archived organisation is signed in: their sessions end at the next request.
  if (person.archivedAt) return null;
  const headed = fromJson<string[]>(person.headed);
  const departmentIds = [...new Set([...(person.departmentId ? [person.departmentId] : []), ...headed])];
  const roles = person.roles as Role[];
  return {
    personId: person.id,
    organisationId: person.organisationId,
    fullName: person.fullName,
    login: person.login,
    position: person.position,
    roles,
    regionAdministrator: person.regionAdministrator,
    departmentId: person.departmentId,
    actor: { personId: person.id, roles, departmentIds, substituteFor: fromJson<string[]>(person.standingIn) },
  };
}

export async function loadCurrentUser(db: DbOrTx, personId: string, now: number): Promise<CurrentUser | null> {
  const [person] = await db
    .select(identityColumns(new Date(now)))
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, personId));
  return currentUserOf(person);
}

/** The signed-in person of a session (by its stored hash) unexpired at `now`, in one statement; null when the
 *  session is unknown or expired, the person inactive or their organisation archived. */
export async function loadSessionUser(
  db: DbOrTx,
  sessionHash: string,
  now: number,
): Promise<{ user: CurrentUser | null; sessionExpiresAt: number } | null> {
  const at = new Date(now);
  const [row] = await db
    .select({ ...identityColumns(at), sessionExpiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(sessions.id, sessionHash), gt(sessions.expiresAt, at)));
  if (!row) return null;
  return { user: currentUserOf(row), sessionExpiresAt: row.sessionExpiresAt.getTime() };
}
