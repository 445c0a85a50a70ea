// The workflow area's public surface: commands (zod), events, state, and the decider.

export { allowedCommands } from './allowed';
export * from './channel';
export * from './commands';
export { CURATOR_TURN_FLAGS, CURATOR_TURNS, type CuratorTurn, curatorTurn, curatorTurnFlag } from './curator-queue';
export { decide } from './decide';
export type * from './events';
export { evolve, replay } from './evolve';
export { caseHolders, clockHolders, holderKey } from './holders';
export {
  type AbsenceSpan,
  type Addressee,
  type Notice,
  type NoticeKind,
  noticesFor,
  recipientOf,
  type Supervision,
  supervisorOf,
} from './notices';
export { COMMAND_ROLES } from './permissions';
export {
  CURATOR,
  composerOf,
  contributionsComplete,
  initialState,
  isOpen,
  nextToForward,
  OPERATOR,
  STATE_MODEL,
} from './state';
export * from './types';
export { type ExecutorCandidate, usualExecutor } from './usual-executor';
