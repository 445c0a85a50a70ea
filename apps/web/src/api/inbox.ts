// The inbox: cases waiting for me (and for the people I stand in for), and the open cases of my departments.
import { toBoardCase } from './adapters';
import { fetchBoard } from './board';
import { directoryNames } from './names';
import { api } from './trpc';
import type { BoardCase, SessionUser } from './types';

export async function loadInbox(user: SessionUser | null): Promise<{ mine: BoardCase[]; department: BoardCase[] }> {
  const names = directoryNames();
  const [mine, ...perDepartment] = await Promise.all([
    api.cases.myTasks.query(),
    ...(user?.departmentIds ?? []).map((departmentId) => fetchBoard({ departmentId })),
  ]);
  const mineRows = mine.cases.map((r) => toBoardCase(r, names, 0));
  const mineIds = new Set(mineRows.map((r) => r.id));
  const seen = new Set<string>();
  const department: BoardCase[] = [];
  for (const res of perDepartment) {
    for (const r of res.cases) {
      if (mineIds.has(r.id) || seen.has(r.id)) continue;
      seen.add(r.id);
      department.push(toBoardCase(r, names, res.seq));
    }
  }
  const byDue = (a: BoardCase, b: BoardCase) =>
    (a.stepClock?.dueAt ?? Number.POSITIVE_INFINITY) - (b.stepClock?.dueAt ?? Number.POSITIVE_INFINITY);
  return { mine: mineRows.sort(byDue), department: department.sort(byDue) };
}
