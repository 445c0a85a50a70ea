// The countdown's clock faces in the organisation's zone, and their caches: the same instant asked again is not
// formatted again, and a cached face never leaks into another zone, locale or shape.
import { describe, expect, it } from 'vitest';
import { formatCacheSize, formatDeadline, formatResume, resumeTextChangesAt } from './format';

// Wed 25 Nov 2026 15:00 UTC = 18:00 Moscow (UTC+3) = 22:00 Krasnoyarsk (UTC+7).
const at = Date.parse('2026-11-25T15:00:00Z');

describe('formatResume / formatDeadline with cached formatters', () => {
  it('keeps one face per (instant, zone, locale, shape) and answers repeats from the cache', () => {
    const now = Date.parse('2026-11-25T12:00:00Z'); // 15:00 Moscow, same local day
    expect(formatResume(at, now, 'Europe/Moscow', 'ru-RU')).toBe('18:00');
    const after = formatCacheSize();
    for (let i = 0; i < 50; i++) expect(formatResume(at, now + i * 1000, 'Europe/Moscow', 'ru-RU')).toBe('18:00');
    expect(formatCacheSize()).toEqual(after);
  });

  it('never hands one zone’s face to another zone, locale or shape', () => {
    const now = Date.parse('2026-11-23T06:00:00Z'); // Monday morning: the 25th is within the week
    expect(formatResume(at, now, 'Europe/Moscow', 'ru-RU')).toBe('ср 18:00');
    expect(formatResume(at, now, 'Asia/Krasnoyarsk', 'ru-RU')).toBe('ср 22:00');
    expect(formatResume(at, now, 'Europe/Moscow', 'en-GB')).toBe('Wed 18:00');
    expect(formatDeadline(at, 'Europe/Moscow', 'ru-RU')).toBe('ср 25.11 18:00');
    expect(formatDeadline(at, 'Asia/Krasnoyarsk', 'ru-RU')).toBe('ср 25.11 22:00');
    // Same instant, later "now": a new day in Krasnoyarsk (00:30 on the 26th) but not yet in Moscow (20:30 on the 25th).
    const late = Date.parse('2026-11-25T17:30:00Z');
    expect(formatResume(at + 3 * 3_600_000, late, 'Europe/Moscow', 'ru-RU')).toBe('21:00');
    expect(formatResume(at + 3 * 3_600_000, late, 'Asia/Krasnoyarsk', 'ru-RU')).toBe('01:00');
  });

  it('switches to the date beyond six days, from the same cache', () => {
    const now = Date.parse('2026-11-10T06:00:00Z');
    expect(formatResume(at, now, 'Europe/Moscow', 'ru-RU')).toBe('25.11 18:00');
    expect(formatResume(at, now, 'Europe/Moscow', 'ru-RU')).toBe('25.11 18:00');
  });
});

describe('resumeTextChangesAt', () => {
  it('names the next local midnight, or the instant the resume time comes within six days', () => {
    // Resume Wed 25.11 18:00 Moscow. Read Tue 10.11 09:00 Moscow: a date ("25.11 18:00") until the next midnight
    // at least (11.11 00:00 Moscow = 10.11 21:00Z).
    expect(resumeTextChangesAt(at, Date.parse('2026-11-10T06:00:00Z'), 'Europe/Moscow')).toBe(
      Date.parse('2026-11-10T21:00:00Z'),
    );
    // Read Thu 19.11 12:00 Moscow: a weekday from 19.11 18:00:00.001 Moscow (less than six days before), before
    // that day's midnight.
    expect(resumeTextChangesAt(at, Date.parse('2026-11-19T09:00:00Z'), 'Europe/Moscow')).toBe(
      Date.parse('2026-11-19T15:00:00.001Z'),
    );
    expect(formatResume(at, Date.parse('2026-11-19T15:00:00Z'), 'Europe/Moscow', 'ru-RU')).toBe('25.11 18:00');
    expect(formatResume(at, Date.parse('2026-11-19T15:00:00.001Z'), 'Europe/Moscow', 'ru-RU')).toBe('ср 18:00');
    // In Krasnoyarsk (UTC+7) the first reading (10.11 13:00 local) turns at its own midnight: 10.11 17:00Z.
    expect(resumeTextChangesAt(at, Date.parse('2026-11-10T06:00:00Z'), 'Asia/Krasnoyarsk')).toBe(
      Date.parse('2026-11-10T17:00:00Z'),
    );
  });
});
