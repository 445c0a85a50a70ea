// Public surface of the working-time calendar.

export { createCalendar } from './calendar';
export { unconfirmedAhead } from './confirmation';
export {
  CALENDAR_MESSAGES,
  CalendarError,
  type CalendarMessageKey,
  type CalendarMessageParams,
  calendarError,
  calendarText,
  isCalendarError,
} from './errors';
export type {
  CalendarImportIssue,
  ImportedCalendarYear,
  OpenDataYear,
  YearTotals,
} from './imported-year';
export { readOpenDataYear, yearTotals } from './imported-year';
export { isRealDate, type OverrideProblem, sanitiseOverrides, zCalendarOverrides, zLocalDate } from './overrides';
export type { ProductionCalendarYear, TransferredDayOff } from './production-calendar';
export { LABOUR_CODE_SOURCE, PRODUCTION_CALENDAR } from './production-calendar';
export { DEFAULT_SCHEDULE } from './schedule';
export * from './types';
export { createZone, isTimeZone, type Zone } from './zone';
