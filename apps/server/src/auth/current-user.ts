// Who is acting: a person with their roles, departments and the people they currently stand in for,
// shaped as the domain's Actor so the decider checks the same rights the middleware did.
import type { Actor, Role } from '@otklik/domain';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { absences, departments, organisations, people } from '../db/schema';

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

export async function loadCurrentUser(db: DbOrTx, personId: string, now: number): Promise<CurrentUser | null> {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person?.active) return null;
  const at = new Date(now);
  const [headed, standingIn, [organisation]] = await Promise.all([
    db.select({ id: departments.id }).from(departments).where(eq(departments.supervisingDeputyId, personId)),
    db
      .select({ personId: absences.personId })
      .from(absences)
      .where(and(eq(absences.substituteId, personId), lte(absences.startsAt, at), gt(absences.endsAt, at))),
    db
      .select({ archivedAt: organisations.archivedAt })
      .from(organisations)
      .where(eq(organisations.id, person.organisationId)),
  ]);
  // Nobody of an archived organisation is signed in: their sessions end at the next request.
  if (!organisation || organisation.archivedAt) return null;
  const departmentIds = [
    ...new Set([...(person.departmentId ? [person.departmentId] : []), ...headed.map((d) => d.id)]),
  ];
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
    actor: { personId: person.id, roles, departmentIds, substituteFor: standingIn.map((a) => a.personId) },
  };
}
