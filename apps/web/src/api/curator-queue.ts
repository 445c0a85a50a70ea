// The curator's queue: the open cases that wait on a curator now, with what each waits for, earliest deadline first
// (the server reads the domain's curatorTurn from each row).
import type { CuratorTurn } from '@otklik/domain';
import { toBoardCase } from './adapters';
import { directoryNames } from './names';
import { toMsOrNull } from './time';
import { api } from './trpc';
import type { BoardCase } from './types';

export interface CuratorTask {
  readonly row: BoardCase;
  readonly turn: CuratorTurn;
  /** The earliest deadline of the case's running clocks: the queue's order. */
  readonly dueAt: number | null;
}

export async function loadCuratorQueue(): Promise<CuratorTask[]> {
  const res = await api.cases.curatorQueue.query();
  const names = directoryNames();
  return res.cases.map((r) => ({ row: toBoardCase(r, names, 0), turn: r.turn, dueAt: toMsOrNull(r.dueAt) }));
}
