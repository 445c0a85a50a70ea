// The SLA area's public surface: clock types, active clocks of a case and step deadlines.
export { clockOf, computeClocks, deadlineOfRecord, limitStepOf } from './clocks';
export { stepDeadline } from './deadline';
export {
  type CaseHistory,
  type ClockLife,
  type ClockOutcome,
  caseHistory,
  type HolderShare,
  holderShares,
} from './history';
export {
  deadlineRuleText,
  describeRule,
  HOLDER_WORDS,
  profileSteps,
  resolveRule,
  sameTopicName,
} from './rules';
export { type ClockInstants, type ClockStatus, clockStatus, firstBreachedInstant, isPastDue } from './status';
export { type Turn, type TurnClock, turnOf } from './turn';
export type * from './types';
