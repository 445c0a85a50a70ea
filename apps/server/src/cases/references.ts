// Ids a command refers to (departments, executors, substitutes, earlier cases) must exist in the case's own
// organisation: the domain cannot see the directory, so the server checks before deciding and nothing is written.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { cases, departments, people } from '../db/schema';
import { AppError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: string[]) => [...new Set(ids)].filter((id) => UUID.test(id));

async function requireDepartments(db: Db, organisationId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  const found = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), inArray(departments.id, uuids(wanted))));
  if (found.length !== wanted.length) {
    throw new AppError('NOT_FOUND', 'Подразделение не найдено в этой организации / department not found', {
      departmentIds: wanted.filter((id) => !found.some((f) => f.id === id)),
    });
  }
}

async function peopleOf(db: Db, organisationId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  const found = await db
    .select({ id: people.id, departmentId: people.departmentId, roles: people.roles, active: people.active })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, uuids(wanted))));
  if (found.length !== wanted.length) {
    throw new AppError('NOT_FOUND', 'Сотрудник не найден в этой организации / person not found');
  }
  return found;
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
      const found = await peopleOf(
        db,
        organisationId,
        assignments.map((a) => a.executorId),
      );
      for (const a of assignments) {
        const person = found.find((p) => p.id === a.executorId)!;
        if (!person.active || !person.roles.includes('executor') || person.departmentId !== a.departmentId) {
          throw new AppError(
            'BAD_INPUT',
            'Исполнитель должен быть активным исполнителем этого подразделения / the executor must belong to the department',
            { executorId: a.executorId, departmentId: a.departmentId },
          );
        }
      }
      return;
    }
    case 'reassign-substitute': {
      await requireDepartments(db, organisationId, [c.departmentId as string]);
      const [substitute] = await peopleOf(db, organisationId, [c.substituteId as string]);
      if (!substitute?.active || !substitute.roles.includes('executor')) {
        throw new AppError(
          'BAD_INPUT',
          'Замещающий должен быть активным исполнителем / the substitute must be an executor',
        );
      }
      return;
    }
    case 'link-repeat': {
      const ids = [...new Set((c.earlierCaseIds ?? []) as string[])];
      const found = await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, uuids(ids))));
      if (found.length !== ids.length) {
        throw new AppError('NOT_FOUND', 'Прежнее обращение не найдено в этой организации / earlier case not found');
      }
      return;
    }
    default:
      return;
  }
}
