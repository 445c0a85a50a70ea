// The state of a case before its first event, and small read-only helpers over a state.
import type { AssignmentState, CaseState, ClockRecord, Responsible } from './types';

/** Bumped when the shape or the meaning of the folded state changes: stored projections of an older model are
 *  folded again from their events (the server does it at start). */
// 3: the board row carries the curator's turn (curator-queue.ts): stored rows are projected again to get it.
export const STATE_MODEL = 3;

export const initialState: CaseState = {
  stateModel: STATE_MODEL,
  version: 0,
  caseId: null,
  profileId: null,
  model: {},
  status: 'none',
  stage: 'answer',
  ending: null,
  message: null,
  detectedAt: null,
  postedAt: null,
  triagedAt: null,
  topic: null,
  topicId: null,
  topicListed: false,
  location: null,
  category: null,
  high: false,
  rejectionGround: null,
  mode: null,
  forwarded: false,
  assignments: [],
  routedAt: null,
  routedBy: null,
  returnedAt: null,
  contributions: [],
  draft: null,
  approvedAt: null,
  publisher: null,
  revisionRequestedAt: null,
  intermediatePublishedAt: null,
  publications: [],
  returns: [],
  revisions: [],
  corrections: [],
  repeatOf: [],
  sociallySignificant: false,
  shortenedDeadlines: {},
  appeal: null,
  closedAt: null,
  clocks: [],
  pendingPublication: null,
  messageEditedAt: null,
  messageDeletedAt: null,
  custody: [],
};

export const isOpen = (s: CaseState): boolean => s.status !== 'none' && s.status !== 'closed';

export const CURATOR: Responsible = { role: 'curator', personId: null, departmentId: null };
export const OPERATOR: Responsible = { role: 'operator', personId: null, departmentId: null };

export function executorOf(a: { readonly departmentId: string; readonly executorId: string }): Responsible {
  return { role: 'executor', personId: a.executorId, departmentId: a.departmentId };
}

/** Who composes the answer: the only executor, the last one of a sequential chain (konyshevsky p.16, NAO p.22), or
 *  the curator of a parallel set (krasnoufimsk p.17). null = the curator. */
export function composerOf(s: CaseState): AssignmentState | null {
  if (s.mode === 'parallel') return null;
  return s.assignments[s.assignments.length - 1] ?? null;
}

export function composerResponsible(s: CaseState): Responsible {
  const c = composerOf(s);
  return c ? executorOf(c) : CURATOR;
}

/** Every executor whose part the combined answer needs has sent it (the composer of a sequential chain sends none). */
export function contributionsComplete(s: CaseState): boolean {
  if (s.mode === 'single' || s.mode === null) return true;
  const needed = s.mode === 'sequential' ? s.assignments.slice(0, -1) : s.assignments;
  return needed.every((a) => a.contributedAt !== null);
}

/** In a curator-forwarded chain: the department the curator forwards to next, once every earlier part is in. */
export function nextToForward(s: CaseState): AssignmentState | null {
  if (s.mode !== 'sequential' || !s.forwarded) return null;
  for (const a of s.assignments) {
    if (a.receivedAt === null) return a;
    if (a.contributedAt === null) return null;
  }
  return null;
}

export const openClocks = (s: CaseState): ClockRecord[] => s.clocks.filter((c) => c.closedAt === null);
