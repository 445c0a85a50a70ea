// The Russian federal production calendar as data: one entry per year for which a Government decree on the
// transfer of days off exists. Years not listed fall back to the Labour Code art. 112 rules (labour-code.ts).

export interface TransferredDayOff {
  /** The new day off, 'YYYY-MM-DD'. */
  readonly date: string;
  /** The weekend day or holiday it was moved from. */
  readonly from: string;
}

export interface ProductionCalendarYear {
  readonly year: number;
  /** The decree the year's data comes from. */
  readonly source: string;
  /** Non-working public holidays (Labour Code art. 112), including those that fall on a weekend. */
  readonly holidays: readonly string[];
  /** Weekdays made days off by the decree (or by art. 112's automatic move of a weekend holiday). */
  readonly transferredDaysOff: readonly TransferredDayOff[];
  /** Saturdays/Sundays made working days by the decree. */
  readonly workingWeekendDays: readonly string[];
  /** Pre-holiday working days shortened by one hour (Labour Code art. 95). */
  readonly shortenedDays: readonly string[];
  /** Norms published with the calendar for a 40-hour five-day week; used by the data self-check test. */
  readonly norm: { readonly workingDays: number; readonly hours40: number };
}

const ART_112_HOLIDAYS = (year: number): string[] => [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => `${year}-01-0${d}`),
  `${year}-02-23`,
  `${year}-03-08`,
  `${year}-05-01`,
  `${year}-05-09`,
  `${year}-06-12`,
  `${year}-11-04`,
];

/** Government decree No 1335 of 04.10.2024 "On the transfer of days off in 2025". */
const Y2025: ProductionCalendarYear = {
  year: 2025,
  source: 'Government decree No 1335 of 04.10.2024',
  holidays: ART_112_HOLIDAYS(2025),
  transferredDaysOff: [
    { date: '2025-05-02', from: '2025-01-04' },
    { date: '2025-12-31', from: '2025-01-05' },
    { date: '2025-05-08', from: '2025-02-23' },
    { date: '2025-06-13', from: '2025-03-08' },
    { date: '2025-11-03', from: '2025-11-01' },
  ],
  workingWeekendDays: ['2025-11-01'],
  shortenedDays: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
  norm: { workingDays: 247, hours40: 1972 },
};

/** Government decree No 1466 of 24.09.2025 "On the transfer of days off in 2026". */
const Y2026: ProductionCalendarYear = {
  year: 2026,
  source: 'Government decree No 1466 of 24.09.2025',
  holidays: ART_112_HOLIDAYS(2026),
  transferredDaysOff: [
    { date: '2026-01-09', from: '2026-01-03' },
    { date: '2026-12-31', from: '2026-01-04' },
    // Art. 112 moves a non-January holiday on a weekend to the next working day; the decree lists the result.
    { date: '2026-03-09', from: '2026-03-08' },
    { date: '2026-05-11', from: '2026-05-09' },
  ],
  workingWeekendDays: [],
  shortenedDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
  norm: { workingDays: 247, hours40: 1972 },
};

/** Production calendar data by year. */
export const PRODUCTION_CALENDAR: Readonly<Record<number, ProductionCalendarYear>> = {
  2025: Y2025,
  2026: Y2026,
};

export const LABOUR_CODE_SOURCE = 'Labour Code art. 112 (no decree data)';
