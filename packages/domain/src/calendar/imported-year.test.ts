// Production-calendar years as data: the open-data row of a year is read and checked (the year's totals, the
// Labour Code holidays), and a calendar given an imported year uses it instead of the fallback or shipped decree.
// The expected rows and totals are worked out by hand in the comments.

import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { unconfirmedAhead } from './confirmation';
import { type OpenDataYear, readOpenDataYear } from './imported-year';

const split = (months: string[]) => months.map((m) => m.split(','));

/** 2026 from decree No 1466 in the open-data form: weekends, holidays, 9+ Jan, 9+ Mar, 11+ May, 31+ Dec; * = eve. */
const Y2026: OpenDataYear = {
  year: 2026,
  months: split([
    '1,2,3,4,5,6,7,8,9+,10,11,17,18,24,25,31',
    '1,7,8,14,15,21,22,23,28',
    '1,7,8,9+,14,15,21,22,28,29',
    '4,5,11,12,18,19,25,26,30*',
    '1,2,3,8*,9,10,11+,16,17,23,24,30,31',
    '6,7,11*,12,13,14,20,21,27,28',
    '4,5,11,12,18,19,25,26',
    '1,2,8,9,15,16,22,23,29,30',
    '5,6,12,13,19,20,26,27',
    '3,4,10,11,17,18,24,25,31',
    '1,3*,4,7,8,14,15,21,22,28,29',
    '5,6,12,13,19,20,26,27,31+',
  ]),
  stated: { workingDays: 247, daysOff: 118, hours40: 1972 },
};

/**
 * An illustrative 2027 (not a decree: made for this test): the Labour Code's holidays and art. 112 moves
 * (3 May, 10 May, 14 June) plus two moves of the January weekend holidays, to Fri 5 Nov and Fri 31 Dec.
 */
const Y2027: OpenDataYear = {
  year: 2027,
  months: split([
    '1,2,3,4,5,6,7,8,9,10,16,17,23,24,30,31',
    '6,7,13,14,20,21,22*,23,27,28',
    '6,7,8,13,14,20,21,27,28',
    '3,4,10,11,17,18,24,25,30*',
    '1,2,3+,8,9,10+,15,16,22,23,29,30',
    '5,6,11*,12,13,14+,19,20,26,27',
    '3,4,10,11,17,18,24,25,31',
    '1,7,8,14,15,21,22,28,29',
    '4,5,11,12,18,19,25,26',
    '2,3,9,10,16,17,23,24,30,31',
    '3*,4,5+,6,7,13,14,20,21,27,28',
    '4,5,11,12,18,19,25,26,31+',
  ]),
};

const at = (iso: string) => Date.parse(iso);

/** Reads a year that must come to the norm of 2026 and 2027: 247 working days, 118 days off, 1972 hours. */
function readNormYear(data: Parameters<typeof readOpenDataYear>[0], source: string) {
  const read = readOpenDataYear(data, source);
  expect(read.ok && read.totals).toEqual({ workingDays: 247, daysOff: 118, hours40: 1972 });
  if (!read.ok) throw new Error(`${source} was refused`);
  return read.year;
}

describe('an open-data production-calendar year', () => {
  it('2026 reads as 247 working days and 1972 hours, the decree’s norm, and matches the shipped decree', () => {
    // By hand: 365 days − 118 listed days off (104 weekend days + 14 weekday days off) = 247;
    // 247 × 8 − 4 shortened days (30 Apr, 8 May, 11 Jun, 3 Nov) = 1972.
    const year = readNormYear(Y2026, 'open data 2026');
    const shipped = createCalendar({ timeZone: 'Europe/Moscow' });
    const imported = createCalendar({ timeZone: 'Europe/Moscow', years: [year] });
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 0, 1); d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      const a = shipped.dayInfo(date);
      const b = imported.dayInfo(date);
      expect([date, b.isWorkingDay, b.intervals, b.kind]).toEqual([date, a.isWorkingDay, a.intervals, a.kind]);
      expect(b.source).toBe('open data 2026');
    }
  });

  it('an imported 2027 turns January deadlines confirmed and its own transfers move deadlines', () => {
    const year = readNormYear(Y2027, 'open data 2027 (test)');
    const fallback = createCalendar({ timeZone: 'Europe/Moscow' });
    const imported = createCalendar({ timeZone: 'Europe/Moscow', years: [year] });
    // Wed 30 Dec 2026 12:00 + 3 working days: 31 Dec off, 1–10 Jan off, so Mon 11, Tue 12, Wed 13 Jan 18:00.
    const from = at('2026-12-30T12:00:00+03:00');
    expect(fallback.addWorkingDays(from, 3)).toEqual({ at: at('2027-01-13T18:00:00+03:00'), confirmed: false });
    expect(imported.addWorkingDays(from, 3)).toEqual({ at: at('2027-01-13T18:00:00+03:00'), confirmed: true });
    // Wed 3 Nov 2027 + 1 working day: Thu 4 Nov holiday; Fri 5 Nov works under the Labour Code alone (18:00) but
    // is a transferred day off in the imported year, so Mon 8 Nov 18:00.
    const eve = at('2027-11-03T12:00:00+03:00');
    expect(fallback.addWorkingDays(eve, 1).at).toBe(at('2027-11-05T18:00:00+03:00'));
    expect(imported.addWorkingDays(eve, 1).at).toBe(at('2027-11-08T18:00:00+03:00'));
    expect(imported.dayInfo('2027-11-05')).toMatchObject({ kind: 'transferred-day-off', confirmed: true });
    expect(imported.dayInfo('2027-11-03')).toMatchObject({ kind: 'shortened', isWorkingDay: true });
    expect(imported.dayInfo('2027-01-04')).toMatchObject({ kind: 'holiday', source: 'open data 2027 (test)' });
  });

  it('names every problem of a broken row', () => {
    const months = Y2027.months.map((m) => [...m]);
    months[0] = months[0]!.filter((d) => d !== '1'); // 1 Jan missing: a Labour Code holiday listed as working
    months[1]!.push('30'); // there is no 30 February
    months[2]!.push('6'); // listed twice
    months[3]!.push('x');
    const read = readOpenDataYear({ year: 2027, months, stated: { workingDays: 250 } }, 'x');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toEqual([
      { code: 'bad-day', params: { month: 2, value: '30' } },
      { code: 'duplicate-day', params: { date: '2027-03-06' } },
      { code: 'bad-day', params: { month: 4, value: 'x' } },
      { code: 'holiday-working', params: { date: '2027-01-01' } },
      // 247 + 1 Jan now working = 248.
      { code: 'totals-mismatch', params: { field: 'workingDays', stated: 250, computed: 248 } },
    ]);
    expect(readOpenDataYear({ year: 1900, months }, 'x')).toMatchObject({ ok: false, issues: [{ code: 'bad-year' }] });
    expect(readOpenDataYear({ year: 2027, months: months.slice(1) }, 'x')).toMatchObject({
      issues: [{ code: 'month-count', params: { count: 11 } }],
    });
  });
});

describe('the warning horizon', () => {
  it('warns while the next 60 days reach an unconfirmed year, and stops once it is imported', () => {
    const read = readOpenDataYear(Y2027, 'open data 2027 (test)');
    if (!read.ok) throw new Error('fixture');
    const fallback = createCalendar({ timeZone: 'Asia/Krasnoyarsk' });
    const imported = createCalendar({ timeZone: 'Asia/Krasnoyarsk', years: [read.year] });
    // 1 December 2026 (local): 60 days reach 30 January 2027.
    expect(unconfirmedAhead(fallback, at('2026-12-01T10:00:00+07:00'))).toEqual({ from: '2027-01-01', years: [2027] });
    expect(unconfirmedAhead(imported, at('2026-12-01T10:00:00+07:00'))).toBeNull();
    // 1 October 2026: 60 days end on 30 November, still 2026.
    expect(unconfirmedAhead(fallback, at('2026-10-01T10:00:00+07:00'))).toBeNull();
    // 31 Oct 17:30 UTC is 1 Nov 00:30 in Krasnoyarsk: 60 days from 1 Nov end on 31 Dec, no warning yet.
    expect(unconfirmedAhead(fallback, at('2026-10-31T17:30:00Z'))).toBeNull();
    // 2 Nov local: 60 days reach 1 Jan 2027.
    expect(unconfirmedAhead(fallback, at('2026-11-02T00:30:00+07:00'))).toEqual({ from: '2027-01-01', years: [2027] });
  });
});
