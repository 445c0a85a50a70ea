// The reports area's public surface: monthly summary, surge detection, repeat candidates and CSV.
export type * from './case-facts';
export { caseFacts } from './case-facts';
export type { MonthRange } from './month';
export { inRange, monthOf, monthRange, parseMonth, previousMonth } from './month';
export { monthlySummary } from './monthly-summary';
export { median, percentile } from './stats';
export { summariseMonth } from './summarise';
export * from './summary-types';
