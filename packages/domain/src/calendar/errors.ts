// The calendar's refusals of impossible input (a date that does not exist, an unknown time zone, a schedule with no
// working time…) as a key and parameters, and the one catalogue that words them in Russian and English. The calendar
// throws a CalendarError; whoever catches it words `key` and `params` in its reader's language (the decider passes
// them on as its own refusal, the server sends them with the tRPC error, the CLI words them by OTKLIK_LANG, the web
// app through its catalogue). The domain's refusal catalogue (workflow/refusals.ts) includes these keys.

type Lang = 'ru' | 'en';
type Words<P> = { readonly [L in Lang]: (p: P) => string };
type None = Record<string, never>;
const words = <P>(ru: (p: P) => string, en: (p: P) => string): Words<P> => ({ ru, en });

// "день недели 1" / "weekday 1": where a schedule's interval is wrong.
const WEEKDAYS: Record<Lang, readonly string[]> = {
  ru: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const weekday = (n: number, lang: Lang) => WEEKDAYS[lang][n - 1] ?? String(n);

type Interval = { readonly start: number; readonly end: number };

/** Every refusal of the calendar. Keys are stable: the web app's catalogues (apps/web/src/i18n) use the same ones. */
export const CALENDAR_MESSAGES = {
  'calendar.count-not-whole': words<{ readonly value: string }>(
    (p) => `Число дней должно быть целым и не меньше 0, а не ${p.value}`,
    (p) => `the number of days must be a whole number, 0 or more, not ${p.value}`,
  ),
  'calendar.minutes-not-finite': words<{ readonly value: string }>(
    (p) => `Число минут должно быть конечным, а не ${p.value}`,
    (p) => `the number of minutes must be finite, not ${p.value}`,
  ),
  'calendar.instant-not-finite': words<None>(
    () => 'Момент времени должен быть конечным числом миллисекунд',
    () => 'an instant must be a finite number of milliseconds',
  ),
  'calendar.no-working-time': words<None>(
    () => 'В календаре нет рабочего времени',
    () => 'the calendar has no working time',
  ),
  'calendar.out-of-range': words<{ readonly min: number; readonly max: number }>(
    (p) => `Дата вне поддерживаемых лет ${p.min}–${p.max} (или в календаре нет рабочего времени)`,
    (p) => `a date outside the supported years ${p.min}–${p.max} (or the calendar has no working time)`,
  ),
  'calendar.invalid-date': words<{ readonly date: string }>(
    (p) => `Неверная дата «${p.date}»: ожидается ГГГГ-ММ-ДД`,
    (p) => `invalid date "${p.date}": expected YYYY-MM-DD`,
  ),
  'calendar.no-such-date': words<{ readonly date: string }>(
    (p) => `Даты «${p.date}» нет в календаре`,
    (p) => `there is no date "${p.date}" in the calendar`,
  ),
  'calendar.invalid-month': words<{ readonly month: string }>(
    (p) => `Неверный месяц «${p.month}»: ожидается ГГГГ-ММ, например 2026-10`,
    (p) => `invalid month "${p.month}": expected YYYY-MM, e.g. 2026-10`,
  ),
  'calendar.bad-shortening': words<None>(
    () => 'Сокращение предпраздничного дня должно быть целым числом минут, не меньше 0',
    () => 'the pre-holiday shortening must be a whole number of minutes, 0 or more',
  ),
  'calendar.day-off-and-working': words<{ readonly date: string }>(
    (p) => `Дата ${p.date} указана и как выходной, и как рабочий день`,
    (p) => `${p.date} is both an extra day off and an extra working day`,
  ),
  'calendar.bad-weekday-interval': words<Interval & { readonly weekday: number }>(
    (p) =>
      `Неверный рабочий интервал [${p.start}, ${p.end}] (${weekday(p.weekday, 'ru')}): минуты от полуночи, по возрастанию, без наложений`,
    (p) =>
      `invalid working interval [${p.start}, ${p.end}] (${weekday(p.weekday, 'en')}): minutes from midnight, ascending, not overlapping`,
  ),
  'calendar.bad-date-interval': words<Interval & { readonly date: string }>(
    (p) =>
      `Неверный рабочий интервал [${p.start}, ${p.end}] (${p.date}): минуты от полуночи, по возрастанию, без наложений`,
    (p) =>
      `invalid working interval [${p.start}, ${p.end}] (${p.date}): minutes from midnight, ascending, not overlapping`,
  ),
  'calendar.unknown-zone': words<{ readonly timeZone: string }>(
    (p) => `Неизвестный часовой пояс «${p.timeZone}»`,
    (p) => `unknown IANA time zone "${p.timeZone}"`,
  ),
} as const;

export type CalendarMessageKey = keyof typeof CALENDAR_MESSAGES;
export type CalendarMessageParams<K extends CalendarMessageKey> = Parameters<(typeof CALENDAR_MESSAGES)[K]['ru']>[0];

/** The calendar's message `key` with `params` in one language. */
export function calendarText<K extends CalendarMessageKey>(
  key: K,
  params: CalendarMessageParams<K>,
  lang: Lang,
): string {
  return (CALENDAR_MESSAGES[key][lang] as (p: CalendarMessageParams<K>) => string)(params);
}

/** An impossible input refused by the calendar: `key` and `params` for whoever words it; `message` is the English
 *  wording for a developer's stack trace only (every reader words the key in its own language). */
export class CalendarError extends RangeError {
  readonly key: CalendarMessageKey;
  /** Plain JSON (strings and numbers): it travels with the server's error as it is. */
  readonly params: Readonly<Record<string, string | number>>;

  /** Use `calendarError` (or `refuse`), which checks the parameters against the key. */
  constructor(key: CalendarMessageKey, params: Readonly<Record<string, string | number>>) {
    super(calendarText(key, params as never, 'en'));
    this.name = 'CalendarError';
    this.key = key;
    this.params = params;
  }
}

/** The calendar's refusal `key` with `params`. */
export const calendarError = <K extends CalendarMessageKey>(key: K, params: CalendarMessageParams<K>) =>
  new CalendarError(key, params);

/** Throws the calendar's refusal `key` with `params`. */
export function refuse<K extends CalendarMessageKey>(key: K, params: CalendarMessageParams<K>): never {
  throw calendarError(key, params);
}

export function isCalendarError(error: unknown): error is CalendarError {
  return error instanceof CalendarError;
}
