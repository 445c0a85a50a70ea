// Formatting of working durations and instants for countdowns: words come from UiTexts, the clock face from Intl in
// the organisation's own time zone (the browser's time zone must never matter).
import type { Instant } from '@otklik/domain';
import type { UiTexts } from './texts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** '2 ч 05 мин' from an hour up, '12 мин 07 с' below it: seconds only where they change something a person sees. */
export function formatWorkingDuration(minutes: number, t: Pick<UiTexts, 'hours' | 'minutes' | 'seconds'>): string {
  const totalSeconds = Math.floor(Math.abs(minutes) * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h} ${t.hours} ${pad(m)} ${t.minutes}`;
  return `${m} ${t.minutes} ${pad(s)} ${t.seconds}`;
}

function parts(at: Instant, timeZone: string, locale: string, withWeekday: boolean, withDate: boolean) {
  const fmt = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withWeekday ? { weekday: 'short' } : {}),
    ...(withDate ? { day: '2-digit', month: '2-digit' } : {}),
  });
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    fmt.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday').replace('.', ''),
    day: get('day'),
    month: get('month'),
    time: `${get('hour')}:${get('minute')}`,
  };
}

function localDate(at: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** When a paused clock resumes: '14:00' later today, 'пн 09:00' within a week, '09.01 09:00' further away. */
export function formatResume(at: Instant, now: Instant, timeZone: string, locale: string): string {
  if (localDate(at, timeZone) === localDate(now, timeZone)) return parts(at, timeZone, locale, false, false).time;
  if (at - now < 6 * 86_400_000) {
    const p = parts(at, timeZone, locale, true, false);
    return `${p.weekday} ${p.time}`;
  }
  const p = parts(at, timeZone, locale, false, true);
  return `${p.day}.${p.month} ${p.time}`;
}

/** A deadline as people read it: 'ср 25.11 18:00' in the organisation's time zone. */
export function formatDeadline(at: Instant, timeZone: string, locale: string): string {
  const p = parts(at, timeZone, locale, true, true);
  return `${p.weekday} ${p.day}.${p.month} ${p.time}`;
}
