// Ids a command refers to (departments, executors, substitutes, earlier cases) must exist in the case's own
// organisation: the server checks that before deciding and nothing is written. Whether an existing person may take a
// department's part (an active executor of that department) is the domain's rule: decide() is given the directory.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { cases, departments, people } from '../db/schema';
import { appError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: string[]) => [...new Set(ids)].filter((id) => UUID.test(id));

/** The rows of `table` in the organisation among the distinct ids `wanted` (an id that is not a uuid names none). */
async function ownRows(
  db: Db,
  table: typeof departments | typeof people | typeof cases,
  organisationId: string,
  wanted: string[],
): Promise<{ id: string }[]> {
  return db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), inArray(table.id, uuids(wanted))));
}

async function requireDepartments(db: Db, organisationId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  const found = await ownRows(db, departments, organisationId, wanted);
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
  const found = await ownRows(db, people, organisationId, wanted);
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
      const found = await ownRows(db, cases, organisationId, ids);
      if (found.length !== ids.length) {
        throw appError('NOT_FOUND', 'case.earlier-not-in-organisation', {});
      }
      return;
    }
    default:
      return;
  }
}
