// Self-check of the production-calendar data: the yearly norms published with each decree must come out of it,
// and the day statuses must read as the decrees say.

import { describe, expect, it } from 'vitest';
import { dayNumber, formatDayNumber } from './dates';
import { PRODUCTION_CALENDAR } from './production-calendar';
import { moscow } from './test-helpers';

function yearTotals(year: number) {
  const cal = moscow();
  let days = 0;
  let minutes = 0;
  for (let dn = dayNumber(year, 1, 1); dn < dayNumber(year + 1, 1, 1); dn++) {
    const info = cal.dayInfo(formatDayNumber(dn));
    if (!info.isWorkingDay) continue;
    days++;
    for (const [s, e] of info.intervals) minutes += e - s;
  }
  return { days, hours: minutes / 60 };
}

describe('production calendar data', () => {
  it('2025 (decree 1335): 247 working days, 1972 hours', () => {
    // By hand: 2025 starts on Wednesday → 261 weekdays. Weekday days off: 01–03.01, 06–08.01, 01–02.05,
    // 08–09.05, 12–13.06, 03–04.11, 31.12 = 15 → 246, plus the working Saturday 01.11 = 247.
    // Hours: 247 × 8 − 4 shortened days = 1972.
    expect(yearTotals(2025)).toEqual({ days: 247, hours: 1972 });
    expect(PRODUCTION_CALENDAR[2025]!.norm).toEqual({ workingDays: 247, hours40: 1972 });
  });

  it('2026 (decree 1466): 247 working days, 1972 hours', () => {
    // By hand: 2026 starts on Thursday → 261 weekdays. Weekday days off: 01–02.01, 05–09.01, 23.02, 09.03,
    // 01.05, 11.05, 12.06, 04.11, 31.12 = 14 → 247. Hours: 247 × 8 − 4 shortened days = 1972.
    expect(yearTotals(2026)).toEqual({ days: 247, hours: 1972 });
  });

  it('2027 (art. 112 fallback): 249 working days, 1987 hours', () => {
    // By hand: 2027 starts on Friday → 261 weekdays. Weekday days off: 01.01, 04–08.01, 23.02, 08.03,
    // 03.05 (from Sat 01.05), 10.05 (from Sun 09.05), 14.06 (from Sat 12.06), 04.11 = 12 → 249.
    // Shortened eves: 22.02, 30.04, 11.06, 03.11, 31.12 = 5 → 249 × 8 − 5 = 1987.
    expect(yearTotals(2027)).toEqual({ days: 249, hours: 1987 });
  });

  it('day statuses read as the decrees say', () => {
    const cal = moscow();
    expect(cal.dayInfo('2026-01-09')).toMatchObject({
      kind: 'transferred-day-off',
      isWorkingDay: false,
      confirmed: true,
      source: 'Government decree No 1466 of 24.09.2025',
    });
    expect(cal.dayInfo('2025-11-01')).toMatchObject({
      kind: 'working-weekend',
      isWorkingDay: true,
      shortened: true,
      intervals: [
        [540, 780],
        [840, 1020],
      ],
      source: 'Government decree No 1335 of 04.10.2024',
    });
    expect(cal.dayInfo('2026-06-11')).toMatchObject({
      kind: 'shortened',
      intervals: [
        [540, 780],
        [840, 1020],
      ],
    });
    expect(cal.dayInfo('2026-06-12')).toMatchObject({ kind: 'holiday', isWorkingDay: false, intervals: [] });
    expect(cal.dayInfo('2026-11-28').kind).toBe('weekend');
    expect(cal.dayInfo('2026-11-24')).toMatchObject({ kind: 'workday', shortened: false });
    expect(cal.dayInfo('2027-01-07')).toMatchObject({ kind: 'holiday', confirmed: false });
    expect(() => cal.dayInfo('24.11.2026')).toThrow(
      expect.objectContaining({ key: 'calendar.invalid-date', params: { date: '24.11.2026' } }),
    );
  });
});
