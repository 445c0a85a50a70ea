// The curator's queue: the open cases that wait on a curator now, with what each waits for (the domain's curatorTurn,
// which the server records in the row's flags), earliest deadline first. Selected from the one cases store.
import type { CuratorTurn } from '@otklik/domain';
import type { BoardCase } from './types';

export interface CuratorTask {
  readonly row: BoardCase;
  readonly turn: CuratorTurn;
  /** The earliest deadline of the case's running clocks: the queue's order. */
  readonly dueAt: number | null;
}

/** The queue's order: the earliest deadline first, cases without a running clock last, then by number. */
export function curatorQueueOf(rows: Iterable<BoardCase>): CuratorTask[] {
  const tasks: CuratorTask[] = [];
  for (const row of rows) {
    if (row.isOpen && row.curatorTurn) tasks.push({ row, turn: row.curatorTurn, dueAt: row.dueAt ?? null });
  }
  const due = (t: CuratorTask) => t.dueAt ?? Number.POSITIVE_INFINITY;
  return tasks.sort((a, b) => due(a) - due(b) || a.row.number - b.row.number);
}
