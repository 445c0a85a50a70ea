// The reports area's public surface: monthly summary, surge detection, repeat candidates and CSV.
export type * from './case-facts';
export { caseFacts } from './case-facts';
export { BOM, type CsvCell, type CsvOptions, toCsv } from './csv';
export type { MonthRange } from './month';
export { dayAndWeekStart, inRange, monthOf, monthRange, parseMonth, previousMonth } from './month';
export { monthlySummary } from './monthly-summary';
export { authorKeyOf, type RepeatCandidate, type RepeatDoc, RepeatIndex, type RepeatQueryOptions } from './repeats';
export { median, percentile } from './stats';
export { summariseMonth } from './summarise';
export {
  type NameLookup,
  type ReportLang,
  STEP_TITLES,
  type SummaryTable,
  summaryTables,
  type TableCell,
  tableRows,
  totalLabel,
} from './summary-tables';
export * from './summary-types';
export {
  type ActiveSurge,
  baselineOf,
  DEFAULT_SURGE_THRESHOLDS,
  detectSurges,
  type SurgeDecision,
  type SurgeDimension,
  type SurgeMessage,
  type SurgeThresholds,
  surgeThresholdsOf,
  thresholdOf,
  zSurgeThresholds,
} from './surge';
export { jaccardSorted, normaliseText, trigramsOf } from './text-shingles';
