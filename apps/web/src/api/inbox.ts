// The inbox: every open case of mine (and of the people I stand in for) and of my departments, split by whose move it
// is (the domain's turnOf over the case's clocks): my turn, or waiting for others, each with the clock that runs for
// whoever holds it now. Selected from the one cases store, which live changes keep current.
import { turnOf } from '@otklik/domain';
import { directoryNames } from './names';
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

/** A case waits for one of `personIds` (listMyTasks on the server): the person the clock names is one of them (the
 *  absent one a substitute stands in for counts, as the server names the substitute), or one of them is its executor. */
function isTaskOf(row: BoardCase, personIds: readonly string[]): boolean {
  const named = row.absentPersonId ?? row.responsiblePersonId;
  return (named !== null && personIds.includes(named)) || (row.executorIds ?? []).some((id) => personIds.includes(id));
}

/** The inbox of `user` from the rows of the one cases store: no request of its own. */
export function inboxOf(rows: Iterable<BoardCase>, user: SessionUser | null): Inbox {
  const names = directoryNames();
  const departmentIds = user?.departmentIds ?? [];
  const personIds = user ? [user.id, ...user.substituteFor] : [];
  const open = [...rows].filter((r) => r.isOpen);
  const inDepartment = (r: BoardCase, id: string) => (r.departmentIds ?? []).includes(id);
  const tasks: InboxTask[] = open
    .filter((r) => isTaskOf(r, personIds) || departmentIds.some((d) => inDepartment(r, d)))
    .map((row) => {
      const turn = turnOf(row.clocks ?? [], personIds);
      return { row, clock: turn.clock, mine: turn.mine };
    });
  const byDue = (a: InboxTask, b: InboxTask) =>
    (a.clock?.dueAt ?? Number.POSITIVE_INFINITY) - (b.clock?.dueAt ?? Number.POSITIVE_INFINITY);
  tasks.sort(byDue);
  return {
    yourTurn: tasks.filter((t) => t.mine),
    waiting: tasks.filter((t) => !t.mine),
    departments: departmentIds.map((id) => ({
      id,
      name: names.department(id) ?? id,
      open: open.filter((r) => inDepartment(r, id)).length,
    })),
  };
}
