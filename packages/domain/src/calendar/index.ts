// Public surface of the working-time calendar.

export { createCalendar } from './calendar';
export { isRealDate, type OverrideProblem, sanitiseOverrides, zCalendarOverrides, zLocalDate } from './overrides';
export type { ProductionCalendarYear, TransferredDayOff } from './production-calendar';
export { LABOUR_CODE_SOURCE, PRODUCTION_CALENDAR } from './production-calendar';
export { DEFAULT_SCHEDULE } from './schedule';
export * from './types';
