// Formatting of working durations and instants for countdowns: words come from UiTexts, the clock face from Intl in
// the organisation's own time zone (the browser's time zone must never matter).
import { createZone, type Instant } from '@otklik/domain';
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

interface ClockFace {
  readonly weekday: string;
  readonly day: string;
  readonly month: string;
  readonly time: string;
}

/**
 * Building an Intl.DateTimeFormat costs far more than using one (a paused clock's resume time redrawn every second
 * cost ~0.6 ms per row), so each (locale, zone, shape) gets one formatter, and each formatted instant is kept: a
 * countdown asks for the same resume instant every second. Both caches are bounded: they are cleared when full.
 */
const FORMATTERS_MAX = 64;
const FACES_MAX = 4096;
const formatters = new Map<string, Intl.DateTimeFormat>();
const faces = new Map<string, ClockFace>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size >= FORMATTERS_MAX) formatters.clear();
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function parts(at: Instant, timeZone: string, locale: string, withWeekday: boolean, withDate: boolean): ClockFace {
  const key = `${locale}|${timeZone}|${withWeekday ? 'w' : ''}${withDate ? 'd' : ''}`;
  const faceKey = `${key}|${at}`;
  const known = faces.get(faceKey);
  if (known) return known;
  const fmt = formatter(
    key,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        ...(withWeekday ? { weekday: 'short' } : {}),
        ...(withDate ? { day: '2-digit', month: '2-digit' } : {}),
      }),
  );
  const all = fmt.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => all.find((p) => p.type === type)?.value ?? '';
  const face: ClockFace = {
    weekday: get('weekday').replace('.', ''),
    day: get('day'),
    month: get('month'),
    time: `${get('hour')}:${get('minute')}`,
  };
  if (faces.size >= FACES_MAX) faces.clear();
  faces.set(faceKey, face);
  return face;
}

const DAY_MS = 86_400_000;
/** formatResume names the weekday, not the date, of an instant less than this far ahead. */
const WEEKDAY_SPAN_MS = 6 * DAY_MS;

/** The local day of an instant in the zone, as a day number (days since 1970-01-01); the zone's offsets are
 *  memoised by the domain, so this costs no Intl call per countdown. */
function localDay(at: Instant, timeZone: string): number {
  return Math.floor((at + createZone(timeZone).offsetAt(at)) / DAY_MS);
}

/** For tests: how many formatters and formatted instants are kept now. */
export function formatCacheSize(): { readonly formatters: number; readonly faces: number } {
  return { formatters: formatters.size, faces: faces.size };
}

/** When a paused clock resumes: '14:00' later today, 'пн 09:00' within a week, '09.01 09:00' further away. */
export function formatResume(at: Instant, now: Instant, timeZone: string, locale: string): string {
  if (localDay(at, timeZone) === localDay(now, timeZone)) return parts(at, timeZone, locale, false, false).time;
  if (at - now < WEEKDAY_SPAN_MS) {
    const p = parts(at, timeZone, locale, true, false);
    return `${p.weekday} ${p.time}`;
  }
  const p = parts(at, timeZone, locale, false, true);
  return `${p.day}.${p.month} ${p.time}`;
}

/**
 * The first instant after `now` at which formatResume(at, …) may read differently as time goes on: the next local
 * midnight (a new day can make `at` today's, or no longer today's), or the instant `at` comes within the weekday
 * span (a date becomes a weekday).
 */
export function resumeTextChangesAt(at: Instant, now: Instant, timeZone: string): Instant {
  const midnight = createZone(timeZone).localToInstant(localDay(now, timeZone) + 1, 0);
  const weekday = at - WEEKDAY_SPAN_MS + 1;
  // A zone whose clocks jump at midnight could name an instant not after `now`: the next millisecond is then safe.
  const next = Math.max(now + 1, midnight);
  return weekday > now && weekday < next ? weekday : next;
}

/** A deadline as people read it: 'ср 25.11 18:00' in the organisation's time zone. */
export function formatDeadline(at: Instant, timeZone: string, locale: string): string {
  const p = parts(at, timeZone, locale, true, true);
  return `${p.weekday} ${p.day}.${p.month} ${p.time}`;
}
