// How far a case routed to several departments has got: which link of a sequential chain holds it now (konyshevsky
// p.16, NAO p.22), or how many parts of a parallel set are in (krasnoufimsk p.17). The board shows it as "2 из 3".
import type { AssignmentState, CaseState } from './types';

export interface ChainProgress {
  readonly mode: 'sequential' | 'parallel';
  /** Departments in the chain or set. */
  readonly total: number;
  /** Parts already sent. */
  readonly sent: number;
  /** Sequential: the 1-based link that holds the case now (the last one composes the answer); parallel: null. */
  readonly current: number | null;
}

type ChainFacts = Pick<CaseState, 'mode'> & {
  readonly assignments: readonly Pick<AssignmentState, 'contributedAt'>[];
};

/** null for a case with one department (or not routed yet): there is no chain to show. */
export function chainProgress(s: ChainFacts): ChainProgress | null {
  if ((s.mode !== 'sequential' && s.mode !== 'parallel') || s.assignments.length < 2) return null;
  const total = s.assignments.length;
  const sent = s.assignments.filter((a) => a.contributedAt !== null).length;
  if (s.mode === 'parallel') return { mode: 'parallel', total, sent, current: null };
  // The composer (the last link) sends no part of its own: once every earlier part is in, it holds the case.
  const waiting = s.assignments.findIndex((a) => a.contributedAt === null);
  return { mode: 'sequential', total, sent, current: waiting === -1 ? total : waiting + 1 };
}
