// Countdown state against the real calendar engine; every expectation below is worked out by hand from the default
// schedule (Mon–Fri 09:00–13:00, 14:00–18:00) in Europe/Moscow (UTC+3, no DST).
import { createCalendar } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { countdownState, usedShare } from './countdown-state';
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
