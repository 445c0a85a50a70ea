// A year of the federal production calendar given as data at run time (imported by an administrator from the
// government's open-data production calendar), and the checks an import must pass. The decrees shipped in
// production-calendar.ts stay the default; an imported year takes precedence for its year.

import { dayNumber, formatDayNumber, isoWeekday } from './dates';

export interface ImportedCalendarYear {
  readonly year: number;
  /** Where the data comes from, shown as each day's source (e.g. the file and when it was imported). */
  readonly source: string;
  /** Every non-working date of the year, weekends included ('YYYY-MM-DD'); any other date is a working day. */
  readonly daysOff: readonly string[];
  /** Shortened pre-holiday working days (Labour Code art. 95). */
  readonly shortenedDays: readonly string[];
  /** Days off the data marks as transferred ('+'): a subset of daysOff, for the day's label. */
  readonly transferredDaysOff: readonly string[];
}

/** One year as the open data lists it: per month (1–12), the day entries of its days off ("1", "23*", "2+"). */
export interface OpenDataYear {
  readonly year: number;
  readonly months: readonly (readonly string[])[];
  /** The totals the file states, when it has those columns. */
  readonly stated?: Partial<YearTotals>;
}

export interface YearTotals {
  readonly workingDays: number;
  readonly daysOff: number;
  /** Working hours of the year for a 40-hour five-day week (8 h a day, 1 h less on a shortened day). */
  readonly hours40: number;
}

export type CalendarImportIssue =
  | { readonly code: 'bad-year'; readonly params: { readonly value: number } }
  | { readonly code: 'month-count'; readonly params: { readonly count: number } }
  | { readonly code: 'bad-day'; readonly params: { readonly month: number; readonly value: string } }
  | { readonly code: 'duplicate-day'; readonly params: { readonly date: string } }
  | { readonly code: 'holiday-working'; readonly params: { readonly date: string } }
  | { readonly code: 'shortened-weekend'; readonly params: { readonly date: string } }
  | {
      readonly code: 'totals-mismatch';
      readonly params: { readonly field: keyof YearTotals; readonly stated: number; readonly computed: number };
    };

/** Labour Code art. 112 non-working holidays as [month, day]. */
export const ART_112_DATES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [2, 23],
  [3, 8],
  [5, 1],
  [5, 9],
  [6, 12],
  [11, 4],
];

const HOURS_PER_DAY_40 = 8;
const DAY_ENTRY = /^(\d{1,2})([*+]?)$/;

export function yearTotals(data: Pick<ImportedCalendarYear, 'year' | 'daysOff' | 'shortenedDays'>): YearTotals {
  const days = dayNumber(data.year + 1, 1, 1) - dayNumber(data.year, 1, 1);
  const daysOff = new Set(data.daysOff).size;
  const workingDays = days - daysOff;
  return { workingDays, daysOff, hours40: workingDays * HOURS_PER_DAY_40 - new Set(data.shortenedDays).size };
}

/** Reads and checks one open-data year. A '*' day is a shortened working day, so it is not a day off. */
export function readOpenDataYear(
  row: OpenDataYear,
  source: string,
): { ok: true; year: ImportedCalendarYear; totals: YearTotals } | { ok: false; issues: CalendarImportIssue[] } {
  const issues: CalendarImportIssue[] = [];
  const { year } = row;
  if (!Number.isInteger(year) || year < 1991 || year > 2399) {
    return { ok: false, issues: [{ code: 'bad-year', params: { value: year } }] };
  }
  if (row.months.length !== 12)
    return { ok: false, issues: [{ code: 'month-count', params: { count: row.months.length } }] };
  const daysOff: string[] = [];
  const shortened: string[] = [];
  const transferred: string[] = [];
  const seen = new Set<string>();
  row.months.forEach((entries, index) => {
    const month = index + 1;
    const length = dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
    for (const raw of entries) {
      const entry = raw.trim();
      if (entry === '') continue;
      const m = DAY_ENTRY.exec(entry);
      const day = m ? Number(m[1]) : 0;
      if (!m || day < 1 || day > length) {
        issues.push({ code: 'bad-day', params: { month, value: entry } });
        continue;
      }
      const date = formatDayNumber(dayNumber(year, month, day));
      if (seen.has(date)) {
        issues.push({ code: 'duplicate-day', params: { date } });
        continue;
      }
      seen.add(date);
      if (m[2] === '*') {
        if (isoWeekday(dayNumber(year, month, day)) === 7) issues.push({ code: 'shortened-weekend', params: { date } });
        shortened.push(date);
        continue;
      }
      daysOff.push(date);
      if (m[2] === '+') transferred.push(date);
    }
  });
  const off = new Set(daysOff);
  for (const [month, day] of ART_112_DATES) {
    const date = formatDayNumber(dayNumber(year, month, day));
    if (!off.has(date)) issues.push({ code: 'holiday-working', params: { date } });
  }
  const data: ImportedCalendarYear = {
    year,
    source,
    daysOff: daysOff.sort(),
    shortenedDays: shortened.sort(),
    transferredDaysOff: transferred.sort(),
  };
  const totals = yearTotals(data);
  for (const field of ['workingDays', 'daysOff', 'hours40'] as const) {
    const stated = row.stated?.[field];
    if (stated !== undefined && stated !== totals[field]) {
      issues.push({ code: 'totals-mismatch', params: { field, stated, computed: totals[field] } });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, year: data, totals };
}
