// The calendar refuses impossible input with a key and parameters, never with a sentence in two languages: each reader
// words the same refusal in Russian or in English, through the calendar's catalogue or as one of the domain's refusals.
import { describe, expect, it } from 'vitest';
import { monthRange, parseMonth } from '../reports/month';
import { refusalIn } from '../workflow/refusals';
import { createCalendar } from './calendar';
import { CALENDAR_MESSAGES, CalendarError, type CalendarMessageKey, calendarText } from './errors';
import { DEFAULT_SCHEDULE } from './schedule';
import { createZone } from './zone';

/** What `fn` threw, which must be the calendar's refusal. */
function refusalOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toBeInstanceOf(RangeError);
    return error as CalendarError;
  }
  throw new Error('nothing was thrown');
}

const worded = (e: CalendarError) => ({
  ru: calendarText(e.key, e.params as never, 'ru'),
  en: calendarText(e.key, e.params as never, 'en'),
});

describe('the calendar refuses with a key and parameters, worded in either language', () => {
  it('an unknown time zone', () => {
    const e = refusalOf(() => createZone('Mars/Olympus_Mons'));
    expect(e).toMatchObject({ key: 'calendar.unknown-zone', params: { timeZone: 'Mars/Olympus_Mons' } });
    expect(worded(e)).toEqual({
      ru: 'Неизвестный часовой пояс «Mars/Olympus_Mons»',
      en: 'unknown IANA time zone "Mars/Olympus_Mons"',
    });
  });

  it('a malformed date and a date that does not exist', () => {
    const cal = createCalendar({ timeZone: 'Europe/Moscow' });
    const malformed = refusalOf(() => cal.dayInfo('24.11.2026'));
    expect(malformed).toMatchObject({ key: 'calendar.invalid-date', params: { date: '24.11.2026' } });
    expect(worded(malformed)).toEqual({
      ru: 'Неверная дата «24.11.2026»: ожидается ГГГГ-ММ-ДД',
      en: 'invalid date "24.11.2026": expected YYYY-MM-DD',
    });
    const missing = refusalOf(() => cal.dayInfo('2026-02-30'));
    expect(missing).toMatchObject({ key: 'calendar.no-such-date', params: { date: '2026-02-30' } });
    expect(worded(missing)).toEqual({
      ru: 'Даты «2026-02-30» нет в календаре',
      en: 'there is no date "2026-02-30" in the calendar',
    });
  });

  it('a schedule interval out of order names its weekday in the reader’s words', () => {
    const e = refusalOf(() =>
      createCalendar({ timeZone: 'Europe/Moscow', schedule: { ...DEFAULT_SCHEDULE, 3: [[600, 540]] } }),
    );
    expect(e).toMatchObject({ key: 'calendar.bad-weekday-interval', params: { start: 600, end: 540, weekday: 3 } });
    expect(worded(e)).toEqual({
      ru: 'Неверный рабочий интервал [600, 540] (среда): минуты от полуночи, по возрастанию, без наложений',
      en: 'invalid working interval [600, 540] (Wednesday): minutes from midnight, ascending, not overlapping',
    });
  });

  it('a count of days that is not whole, minutes that are not finite', () => {
    const cal = createCalendar({ timeZone: 'Europe/Moscow' });
    const days = refusalOf(() => cal.addWorkingDays(Date.UTC(2026, 10, 24, 7), -2));
    expect(worded(days)).toEqual({
      ru: 'Число дней должно быть целым и не меньше 0, а не -2',
      en: 'the number of days must be a whole number, 0 or more, not -2',
    });
    const minutes = refusalOf(() => cal.addWorkingMinutes(Date.UTC(2026, 10, 24, 7), Number.NaN));
    expect(minutes).toMatchObject({ key: 'calendar.minutes-not-finite', params: { value: 'NaN' } });
  });

  it('a malformed report month, as a value and as a throw', () => {
    const parsed = parseMonth('2026-13');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ key: 'calendar.invalid-month', params: { month: '2026-13' } });
    expect(worded(parsed.error)).toEqual({
      ru: 'Неверный месяц «2026-13»: ожидается ГГГГ-ММ, например 2026-10',
      en: 'invalid month "2026-13": expected YYYY-MM, e.g. 2026-10',
    });
    expect(refusalOf(() => monthRange('октябрь', 'Europe/Moscow')).key).toBe('calendar.invalid-month');
  });

  it('is one of the domain’s refusals: a reader of refusals words it the same', () => {
    const e = refusalOf(() => createZone('Europe/Atlantis'));
    expect(refusalIn(e, 'ru')).toBe('Неизвестный часовой пояс «Europe/Atlantis»');
    expect(refusalIn(e, 'en')).toBe('unknown IANA time zone "Europe/Atlantis"');
  });

  it('keeps one language per sentence, and the error’s own message is the English one (for a stack trace)', () => {
    for (const key of Object.keys(CALENDAR_MESSAGES) as CalendarMessageKey[]) {
      const sample = { value: '1', min: 1900, max: 2200, date: '2026-02-30', month: '2026-13', timeZone: 'X/Y' };
      const params = { ...sample, start: 1, end: 0, weekday: 1 } as never;
      expect(calendarText(key, params, 'ru'), key).toMatch(/[а-яё]/i);
      expect(calendarText(key, params, 'en'), key).not.toMatch(/[а-яё]/i);
      expect(new CalendarError(key, params).message).toBe(calendarText(key, params, 'en'));
    }
  });
});
