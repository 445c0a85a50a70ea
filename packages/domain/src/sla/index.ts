// The SLA area's public surface: clock types, active clocks of a case and step deadlines.
export type * from './types';
