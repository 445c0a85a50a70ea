// Ids a command refers to (departments, executors, substitutes, earlier cases) must exist in the case's own
// organisation: the server checks that before deciding and nothing is written. Whether an existing person may take a
// department's part (an active executor of that department) is the domain's rule: decide() is given the directory.
// Departments and people are checked against the organisation's directory the command's context already read (one
// statement fewer each); earlier cases are looked up.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { cases } from '../db/schema';
import { appError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: string[]) => [...new Set(ids)].filter((id) => UUID.test(id));

/** The organisation's own departments and people, as the command's context read them. */
export interface KnownIds {
  readonly departmentIds: readonly string[];
  readonly personIds: readonly string[];
}

/** The distinct ids of `wanted` that name none of `own` (a uuid is compared as the database would: case aside). */
function missing(own: readonly string[], wanted: string[]): string[] {
  const known = new Set(own.map((id) => id.toLowerCase()));
  return [...new Set(wanted)].filter((id) => !UUID.test(id) || !known.has(id.toLowerCase()));
}

function requireDepartments(known: KnownIds, ids: string[]) {
  const absent = missing(known.departmentIds, ids);
  if (absent.length > 0) {
    throw appError('NOT_FOUND', 'case.department-not-in-organisation', {}, { departmentIds: absent });
  }
}

function requirePeople(known: KnownIds, ids: string[]) {
  if (missing(known.personIds, ids).length > 0) throw appError('NOT_FOUND', 'case.person-not-in-organisation', {});
}

export async function checkCommandReferences(
  db: Db,
  organisationId: string,
  command: unknown,
  known: KnownIds,
): Promise<void> {
  const c = command as { type?: string } & Record<string, unknown>;
  switch (c.type) {
    case 'route':
    case 'reroute':
    case 'move': {
      const assignments = (c.assignments ?? []) as { departmentId: string; executorId: string }[];
      requireDepartments(
        known,
        assignments.map((a) => a.departmentId),
      );
      requirePeople(
        known,
        assignments.map((a) => a.executorId),
      );
      return;
    }
    case 'reassign-substitute': {
      requireDepartments(known, [c.departmentId as string]);
      requirePeople(known, [c.substituteId as string]);
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
