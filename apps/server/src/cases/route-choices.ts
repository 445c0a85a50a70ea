// What the route form offers for each department (issue 12): its executors with the head and absence marks, how many
// of the organisation's cases each took part in, and the executor to preselect (the domain's usualExecutor).
import { departmentExecutors, usualExecutor } from '@otklik/domain';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { absences, cases, departments, people } from '../db/schema';

export interface RouteChoiceExecutor {
  readonly personId: string;
  readonly fullName: string;
  readonly position: string;
  /** Heads the department (the department-head role within it). */
  readonly head: boolean;
  readonly absence: { readonly reason: string; readonly endsAt: number; readonly substituteId: string } | null;
  readonly handled: number;
}

export interface RouteChoice {
  readonly departmentId: string;
  readonly executors: readonly RouteChoiceExecutor[];
  readonly usualExecutorId: string | null;
}

export async function listRouteChoices(db: DbOrTx, organisationId: string, now: number): Promise<RouteChoice[]> {
  const at = new Date(now);
  const [deptRows, peopleRows, awayRows, handledRows] = await Promise.all([
    db.select({ id: departments.id }).from(departments).where(eq(departments.organisationId, organisationId)),
    db
      .select({
        id: people.id,
        fullName: people.fullName,
        position: people.position,
        roles: people.roles,
        departmentId: people.departmentId,
        active: people.active,
      })
      .from(people)
      .where(eq(people.organisationId, organisationId)),
    db
      .select()
      .from(absences)
      .where(and(eq(absences.organisationId, organisationId), lte(absences.startsAt, at), gt(absences.endsAt, at))),
    db
      .select({ personId: sql<string>`p.id`, handled: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(sql`unnest(${cases.partyExecutorIds}) as p(id)`, sql`true`)
      .where(eq(cases.organisationId, organisationId))
      .groupBy(sql`p.id`),
  ]);
  const handledOf = new Map(handledRows.map((r) => [r.personId, Number(r.handled)]));
  const awayOf = new Map(awayRows.map((a) => [a.personId, a]));
  return deptRows.map((d) => {
    const executors = departmentExecutors(peopleRows, d.id)
      .map((p): RouteChoiceExecutor => {
        const away = awayOf.get(p.id);
        return {
          personId: p.id,
          fullName: p.fullName,
          position: p.position,
          head: p.roles.includes('department-head'),
          absence: away
            ? { reason: away.reason, endsAt: away.endsAt.getTime(), substituteId: away.substituteId }
            : null,
          handled: handledOf.get(p.id) ?? 0,
        };
      })
      .sort((a, b) => Number(b.head) - Number(a.head) || a.fullName.localeCompare(b.fullName, 'ru'));
    const usualExecutorId = usualExecutor(
      executors.map((e) => ({
        personId: e.personId,
        fullName: e.fullName,
        handled: e.handled,
        absent: e.absence !== null,
      })),
    );
    return { departmentId: d.id, executors, usualExecutorId };
  });
}
