// The inbox: every open case of mine (and of the people I stand in for) and of my departments, split by whose move it
// is (the domain's turnOf over the case's clocks): my turn, or waiting for others, each with the clock that runs for
// whoever holds it now.
import { turnOf } from '@otklik/domain';
import { toBoardCase, toClockViews } from './adapters';
import { fetchBoard } from './board';
import { directoryNames } from './names';
import { api } from './trpc';
import type { BoardCase, ClockView, SessionUser } from './types';

export interface InboxTask {
  readonly row: BoardCase;
  /** The clock that runs for the holder: mine in "your turn", the holder's in "waiting for others". */
  readonly clock: ClockView | null;
  readonly mine: boolean;
}

export interface Inbox {
  readonly yourTurn: InboxTask[];
  readonly waiting: InboxTask[];
  /** Open cases per department of mine, so "no open cases" is never said of a department that has some. */
  readonly departments: { readonly id: string; readonly name: string; readonly open: number }[];
}

export async function loadInbox(user: SessionUser | null): Promise<Inbox> {
  const names = directoryNames();
  const departmentIds = user?.departmentIds ?? [];
  const [mine, ...perDepartment] = await Promise.all([
    api.cases.myTasks.query(),
    ...departmentIds.map((departmentId) => fetchBoard({ departmentId })),
  ]);
  const personIds = user ? [user.id, ...user.substituteFor] : [];
  const seen = new Set<string>();
  const tasks: InboxTask[] = [];
  const rows = [
    ...mine.cases.map((r) => ({ r, seq: 0 })),
    ...perDepartment.flatMap((res) => res.cases.map((r) => ({ r, seq: res.seq }))),
  ];
  for (const { r, seq } of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const turn = turnOf(toClockViews(r.clocks, names), personIds);
    tasks.push({ row: toBoardCase(r, names, seq), clock: turn.clock, mine: turn.mine });
  }
  const byDue = (a: InboxTask, b: InboxTask) =>
    (a.clock?.dueAt ?? Number.POSITIVE_INFINITY) - (b.clock?.dueAt ?? Number.POSITIVE_INFINITY);
  tasks.sort(byDue);
  return {
    yourTurn: tasks.filter((t) => t.mine),
    waiting: tasks.filter((t) => !t.mine),
    departments: departmentIds.map((id, i) => ({
      id,
      name: names.department(id) ?? id,
      open: perDepartment[i]?.cases.length ?? 0,
    })),
  };
}
