// The state of a case before its first event, and small read-only helpers over a state.
import type { AssignmentState, CaseState, ClockRecord, Responsible } from './types';

export const initialState: CaseState = {
  version: 0,
  caseId: null,
  profileId: null,
  overallStep: 'answer',
  triageEndsAt: 'routed',
  status: 'none',
  stage: 'answer',
  ending: null,
  message: null,
  detectedAt: null,
  postedAt: null,
  triagedAt: null,
  topic: null,
  location: null,
  category: null,
  rejectionGround: null,
  mode: null,
  assignments: [],
  routedAt: null,
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
  repeatOf: [],
  sociallySignificant: false,
  shortenedDeadlines: {},
  appeal: null,
  closedAt: null,
  clocks: [],
  pendingPublication: null,
  messageEditedAt: null,
  messageDeletedAt: null,
};

export const isOpen = (s: CaseState): boolean => s.status !== 'none' && s.status !== 'closed';

/** Who composes the answer: the only executor, the last one of a sequential chain (konyshevsky p.16, NAO p.22), or
 *  the curator of a parallel set (krasnoufimsk p.17). null = the curator. */
export function composerOf(s: CaseState): AssignmentState | null {
  if (s.mode === 'parallel') return null;
  return s.assignments[s.assignments.length - 1] ?? null;
}

export function composerResponsible(s: CaseState): Responsible {
  const c = composerOf(s);
  return c
    ? { role: 'executor', personId: c.executorId, departmentId: c.departmentId }
    : { role: 'curator', personId: null, departmentId: null };
}

/** Every executor whose part the combined answer needs has sent it (the composer of a sequential chain sends none). */
export function contributionsComplete(s: CaseState): boolean {
  if (s.mode === 'single' || s.mode === null) return true;
  const needed = s.mode === 'sequential' ? s.assignments.slice(0, -1) : s.assignments;
  return needed.every((a) => a.contributedAt !== null);
}

export const openClocks = (s: CaseState): ClockRecord[] => s.clocks.filter((c) => c.closedAt === null);
