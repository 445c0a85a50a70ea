// The SLA area's public surface: clock types, active clocks of a case and step deadlines.
export { computeClocks } from './clocks';
export { stepDeadline } from './deadline';
export { describeRule, profileSteps, resolveRule } from './rules';
export type * from './types';
