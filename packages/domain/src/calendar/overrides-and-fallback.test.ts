// Per-organisation overrides, and years without decree data (Labour Code art. 112 fallback, confirmed: false).

import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from './schedule';
import { at, fixture } from './test-helpers';

describe('overrides', () => {
  it('an extra day off is skipped', () => {
    // Wed 25.11.2026 off for this organisation: Tue 17–18 (60), Thu 26.11 09:00 + 60 → 10:00.
    const f = fixture({ timeZone: 'Europe/Moscow', overrides: { extraDaysOff: ['2026-11-25'] } });
    expect(f.addMin('2026-11-24T17:00:00+03:00', 120)).toBe('2026-11-26T10:00:00+03:00');
    expect(f.cal.dayInfo('2026-11-25').kind).toBe('extra-day-off');
  });

  it('an extra working day with its own intervals', () => {
    // Sat 28.11.2026 10:00–14:00: Fri 17–18 (60), Sat 10:00 + 60 → 11:00.
    const f = fixture({
      timeZone: 'Europe/Moscow',
      overrides: { extraWorkingDays: [{ date: '2026-11-28', intervals: [[600, 840]] }] },
    });
    expect(f.addMin('2026-11-27T17:00:00+03:00', 120)).toBe('2026-11-28T11:00:00+03:00');
  });

  it('an extra working day without intervals gets an ordinary working day', () => {
    // Sat 28.11.2026 gets 09–13, 14–18: Fri 17–18 (60) + Sat 09–13 (240) → exactly 13:00.
    const f = fixture({ timeZone: 'Europe/Moscow', overrides: { extraWorkingDays: [{ date: '2026-11-28' }] } });
    expect(f.addMin('2026-11-27T17:00:00+03:00', 300)).toBe('2026-11-28T13:00:00+03:00');
    expect(f.cal.dayInfo('2026-11-28')).toMatchObject({ kind: 'extra-working-day', isWorkingDay: true });
  });

  it('a different schedule (08:00–17:00 without lunch)', () => {
    const day = [[480, 1020]] as const;
    const f = fixture({
      timeZone: 'Europe/Moscow',
      schedule: { ...DEFAULT_SCHEDULE, 1: day, 2: day, 3: day, 4: day, 5: day },
    });
    // Tue 16:00–17:00 (60), Wed 08:00 + 60 → 09:00; 13:30 is working time here.
    expect(f.addMin('2026-11-24T16:00:00+03:00', 120)).toBe('2026-11-25T09:00:00+03:00');
    expect(f.cal.isWorkingTime(at('2026-11-24T13:30:00+03:00'))).toBe(true);
    // Shortened Thu 11.06.2026 ends at 16:00 on this schedule.
    expect(f.addDays('2026-06-10T12:00:00+03:00', 1)).toBe('2026-06-11T16:00:00+03:00');
  });

  it('refuses bad overrides and schedules with a clear message', () => {
    expect(() =>
      fixture({
        timeZone: 'Europe/Moscow',
        overrides: { extraDaysOff: ['2026-11-25'], extraWorkingDays: [{ date: '2026-11-25' }] },
      }),
    ).toThrow(expect.objectContaining({ key: 'calendar.day-off-and-working', params: { date: '2026-11-25' } }));
    expect(() => fixture({ timeZone: 'Europe/Moscow', overrides: { extraDaysOff: ['2026-02-30'] } })).toThrow(
      expect.objectContaining({ key: 'calendar.no-such-date', params: { date: '2026-02-30' } }),
    );
    expect(() => fixture({ timeZone: 'Europe/Moscow', schedule: { ...DEFAULT_SCHEDULE, 1: [[600, 540]] } })).toThrow(
      expect.objectContaining({ key: 'calendar.bad-weekday-interval', params: { start: 600, end: 540, weekday: 1 } }),
    );
  });
});

describe('fallback years (no decree data)', () => {
  const msk = fixture({ timeZone: 'Europe/Moscow' });

  it('marks results touching 2027 as unconfirmed and decree years as confirmed', () => {
    expect(msk.cal.addWorkingMinutes(at('2026-11-24T10:00:00+03:00'), 60).confirmed).toBe(true);
    // Wed 30.12.2026 17–18 (60); 31.12.2026 off (decree 1466); 01–08.01.2027 holidays, 09–10 weekend;
    // Mon 11.01.2027 09:00 + 60 → 10:00.
    const r = msk.cal.addWorkingMinutes(at('2026-12-30T17:00:00+03:00'), 120);
    expect(msk.cal.formatInstant(r.at)).toBe('2027-01-11T10:00:00+03:00');
    expect(r.confirmed).toBe(false);
  });

  it('shortens the eve of a holiday and skips the holiday (23.02.2027, Tue)', () => {
    // Mon 22.02.2027 ends 17:00: 16–17 (60); Tue 23.02 holiday; Wed 24.02 09:00 + 60 → 10:00.
    const r = msk.cal.addWorkingMinutes(at('2027-02-22T16:00:00+03:00'), 120);
    expect(msk.cal.formatInstant(r.at)).toBe('2027-02-24T10:00:00+03:00');
    expect(r.confirmed).toBe(false);
  });

  it('moves a weekend holiday to the next working day (01.05.2027 Sat → Mon 03.05)', () => {
    // Fri 30.04.2027 is the eve of 01.05 → ends 17:00: 16:30–17:00 (30); 01–02.05 weekend; Mon 03.05 off;
    // Tue 04.05 09:00 + 30 → 09:30.
    expect(msk.addMin('2027-04-30T16:30:00+03:00', 60)).toBe('2027-05-04T09:30:00+03:00');
    expect(msk.cal.dayInfo('2027-05-03')).toMatchObject({
      kind: 'transferred-day-off',
      confirmed: false,
      source: 'Labour Code art. 112 (no decree data)',
    });
  });

  it('does not move January holidays that fall on a weekend', () => {
    // 02–03.01.2027 are Sat/Sun: only a decree moves them, so Mon 04.01 … Fri 08.01 stay holidays and Mon 11.01
    // is the first working day; nothing is added after it.
    expect(msk.cal.dayInfo('2027-01-11')).toMatchObject({ kind: 'workday', isWorkingDay: true });
    expect(msk.cal.dayInfo('2027-01-02').kind).toBe('holiday');
  });

  it('works before 2025 too', () => {
    // 2024 has no decree data here: art. 112 alone. Wed 12.06.2024 holiday, Tue 11.06 shortened to 17:00.
    const r = msk.cal.addWorkingMinutes(at('2024-06-11T16:00:00+03:00'), 120);
    expect(msk.cal.formatInstant(r.at)).toBe('2024-06-13T10:00:00+03:00');
    expect(r.confirmed).toBe(false);
  });
});
