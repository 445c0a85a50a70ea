// addWorkingMinutes, workingMinutesBetween, nextWorkingMoment and isWorkingTime on hand-computed cases.
// Default schedule 09–13, 14–18 unless said otherwise; 2025/2026 dates from decrees 1335 and 1466.
// The process zone must never matter: also run `TZ=Pacific/Chatham pnpm vitest run --project domain` and
// `TZ=America/St_Johns pnpm vitest run --project domain` (domain code may not touch process.env itself).

import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from './schedule';
import { at, fixture } from './test-helpers';

const msk = fixture({ timeZone: 'Europe/Moscow' });

describe('addWorkingMinutes forward', () => {
  // From, working minutes, the end, and what the case shows; how each end is counted is above its row.
  it.each<[string, number, string, string]>([
    // Tue 24.11.2026: 16:00–18:00 is 120 working minutes.
    ['2026-11-24T16:00:00+03:00', 120, '2026-11-24T18:00:00+03:00', 'ends at 18:00 exactly, not the next morning'],
    // Tue 20:00 is off; clock starts Wed 09:00, +30 → 09:30.
    ['2026-11-24T20:00:00+03:00', 30, '2026-11-25T09:30:00+03:00', 'an evening start waits for the next morning'],
    ['2026-11-24T07:00:00+03:00', 60, '2026-11-24T10:00:00+03:00', 'an early start begins at 09:00'],
    // 13:20 is lunch; clock starts 14:00, +30 → 14:30.
    ['2026-11-24T13:20:00+03:00', 30, '2026-11-24T14:30:00+03:00', 'a start in lunch begins at 14:00'],
    // 12:30–13:00 = 30, then 14:00–14:30 = 30.
    ['2026-11-24T12:30:00+03:00', 60, '2026-11-24T14:30:00+03:00', 'skips lunch'],
    ['2026-11-24T12:00:00+03:00', 60, '2026-11-24T13:00:00+03:00', 'ends at 13:00 when the morning is used up'],
    // Thu 11.06 is shortened (ends 17:00): 16:30–17:00 = 30; Fri 12.06 holiday; 13–14 weekend;
    // Mon 15.06 09:00 + 30 → 09:30.
    ['2026-06-11T16:30:00+03:00', 60, '2026-06-15T09:30:00+03:00', 'a shortened day, a holiday and a weekend'],
    // Tue 03.11 shortened: 16:00–17:00 = 60; Wed 04.11 holiday; Thu 05.11 09:00 + 60 → 10:00.
    ['2026-11-03T16:00:00+03:00', 120, '2026-11-05T10:00:00+03:00', 'the Day of National Unity after its eve'],
    // Wed 04.11.2026 is a holiday: clock starts Thu 09:00.
    ['2026-11-04T10:00:00+03:00', 60, '2026-11-05T10:00:00+03:00', 'a start on a holiday is outside working time'],
    // Fri 06.03 17:00–18:00 = 60 (06.03 is not shortened: 08.03 falls on Sunday); 07–08 weekend;
    // Mon 09.03 day off; Tue 10.03 09:00 + 60 → 10:00.
    ['2026-03-06T17:00:00+03:00', 120, '2026-03-10T10:00:00+03:00', 'the transferred day off Mon 09.03.2026'],
    // Fri 31.10.2025 17:00–18:00 = 60; Sat 01.11 09:00 + 120 → 11:00.
    ['2025-10-31T17:00:00+03:00', 180, '2025-11-01T11:00:00+03:00', 'the working Saturday 01.11.2025'],
    // Sat 01.11 16:00–17:00 = 60 (Monday hours, shortened to 17:00); Sun 02.11; Mon 03.11 transferred off;
    // Tue 04.11 holiday; Wed 05.11 09:00 + 60.
    ['2025-11-01T16:00:00+03:00', 120, '2025-11-05T10:00:00+03:00', 'the working Saturday ends at 17:00'],
    // Tue 30.12.2025 17:00–18:00 = 60 (not shortened: 31.12 is a transferred day off, not a holiday);
    // Wed 31.12.2025 off (from 05.01); 01–11.01.2026 off; Mon 12.01 09:00 + 60 → 10:00.
    ['2025-12-30T17:00:00+03:00', 120, '2026-01-12T10:00:00+03:00', 'the New Year break 2025/2026'],
    // Mon 23.11.2026 09:00 + 5 days × 480 = end of Fri 27.11.
    ['2026-11-23T09:00:00+03:00', 5 * 480, '2026-11-27T18:00:00+03:00', 'several weeks'],
    // With 0 minutes, the next working moment: Sat 28.11.2026 → Mon 30.11 09:00; inside working time, the instant.
    ['2026-11-28T12:00:00+03:00', 0, '2026-11-30T09:00:00+03:00', 'zero minutes on a weekend'],
    ['2026-11-24T10:15:00+03:00', 0, '2026-11-24T10:15:00+03:00', 'zero minutes in working time'],
  ])('%s + %i → %s: %s', (from, minutes, end) => {
    expect(msk.addMin(from, minutes)).toBe(end);
  });
});

describe('addWorkingMinutes backward', () => {
  it('subtracts across a weekend', () => {
    // Mon 23.11.2026 10:00: 09–10 = 60; Fri 20.11 18:00 − 60 → 17:00.
    expect(msk.addMin('2026-11-23T10:00:00+03:00', -120)).toBe('2026-11-20T17:00:00+03:00');
  });

  it('stops at an interval start rather than the previous interval end', () => {
    // 15:00 − 60 → 14:00 (not 13:00); 18:00 − 240 → 14:00; 18:00 − 300 → 12:00.
    expect(msk.addMin('2026-11-24T15:00:00+03:00', -60)).toBe('2026-11-24T14:00:00+03:00');
    expect(msk.addMin('2026-11-24T18:00:00+03:00', -240)).toBe('2026-11-24T14:00:00+03:00');
    expect(msk.addMin('2026-11-24T18:00:00+03:00', -300)).toBe('2026-11-24T12:00:00+03:00');
  });

  it('starts at the previous working moment when started outside working time', () => {
    expect(msk.addMin('2026-11-24T20:00:00+03:00', -30)).toBe('2026-11-24T17:30:00+03:00');
    // Mon 15.06.2026 08:00 → back over 12–14.06 → Thu 11.06 shortened, ends 17:00; − 60 → 16:00.
    expect(msk.addMin('2026-06-15T08:00:00+03:00', -60)).toBe('2026-06-11T16:00:00+03:00');
  });

  it('crosses the New Year break backwards', () => {
    // Mon 12.01.2026 09:30: 30 min; then back to Tue 30.12.2025 18:00 − 30 → 17:30.
    expect(msk.addMin('2026-01-12T09:30:00+03:00', -60)).toBe('2025-12-30T17:30:00+03:00');
  });
});

describe('time zones', () => {
  const kja = fixture({ timeZone: 'Asia/Krasnoyarsk' });

  it('reads an instant given in UTC in the organisation zone (UTC+7)', () => {
    // 02:00Z = 09:00 +07 Tue 24.11.2026; + 240 → 13:00 +07 = 06:00Z.
    const r = kja.cal.addWorkingMinutes(at('2026-11-24T02:00:00Z'), 240);
    expect(r.at).toBe(at('2026-11-24T06:00:00Z'));
    expect(kja.cal.formatInstant(r.at)).toBe('2026-11-24T13:00:00+07:00');
    // 11:30Z = 18:30 +07: off; Wed 25.11 09:00 +07 + 60 → 10:00 +07.
    expect(kja.addMin('2026-11-24T11:30:00Z', 60)).toBe('2026-11-25T10:00:00+07:00');
  });

  it('formats with the organisation offset', () => {
    expect(msk.cal.formatInstant(at('2026-11-24T15:00:00Z'))).toBe('2026-11-24T18:00:00+03:00');
    // Chatham is +13:45 in summer (NZ daylight time in November); St John's is −03:30 in winter.
    const chatham = fixture({ timeZone: 'Pacific/Chatham' });
    expect(chatham.cal.formatInstant(at('2026-11-24T00:00:00Z'))).toBe('2026-11-24T13:45:00+13:45');
    const stj = fixture({ timeZone: 'America/St_Johns' });
    expect(stj.cal.formatInstant(at('2026-11-24T00:00:00Z'))).toBe('2026-11-23T20:30:00-03:30');
  });

  it('follows daylight-saving changes of the organisation zone', () => {
    // Europe/Berlin (Russian days off still apply, none in these weeks). Fri 27.03.2026 16:00 CET: Fri 16–18 (2 h);
    // clocks go forward on Sun 29.03; Mon 30.03 09–13 (4 h) + 14–16 (2 h) → 16:00 CEST (+02:00).
    const ber = fixture({ timeZone: 'Europe/Berlin' });
    expect(ber.addMin('2026-03-27T15:00:00Z', 480)).toBe('2026-03-30T16:00:00+02:00');
    // Fri 23.10.2026 17:00 CEST: Fri 17–18 (1 h); clocks go back on Sun 25.10; Mon 26.10 09–13, 14–17 → 17:00 CET.
    expect(ber.addMin('2026-10-23T15:00:00Z', 480)).toBe('2026-10-26T17:00:00+01:00');
  });

  it('refuses an unknown zone with a clear message', () => {
    expect(() => fixture({ timeZone: 'Europe/Atlantis' })).toThrow(
      expect.objectContaining({ key: 'calendar.unknown-zone', params: { timeZone: 'Europe/Atlantis' } }),
    );
  });
});

describe('workingMinutesBetween', () => {
  it('counts working minutes in [a, b)', () => {
    expect(msk.between('2026-11-24T09:00:00+03:00', '2026-11-24T18:00:00+03:00')).toBe(480);
    // 12–13 and 14–15.
    expect(msk.between('2026-11-24T12:00:00+03:00', '2026-11-24T15:00:00+03:00')).toBe(120);
    expect(msk.between('2026-11-24T15:00:00+03:00', '2026-11-24T12:00:00+03:00')).toBe(-120);
    expect(msk.between('2026-11-24T13:10:00+03:00', '2026-11-24T13:50:00+03:00')).toBe(0);
    // Fri 17–18 and Mon 09–10.
    expect(msk.between('2026-11-27T17:00:00+03:00', '2026-11-30T10:00:00+03:00')).toBe(120);
    // Shortened Thu 11.06 = 7 h; 12.06 holiday; weekend.
    expect(msk.between('2026-06-11T09:00:00+03:00', '2026-06-15T09:00:00+03:00')).toBe(420);
  });
});

describe('nextWorkingMoment and isWorkingTime', () => {
  it('treats interval ends as outside and starts as inside', () => {
    const c = msk.cal;
    expect(c.isWorkingTime(at('2026-11-24T09:00:00+03:00'))).toBe(true);
    expect(c.isWorkingTime(at('2026-11-24T12:59:59+03:00'))).toBe(true);
    expect(c.isWorkingTime(at('2026-11-24T13:00:00+03:00'))).toBe(false);
    expect(c.isWorkingTime(at('2026-11-24T18:00:00+03:00'))).toBe(false);
    expect(c.isWorkingTime(at('2026-11-04T10:00:00+03:00'))).toBe(false);
    expect(msk.next('2026-11-24T13:00:00+03:00')).toBe('2026-11-24T14:00:00+03:00');
    expect(msk.next('2026-11-24T18:00:00+03:00')).toBe('2026-11-25T09:00:00+03:00');
    // Fri 08.01.2026 is inside the New Year break; Fri 09.01 transferred off; weekend → Mon 12.01.
    expect(msk.next('2026-01-08T11:00:00+03:00')).toBe('2026-01-12T09:00:00+03:00');
  });

  it('finds where working time pauses: the end of the interval, the instant itself outside one', () => {
    // Tue 24.11.2026 on the default schedule: 09:00–13:00, 14:00–18:00.
    expect(msk.pause('2026-11-24T10:30:00+03:00')).toBe('2026-11-24T13:00:00+03:00');
    expect(msk.pause('2026-11-24T09:00:00+03:00')).toBe('2026-11-24T13:00:00+03:00');
    expect(msk.cal.nextNonWorkingMoment(at('2026-11-24T12:59:59.999+03:00'))).toBe(at('2026-11-24T13:00:00+03:00'));
    expect(msk.pause('2026-11-24T13:00:00+03:00')).toBe('2026-11-24T13:00:00+03:00');
    expect(msk.pause('2026-11-24T13:30:00+03:00')).toBe('2026-11-24T13:30:00+03:00');
    expect(msk.pause('2026-11-24T14:00:00+03:00')).toBe('2026-11-24T18:00:00+03:00');
    expect(msk.pause('2026-11-24T18:00:00+03:00')).toBe('2026-11-24T18:00:00+03:00');
    // Sat 28.11.2026 is off: the instant itself.
    expect(msk.pause('2026-11-28T11:00:00+03:00')).toBe('2026-11-28T11:00:00+03:00');
    // Wed 30.12.2026 is the year's last working day; its last interval is the last one of the loaded year.
    expect(msk.pause('2026-12-30T15:00:00+03:00')).toBe('2026-12-30T18:00:00+03:00');
    // Thu 11.06.2026, before the holiday of 12.06, is an hour shorter: work ends at 17:00.
    expect(msk.pause('2026-06-11T15:00:00+03:00')).toBe('2026-06-11T17:00:00+03:00');
  });

  it('joins intervals that meet into one stretch, across midnight too', () => {
    // 09:00–13:00 and 13:00–18:00 meet: no pause at 13:00.
    const split = {
      ...DEFAULT_SCHEDULE,
      3: [
        [540, 780],
        [780, 1080],
      ] as const,
    };
    expect(fixture({ timeZone: 'Europe/Moscow', schedule: split }).pause('2026-11-25T10:00:00+03:00')).toBe(
      '2026-11-25T18:00:00+03:00',
    );
    // A night duty Wed 20:00–24:00 and Thu 00:00–08:00: from Wed 21:00 the work goes on until Thu 08:00.
    const night = { ...DEFAULT_SCHEDULE, 3: [[1200, 1440]] as const, 4: [[0, 480]] as const };
    expect(fixture({ timeZone: 'Europe/Moscow', schedule: night }).pause('2026-11-25T21:00:00+03:00')).toBe(
      '2026-11-26T08:00:00+03:00',
    );
    // The same duty from Wed 30.12.2026 21:00: Thu 31.12.2026 is a transferred day off (decree 1466), so the
    // stretch stops at midnight.
    expect(fixture({ timeZone: 'Europe/Moscow', schedule: night }).pause('2026-12-30T21:00:00+03:00')).toBe(
      '2026-12-31T00:00:00+03:00',
    );
  });

  it('refuses a non-finite instant or minutes', () => {
    expect(() => msk.cal.addWorkingMinutes(Number.NaN, 10)).toThrow(
      expect.objectContaining({ key: 'calendar.instant-not-finite' }),
    );
    expect(() => msk.cal.addWorkingMinutes(at('2026-11-24T10:00:00+03:00'), Number.POSITIVE_INFINITY)).toThrow(
      expect.objectContaining({ key: 'calendar.minutes-not-finite', params: { value: 'Infinity' } }),
    );
  });
});
