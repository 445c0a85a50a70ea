// Ids a command refers to (departments, executors, substitutes, earlier cases) must exist in the case's own
// organisation: the server checks that before deciding and nothing is written. Whether an existing person may take a
// department's part (an active executor of that department) is the domain's rule: decide() is given the directory.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { cases, departments, people } from '../db/schema';
import { appError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: string[]) => [...new Set(ids)].filter((id) => UUID.test(id));

async function requireDepartments(db: Db, organisationId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  const found = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), inArray(departments.id, uuids(wanted))));
  if (found.length !== wanted.length) {
    throw appError(
      'NOT_FOUND',
      'case.department-not-in-organisation',
      {},
      {
        departmentIds: wanted.filter((id) => !found.some((f) => f.id === id)),
      },
    );
  }
}

async function requirePeople(db: Db, organisationId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, uuids(wanted))));
  if (found.length !== wanted.length) {
    throw appError('NOT_FOUND', 'case.person-not-in-organisation', {});
  }
}

export async function checkCommandReferences(db: Db, organisationId: string, command: unknown): Promise<void> {
  const c = command as { type?: string } & Record<string, unknown>;
  switch (c.type) {
    case 'route':
    case 'reroute':
    case 'move': {
      const assignments = (c.assignments ?? []) as { departmentId: string; executorId: string }[];
      await requireDepartments(
        db,
        organisationId,
        assignments.map((a) => a.departmentId),
      );
      await requirePeople(
        db,
        organisationId,
        assignments.map((a) => a.executorId),
      );
      return;
    }
    case 'reassign-substitute': {
      await requireDepartments(db, organisationId, [c.departmentId as string]);
      await requirePeople(db, organisationId, [c.substituteId as string]);
      return;
    }
    case 'link-repeat': {
      const ids = [...new Set((c.earlierCaseIds ?? []) as string[])];
      const found = await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, uuids(ids))));
      if (found.length !== ids.length) {
        throw appError('NOT_FOUND', 'case.earlier-not-in-organisation', {});
      }
      return;
    }
    default:
      return;
  }
}
