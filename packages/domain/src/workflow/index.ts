// The workflow area's public surface: commands (zod), events, state, and the decider.

export { allowedCommands, caseActions } from './allowed';
export { type ChainProgress, chainProgress } from './chain-progress';
export * from './channel';
export * from './commands';
export { changedForCommand, partOfCommand } from './concurrency';
export {
  CURATOR_TURN_FLAGS,
  CURATOR_TURNS,
  type CuratorTurn,
  curatorTurn,
  curatorTurnFlag,
  curatorTurnOfFlags,
} from './curator-queue';
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
export { COMMAND_ROLES, mayApprove } from './permissions';
export { networkHosts, type PublicationUrlProblem, parseHttpUrl, publicationUrlProblem } from './publication-url';
export {
  bilingualRefusal,
  counted,
  type Entry as CatalogueEntry,
  entry as catalogueEntry,
  fixed as fixedEntry,
  isRefusalKey,
  REFUSAL_KEYS,
  REFUSALS,
  type RefusalKey,
  type RefusalLang,
  type RefusalParam,
  type RefusalParams,
  type RefusalParamsOf,
  refusal,
  refusalIn,
  refusalText,
} from './refusals';
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
export {
  type DirectoryExecutor,
  departmentExecutors,
  type ExecutorCandidate,
  mayTakePart,
  substituteCandidates,
  usualExecutor,
} from './usual-executor';
