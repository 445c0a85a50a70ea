// Countdown state against the real calendar engine; every expectation below is worked out by hand from the default
// schedule (Mon–Fri 09:00–13:00, 14:00–18:00) in Europe/Moscow (UTC+3, no DST).
import { createCalendar } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import {
  countdownState,
  nextCountdownChange,
  nextCountdownLookChange,
  nextDeadlineBarChange,
  usedPercent,
  usedShare,
} from './countdown-state';
import { formatDeadline, formatResume, formatWorkingDuration } from './format';
import { DEFAULT_UI_TEXTS } from './texts';

const cal = createCalendar({ timeZone: 'Europe/Moscow' });
const msk = (iso: string): number => Date.parse(`${iso}+03:00`);

describe('countdownState', () => {
  it('counts working minutes across lunch: Wed 12:00 → 16:00 is 60 + 120 = 180 min, running, on track', () => {
    const s = countdownState(cal, msk('2026-11-25T16:00:00'), msk('2026-11-25T12:00:00'), msk('2026-11-25T15:00:00'));
    expect(s.remainingMinutes).toBe(180);
    expect(s.paused).toBe(false);
    expect(s.resumesAt).toBeNull();
    expect(s.status).toBe('on-track');
  });

  it('is at risk once the at-risk instant has passed', () => {
    const s = countdownState(cal, msk('2026-11-25T16:00:00'), msk('2026-11-25T15:30:00'), msk('2026-11-25T15:00:00'));
    expect(s.status).toBe('at-risk');
    expect(s.remainingMinutes).toBe(30);
  });

  // Nothing counts during lunch or the weekend: 14:00–16:00 = 120 working minutes, Mon 09:00–10:00 = 60.
  it.each([
    [
      'over lunch, resuming at 14:00 the same day',
      '2026-11-25T13:30:00',
      '2026-11-25T16:00:00',
      120,
      '2026-11-25T14:00:00',
      '14:00',
      '14:00',
    ],
    [
      'over the weekend: Fri 18:30 resumes Mon 09:00, one hour left to a Mon 10:00 deadline',
      '2026-11-27T18:30:00',
      '2026-11-30T10:00:00',
      60,
      '2026-11-30T09:00:00',
      'пн 09:00',
      'Mon 09:00',
    ],
  ])('pauses %s', (_, at, due, left, resumes, ru, en) => {
    const now = msk(at);
    const s = countdownState(cal, msk(due), now);
    expect(s.remainingMinutes).toBe(left);
    expect(s.paused).toBe(true);
    expect(s.resumesAt).toBe(msk(resumes));
    expect(formatResume(s.resumesAt!, now, cal.timeZone, 'ru-RU')).toBe(ru);
    expect(formatResume(s.resumesAt!, now, cal.timeZone, 'en-GB')).toBe(en);
  });

  it('is breached after the deadline, with negative working minutes (16:00 → 17:00 = −60)', () => {
    const s = countdownState(cal, msk('2026-11-25T16:00:00'), msk('2026-11-25T17:00:00'));
    expect(s.status).toBe('breached');
    expect(s.remainingMinutes).toBe(-60);
  });

  it('is still on time at the due instant itself and breached a millisecond later (the domain’s boundary)', () => {
    const due = msk('2026-11-25T16:00:00');
    expect(countdownState(cal, due, due, msk('2026-11-25T15:00:00')).status).toBe('at-risk');
    expect(countdownState(cal, due, due).status).toBe('on-track');
    expect(countdownState(cal, due, due + 1).status).toBe('breached');
  });

  it('is breached with no working time overdue during the lunch that starts at the deadline (due Wed 13:00, now 13:30)', () => {
    const s = countdownState(cal, msk('2026-11-25T13:00:00'), msk('2026-11-25T13:30:00'));
    expect(s.status).toBe('breached');
    // 13:00–13:30 is lunch: not one working second has passed since the deadline.
    expect(s.remainingMinutes).toBe(0);
    expect(s.overdueUnworked).toBe(true);
    // At 14:00:30 thirty working seconds have passed: overdue by 0 min 30 s is now a real figure.
    const after = countdownState(cal, msk('2026-11-25T13:00:00'), msk('2026-11-25T14:00:30'));
    expect(after.remainingMinutes).toBe(-0.5);
    expect(after.overdueUnworked).toBe(false);
  });

  it('does not depend on the browser time zone: the same instants give the same answer in UTC terms', () => {
    const s = countdownState(cal, Date.parse('2026-11-25T13:00:00Z'), Date.parse('2026-11-25T09:00:00Z'));
    // 12:00 → 16:00 Moscow time again.
    expect(s.remainingMinutes).toBe(180);
  });
});

describe('usedShare', () => {
  it('Wed 09:00 → 18:00 (480 working min): at 11:00 a quarter is used, 120/480', () => {
    expect(usedShare(cal, msk('2026-11-25T09:00:00'), msk('2026-11-25T18:00:00'), msk('2026-11-25T11:00:00'))).toBe(
      0.25,
    );
  });
  it('is 1 once breached', () => {
    expect(usedShare(cal, msk('2026-11-25T09:00:00'), msk('2026-11-25T10:00:00'), msk('2026-11-25T12:00:00'))).toBe(1);
  });
});

describe('formatting', () => {
  it('shows hours and minutes from an hour up, minutes and seconds below', () => {
    expect(formatWorkingDuration(125, DEFAULT_UI_TEXTS)).toBe('2 ч 05 мин');
    expect(formatWorkingDuration(12.5, DEFAULT_UI_TEXTS)).toBe('12 мин 30 с');
    expect(formatWorkingDuration(-61, DEFAULT_UI_TEXTS)).toBe('1 ч 01 мин');
  });
  it('writes a deadline in the organisation time zone', () => {
    // 15:00Z is 18:00 in Moscow and 22:00 in Krasnoyarsk (UTC+7).
    expect(formatDeadline(Date.parse('2026-11-25T15:00:00Z'), 'Europe/Moscow', 'ru-RU')).toBe('ср 25.11 18:00');
    expect(formatDeadline(Date.parse('2026-11-25T15:00:00Z'), 'Asia/Krasnoyarsk', 'ru-RU')).toBe('ср 25.11 22:00');
  });
});

// When a countdown must be redrawn next; each instant is worked out by hand from the schedule above (Wed 25.11.2026).
describe('nextCountdownChange', () => {
  const due16 = msk('2026-11-25T16:00:00');
  const due1630 = msk('2026-11-25T16:00:30');
  const due13 = msk('2026-11-25T13:00:00');
  const dueMon10 = msk('2026-11-30T10:00:00');
  const next = (due: number, now: string, atRisk?: number) => nextCountdownChange(cal, due, msk(now), atRisk);

  it.each<[string, number, string, number | undefined, string]>([
    // 12:00:30 → 16:00 is 59.5 + 120 = 179.5 min, shown as "2 ч 59 мин" while 179 min or more are left: until
    // 12:01:00 (a remaining time reads anew just after its boundary: these instants are that millisecond early).
    ['minutes: at the next whole minute left', due16, '2026-11-25T12:00:30', undefined, '2026-11-25T12:01:00'],
    // 15:30:00.250 → 16:00: 1,799.75 s, shown as 29 мин 59 с until 1,799 s are left, 0.75 s later.
    ['seconds: at the next whole second left', due16, '2026-11-25T15:30:00.250', undefined, '2026-11-25T15:30:01'],
    // 12:59:50 → 16:00:30: 10 s + 120.5 min = 7,240 s; the next minute boundary (7,200 s) is 40 working seconds away,
    // but lunch pauses the clock at 13:00 first.
    ['the pause at lunch before the next minute', due1630, '2026-11-25T12:59:50', undefined, '2026-11-25T13:00:00'],
    // 14:30:10 → 16:00: 89 min 50 s, the next minute in 50 s; at risk from 14:30:30, sooner.
    ['the at-risk instant', due16, '2026-11-25T14:30:10', msk('2026-11-25T14:30:30'), '2026-11-25T14:30:30'],
    // 15:59:59 → 16:00: exactly 1 s left, shown as 0 мин 01 с: it reads 0 мин 00 с a millisecond later.
    ['exactly on a whole second', due16, '2026-11-25T15:59:59', undefined, '2026-11-25T15:59:59.001'],
    // 15:59:59.500: 0.5 s left, 0 мин 00 с from just after 16:00:00, breached from 16:00:00.001.
    ['the breach', due16, '2026-11-25T15:59:59.500', undefined, '2026-11-25T16:00:00'],
    // 16:20:00.400: overdue 1,200.4 s, shown as 20 мин 00 с until 1,201 s, 0.6 s later.
    ['overdue seconds', due16, '2026-11-25T16:20:00.400', undefined, '2026-11-25T16:20:01'],
    // 17:30:20: overdue 90 min 20 s, shown as 1 ч 30 мин until 91 min, at 17:31:00.
    ['overdue minutes', due16, '2026-11-25T17:30:20', undefined, '2026-11-25T17:31:00'],
    // 13:30 (lunch): paused, 120 min left until it resumes at 14:00.
    ['a pause: when it resumes', due16, '2026-11-25T13:30:00', undefined, '2026-11-25T14:00:00'],
    // Fri 18:30, due Mon 10:00: "возобновится пн 09:00" reads the same until … Saturday's midnight, when it is asked
    // again (still a weekday; Monday's midnight makes it "09:00").
    ['a weekend pause: the next midnight', dueMon10, '2026-11-27T18:30:00', undefined, '2026-11-28T00:00:00'],
    ['… and on Monday at 00:00 it reads "09:00"', dueMon10, '2026-11-29T23:59:59', undefined, '2026-11-30T00:00:00'],
    // Due Wed 13:00, read at 13:30 in lunch: "просрочено с 13:00" until the clock resumes at 14:00.
    ['overdue during lunch: when it resumes', due13, '2026-11-25T13:30:00', undefined, '2026-11-25T14:00:00'],
    // From 14:00 (due 13:00): 0 working seconds overdue; one working second later it reads "0 мин 01 с".
    [
      'overdue, no working time yet: one working second later',
      due13,
      '2026-11-25T14:00:00',
      undefined,
      '2026-11-25T14:00:01',
    ],
  ])('%s', (_, due, now, atRisk, expected) => {
    expect(next(due, now, atRisk)).toBe(msk(expected));
  });

  // What a countdown shows (the same parts as Countdown): its status, pause, duration and the two worded instants.
  const shown = (due: number, now: number, atRisk: number | null) => {
    const s = countdownState(cal, due, now, atRisk);
    return [
      s.status,
      s.paused,
      s.overdueUnworked
        ? formatResume(due, now, cal.timeZone, 'ru-RU')
        : formatWorkingDuration(s.remainingMinutes, DEFAULT_UI_TEXTS),
      s.resumesAt === null ? '' : formatResume(s.resumesAt, now, cal.timeZone, 'ru-RU'),
    ].join('|');
  };

  it('is never later than a change of what the countdown shows, over a fortnight of random instants', () => {
    // Half the readings start in the two minutes before a clock pauses or starts again, or before the deadline
    // (followRedraws): where the status, the pause and the duration change close together.
    const changesSeen = followRedraws(
      (due, atRisk, now) => nextCountdownChange(cal, due, now, atRisk),
      (due, atRisk, now) => shown(due, now, atRisk),
      42,
      { clocks: 300, steps: 40 },
    );
    // The instants are not only safe but close: most of them are followed by a real change.
    expect(changesSeen).toBeGreaterThan(5000);
  });
});

/** A fixed pseudo-random sequence (no flakiness). */
function sequence(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

/** Follows a view from random readings over 16.11–30.11.2026 through its redraws: between a reading and the next
 *  instant `next` names, `shown` stays the same. Returns how many of those instants were followed by a real change. */
function followRedraws(
  next: (due: number, atRisk: number | null, now: number) => number,
  shown: (due: number, atRisk: number | null, now: number) => string,
  seed: number,
  { clocks = 150, steps = 30 }: { readonly clocks?: number; readonly steps?: number } = {},
): number {
  const rand = sequence(seed);
  const from = msk('2026-11-16T00:00:00');
  const span = 14 * 86_400_000;
  let changesSeen = 0;
  for (let k = 0; k < clocks; k++) {
    const due = from + Math.floor(rand() * span);
    const atRisk = rand() < 0.5 ? due - Math.floor(rand() * 8 * 3_600_000) : null;
    const day = from + Math.floor(rand() * 14) * 86_400_000;
    const edges = [13, 14, 18, 9].map((h) => day + h * 3_600_000).concat(due);
    let now =
      rand() < 0.5
        ? from + Math.floor(rand() * span)
        : edges[Math.floor(rand() * edges.length)]! - Math.floor(rand() * 120_000);
    for (let step = 0; step < steps; step++) {
      const at = next(due, atRisk, now);
      expect(at).toBeGreaterThan(now);
      const before = shown(due, atRisk, now);
      const last = Math.min(at - 1, now + 3 * 86_400_000);
      for (const t of [now + 1, Math.floor((now + last) / 2), last, now + Math.floor(rand() * (last - now))]) {
        if (t > now && t <= last) expect(shown(due, atRisk, t), `due ${due}, now ${now}, t ${t}`).toBe(before);
      }
      if (!Number.isFinite(at)) break;
      if (shown(due, atRisk, at + 1) !== before) changesSeen++;
      now = at;
    }
  }
  return changesSeen;
}

// What Countdown redraws with React: everything but its time text, which it writes itself at nextCountdownChange.
describe('nextCountdownLookChange', () => {
  const due16 = msk('2026-11-25T16:00:00');
  it.each<[string, string, string]>([
    // 12:00:30, due 16:00: the duration moves every minute, but the look changes first when lunch pauses it at 13:00.
    ['a running clock: at its pause, not at its next minute', '2026-11-25T12:00:30', '2026-11-25T13:00:00'],
    // 15:30:00.250: seconds move, the look changes at the breach (16:00:00.001, the domain's boundary).
    ['showing seconds: at the breach', '2026-11-25T15:30:00.250', '2026-11-25T16:00:00.001'],
    // 13:30 in lunch: paused until 14:00.
    ['paused: when it resumes', '2026-11-25T13:30:00', '2026-11-25T14:00:00'],
  ])('%s', (_, now, expected) => {
    expect(nextCountdownLookChange(cal, due16, msk(now))).toBe(msk(expected));
  });

  it('is never later than a change of the status, the pause or the resume line', () => {
    const look = (due: number, atRisk: number | null, now: number) => {
      const s = countdownState(cal, due, now, atRisk);
      return [
        s.status,
        s.paused,
        s.resumesAt === null ? '' : formatResume(s.resumesAt, now, cal.timeZone, 'ru-RU'),
      ].join('|');
    };
    const seen = followRedraws((due, atRisk, now) => nextCountdownLookChange(cal, due, now, atRisk), look, 7);
    expect(seen).toBeGreaterThan(1000);
  });
});

// A deadline bar of an 8-hour clock, Wed 25.11 09:00 → 18:00 (240 + 240 working minutes): its whole percent turns
// when the used minutes reach the next half percent (0.5 % of 480 min = 2.4 min).
describe('nextDeadlineBarChange', () => {
  const start = msk('2026-11-25T09:00:00');
  const due = msk('2026-11-25T18:00:00');
  it.each<[string, string, number | null, string]>([
    ['the start: 0 % until 2.4 min are used', '2026-11-25T09:00:00', null, '2026-11-25T09:02:24'],
    // 12:30: 210 min used = 43.75 %, shown 44; 44.5 % = 213.6 min, 3.6 min later.
    ['the next half percent', '2026-11-25T12:30:00', null, '2026-11-25T12:33:36'],
    // 12:58: 238 min = 49.6 %, shown 50; 50.5 % = 242.4 min: 2 min to lunch, then 2.4 min after 14:00.
    ['across lunch', '2026-11-25T12:58:00', null, '2026-11-25T14:02:24'],
    // 13:30 (lunch): 240 min = 50 %; 242.4 min is reached at 14:02:24.
    ['paused: counted from the resume', '2026-11-25T13:30:00', null, '2026-11-25T14:02:24'],
    // 16:59:50: 419.83 min = 87.47 %, shown 87; 87.5 % (420 min) at 17:00; at risk from 16:59:55, sooner.
    ['the at-risk instant', '2026-11-25T16:59:50', msk('2026-11-25T16:59:55'), '2026-11-25T16:59:55'],
    ['breached and full: never', '2026-11-25T18:30:00', null, 'never'],
  ])('%s', (_, now, atRisk, expected) => {
    const at = nextDeadlineBarChange(cal, start, due, msk(now), atRisk);
    expect(at).toBe(expected === 'never' ? Number.POSITIVE_INFINITY : msk(expected));
    if (expected !== 'never') {
      expect(usedPercent(cal, start, due, at - 1)).toBe(usedPercent(cal, start, due, msk(now)));
    }
  });

  it('is never later than a change of the percent or the status, over a fortnight of random clocks', () => {
    // Each clock started 1 to 16 working hours before its deadline.
    const startOf = (due: number) => cal.addWorkingMinutes(due, -(60 + (due % 900))).at;
    const bar = (due: number, atRisk: number | null, now: number) =>
      [usedPercent(cal, startOf(due), due, now), countdownState(cal, due, now, atRisk).status].join('|');
    const seen = followRedraws((d, atRisk, now) => nextDeadlineBarChange(cal, startOf(d), d, now, atRisk), bar, 11);
    expect(seen).toBeGreaterThan(1000);
  });
});
