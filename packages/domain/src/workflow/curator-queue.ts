// What a case waits on a curator for (issue 12, "the curator's queue"): a new message to triage, a triaged one to
// route, a draft to approve, a part of a curator-forwarded chain to forward (konyshevsky p.16, NAO p.22.2), the parts
// of a parallel set to compose (krasnoufimsk p.17), a returned case to re-route, an approved answer the curator
// publishes. Read from who holds the case now (holders.ts), so the queue and the clocks never disagree.
import { caseHolders } from './holders';
import { nextToForward } from './state';
import type { CaseState } from './types';

export const CURATOR_TURNS = ['triage', 'route', 'approve', 'forward', 'compose', 'reroute', 'publish'] as const;
export type CuratorTurn = (typeof CURATOR_TURNS)[number];

/** The curator's move on this case now, or null when the case waits on nobody of the curators. */
export function curatorTurn(s: CaseState): CuratorTurn | null {
  // A new message waits for triage whoever's clock it is: a curator may triage it as well as the operator.
  if (s.status === 'detected') return 'triage';
  if (!caseHolders(s).some((h) => h.role === 'curator')) return null;
  switch (s.status) {
    case 'triaged':
      return 'route';
    case 'draft-review':
      return 'approve';
    case 'returned':
      return 'reroute';
    case 'approved':
      return 'publish';
    case 'assigned':
      return nextToForward(s) ? 'forward' : 'compose';
    case 'revision':
      // The curator composes a parallel set's answer (krasnoufimsk p.17) and so revises it too.
      return 'compose';
    default:
      return null;
  }
}

/** Flags of the board row (`curator:<turn>`) through which the server finds a curator's queue. */
export const curatorTurnFlag = (turn: CuratorTurn): `curator:${CuratorTurn}` => `curator:${turn}`;
export const CURATOR_TURN_FLAGS: readonly string[] = CURATOR_TURNS.map(curatorTurnFlag);

/** The curator's move a board row's flags record (the projection stores `curatorTurn` as a flag), or null. */
export function curatorTurnOfFlags(flags: readonly string[]): CuratorTurn | null {
  const flag = flags.find((f) => CURATOR_TURN_FLAGS.includes(f));
  return flag ? (flag.slice('curator:'.length) as CuratorTurn) : null;
}
