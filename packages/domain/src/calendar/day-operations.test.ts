// addWorkingDays, addCalendarDays and Idrinsky's 24 hours on hand-computed cases (REGULATIONS "Time").

import { describe, expect, it } from 'vitest';
import { at, fixture } from './test-helpers';

const msk = fixture({ timeZone: 'Europe/Moscow' });
const kja = fixture({ timeZone: 'Asia/Krasnoyarsk' });

/** The organisations' calendars the rows below count on. */
const CAL = { msk, kja };
/** Calendar, from, N days, the end, and how it falls there. */
type Row = [keyof typeof CAL, string, number, string, string];

describe('addWorkingDays', () => {
  // Counted from the next day, ending at the end of the N-th working day (17:00 on a shortened one).
  it.each<Row>([
    ['msk', '2026-11-24T10:00:00+03:00', 1, '2026-11-25T18:00:00+03:00', 'the next day'],
    // From Fri 27.11.2026: Mon 30 (1), Tue 01.12 (2), Wed 02 (3), Thu 03 (4), Fri 04 (5), Mon 07 (6), Tue 08 (7).
    ['msk', '2026-11-27T15:00:00+03:00', 7, '2026-12-08T18:00:00+03:00', 'a week and two days later'],
    ['msk', '2026-06-10T12:00:00+03:00', 1, '2026-06-11T17:00:00+03:00', 'Thu 11.06 is shortened to 17:00'],
    ['msk', '2026-06-10T12:00:00+03:00', 2, '2026-06-15T18:00:00+03:00', '12.06 holiday, 13–14 weekend, Mon 15.06'],
    // From Mon 29.12.2025: Tue 30.12 (1); 31.12 transferred off; 01–11.01 off; Mon 12.01.2026 (2).
    ['msk', '2025-12-29T10:00:00+03:00', 2, '2026-01-12T18:00:00+03:00', 'across the New Year break'],
    ['msk', '2025-10-31T10:00:00+03:00', 1, '2025-11-01T17:00:00+03:00', 'the working Saturday 01.11.2025, shortened'],
    // 20:00Z on 24.11 is 03:00 on Wed 25.11 in Krasnoyarsk: the organisation's local date, not the UTC date.
    ['kja', '2026-11-24T20:00:00Z', 1, '2026-11-26T18:00:00+07:00', 'the next local day is Thu 26.11'],
  ])('%s: %s + %i → %s (%s)', (zone, from, n, end) => {
    expect(CAL[zone].addDays(from, n)).toBe(end);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => msk.cal.addWorkingDays(at('2026-11-24T10:00:00+03:00'), -1)).toThrow(
      expect.objectContaining({ key: 'calendar.count-not-whole', params: { value: '-1' } }),
    );
    expect(() => msk.cal.addWorkingDays(at('2026-11-24T10:00:00+03:00'), 1.5)).toThrow(
      expect.objectContaining({ key: 'calendar.count-not-whole', params: { value: '1.5' } }),
    );
  });
});

describe('addCalendarDays', () => {
  it('8 calendar days from 24.04.2026 land on Sat 02.05 → next working day Mon 04.05 (Yekaterinburg)', () => {
    // 25.04 … 02.05 are days 1–8; 02.05 Sat, 03.05 Sun; 01.05 was the holiday; Mon 04.05 is working.
    const ekb = fixture({ timeZone: 'Asia/Yekaterinburg' });
    expect(ekb.addCal('2026-04-24T12:00:00+05:00', 8)).toBe('2026-05-04T18:00:00+05:00');
  });

  // The end of the N-th day when it is a working day, else of the next working day.
  it.each<Row>([
    ['msk', '2026-11-24T10:00:00+03:00', 1, '2026-11-25T18:00:00+03:00', 'a working day'],
    ['msk', '2026-06-01T10:00:00+03:00', 10, '2026-06-11T17:00:00+03:00', 'Thu 11.06, shortened'],
    ['msk', '2026-11-23T10:00:00+03:00', 5, '2026-11-30T18:00:00+03:00', 'Sat 28.11 → Mon 30.11'],
    ['msk', '2026-03-02T10:00:00+03:00', 7, '2026-03-10T18:00:00+03:00', 'Mon 09.03, transferred off → Tue 10.03'],
    // The organisation's local date: 20:00Z on 24.11 = Wed 25.11 03:00 +07.
    ['kja', '2026-11-24T20:00:00Z', 1, '2026-11-26T18:00:00+07:00', 'Thu 26.11'],
  ])('%s: %s + %i → %s (%s)', (zone, from, n, end) => {
    expect(CAL[zone].addCal(from, n)).toBe(end);
  });
});

describe('addIdrinsky24Hours (Idrinsky 3.3)', () => {
  it('skips the weekend whole (example of the lead)', () => {
    // Fri 27.11.2026 15:00 +07: Fri 15→24 = 9 h, Sat/Sun skipped, Mon 0→15 = 15 h → Mon 15:00.
    // Working hours Fri 15–18 (3) + Mon 9–13 (4) + 14–15 (1) = 8: no extension.
    expect(kja.idrinsky('2026-11-27T15:00:00+07:00')).toBe('2026-11-30T15:00:00+07:00');
    // Same instant given in UTC.
    expect(kja.idrinsky('2026-11-27T08:00:00Z')).toBe('2026-11-30T15:00:00+07:00');
  });

  it('is plain 24 hours mid-week', () => {
    // Tue 10:00 → Wed 10:00: Tue 10–13, 14–18 (7 h) + Wed 9–10 (1 h) = 8 h.
    expect(kja.idrinsky('2026-11-24T10:00:00+07:00')).toBe('2026-11-25T10:00:00+07:00');
  });

  it('is extended when the window holds fewer than 8 working hours', () => {
    // Tue 03.11.2026 10:00 (shortened day, ends 17:00): Tue 10→24 = 14 h, Wed 04.11 holiday skipped,
    // Thu 0→10 = 10 h → Thu 10:00. Working hours: Tue 10–13, 14–17 (6) + Thu 9–10 (1) = 7 < 8.
    // Extended to 8 working hours: Tue 6 h + Thu 09:00–11:00 → Thu 11:00.
    expect(kja.idrinsky('2026-11-03T10:00:00+07:00')).toBe('2026-11-05T11:00:00+07:00');
  });

  it('starts at 00:00 of the next working date when received on a day off', () => {
    // Sat 28.11.2026 12:00: clock starts Mon 30.11 00:00 → Tue 01.12 00:00; the window holds Mon's 8 h.
    expect(kja.idrinsky('2026-11-28T12:00:00+07:00')).toBe('2026-12-01T00:00:00+07:00');
    // Fri 27.11 20:00: Fri 20→24 = 4 h; Mon 0→20 = 20 h → Mon 20:00 (window holds Mon's 8 h).
    expect(kja.idrinsky('2026-11-27T20:00:00+07:00')).toBe('2026-11-30T20:00:00+07:00');
  });

  it('skips the New Year break', () => {
    // Tue 30.12.2025 12:00 +03: 12→24 = 12 h; 31.12.2025–11.01.2026 off; Mon 12.01 0→12 = 12 h → 12:00.
    // Working: Tue 12–13, 14–18 (5) + Mon 9–13 (3) = 8.
    expect(msk.idrinsky('2025-12-30T12:00:00+03:00')).toBe('2026-01-12T12:00:00+03:00');
  });
});
