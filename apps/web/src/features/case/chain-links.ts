// The state of each link of a chain as the case stands now (never a stale "в работе" once the case moved on).
import { type CaseState, composerOf, isOpen } from '@otklik/domain';

export type ChainLinkState = 'done' | 'composed' | 'active' | 'waiting' | 'closed';

export function chainLinkStates(s: CaseState): ChainLinkState[] {
  const composer = composerOf(s);
  // The composer sends no part of their own: their work is the draft, done once it is sent and not back for revision.
  const composed = s.draft !== null && s.status !== 'revision';
  return s.assignments.map((a) => {
    if (a.contributedAt !== null) return 'done';
    if (a === composer && a.receivedAt !== null && composed) return 'composed';
    if (!isOpen(s)) return 'closed';
    return a.receivedAt !== null ? 'active' : 'waiting';
  });
}
