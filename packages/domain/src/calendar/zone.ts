// Time-zone arithmetic for one IANA zone through Intl: the zone's UTC offset at an instant, local wall time to
// an instant, and ISO formatting with the zone's own offset. Never reads the process time zone.
// Intl's formatToParts is slow (tens of µs a call; it was most of the CPU of `otklik deadline --batch`), so each zone
// remembers, per UTC day, its offsets and the exact second of a transition inside it, found from the offsets at
// midnight and noon. Each half of a day holds at most one transition in every zone of the tz database; a day where
// both halves change is never memoised.

import { pad2 } from './dates';
import { refuse } from './errors';

const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;
const HALF_DAY = MS_PER_DAY / 2;
/** Days remembered per zone before the memo starts afresh (bounds the memory of a long-running process). */
const MEMO_DAYS = 50_000;

export interface Zone {
  readonly timeZone: string;
  /** Offset of local time from UTC at an instant, in ms (e.g. +3 h for Europe/Moscow). */
  offsetAt(at: number): number;
  /** The instant of a local wall time: day number + minutes from local midnight. */
  localToInstant(dayNum: number, minutes: number): number;
  format(at: number): string;
}

/** An IANA zone name the runtime knows (Europe/Moscow, Asia/Krasnoyarsk, UTC): what an organisation's or a
 *  profile's time zone must be. Offsets like +03:00 are not zones, though the runtime may accept them. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const zones = new Map<string, Zone>();

/** The zone of an IANA name; one per name for the process (its formatter and offset memo are shared). */
export function createZone(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = buildZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

/** One UTC day: its offset, or the offsets before and after the transition at `switchAt` within it. */
interface DayOffsets {
  readonly before: number;
  readonly after: number;
  /** The first whole second with the `after` offset; +Infinity when the day has a single offset. */
  readonly switchAt: number;
}

/** A day with a transition in each half: every instant of it asks Intl. */
const UNMEMOISED: DayOffsets = { before: Number.NaN, after: Number.NaN, switchAt: Number.NaN };

/** The formatter whose parts give a zone's wall clock (throws a RangeError for a name Intl does not know). */
export function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  });
}

/** The offset at a whole second, straight from Intl: the wall clock `dtf` shows then, less the instant. */
export function intlOffsetAt(dtf: Intl.DateTimeFormat, whole: number): number {
  const f: Record<string, string> = {};
  for (const p of dtf.formatToParts(whole)) f[p.type] = p.value;
  let year = Number(f.year);
  if (f.era === 'BC' || f.era === 'B') year = 1 - year;
  const wall = Date.UTC(year, Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute), Number(f.second));
  return wall - whole;
}

function buildZone(timeZone: string): Zone {
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = wallClockFormat(timeZone);
  } catch {
    refuse('calendar.unknown-zone', { timeZone });
  }

  const intlOffset = (whole: number): number => intlOffsetAt(dtf, whole);

  /** The first whole second in (lo, hi] with an offset other than `lo`'s (hi's offset differs from lo's). */
  const transitionIn = (lo: number, hi: number, before: number): number => {
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (intlOffset(mid) === before) lo = mid;
      else hi = mid;
    }
    return hi;
  };

  // Offsets at every UTC midnight and noon asked so far: neighbouring days share their boundary probe, so building
  // a year of the timeline costs about two Intl calls a day.
  const probes = new Map<number, number>();
  const probe = (halfDay: number): number => {
    let o = probes.get(halfDay);
    if (o === undefined) {
      o = intlOffset(halfDay * HALF_DAY);
      probes.set(halfDay, o);
    }
    return o;
  };

  const memo = new Map<number, DayOffsets>();
  const dayOffsets = (day: number): DayOffsets => {
    const start = day * MS_PER_DAY;
    const [o0, o1, o2] = [probe(2 * day), probe(2 * day + 1), probe(2 * day + 2)];
    let entry: DayOffsets;
    if (o0 === o1 && o1 === o2) entry = { before: o0, after: o0, switchAt: Number.POSITIVE_INFINITY };
    // A transition at the next midnight itself belongs to the next day: switchAt is then past every second of this one.
    else if (o0 !== o1 && o1 === o2)
      entry = { before: o0, after: o1, switchAt: transitionIn(start, start + HALF_DAY, o0) };
    else if (o0 === o1)
      entry = { before: o1, after: o2, switchAt: transitionIn(start + HALF_DAY, start + MS_PER_DAY, o1) };
    else entry = UNMEMOISED;
    if (memo.size >= MEMO_DAYS) {
      memo.clear();
      probes.clear();
    }
    memo.set(day, entry);
    return entry;
  };

  const offsetAt = (at: number): number => {
    // Offsets are whole seconds, so compare against the instant truncated to the second.
    const whole = Math.floor(at / 1000) * 1000;
    const day = Math.floor(whole / MS_PER_DAY);
    const d = memo.get(day) ?? dayOffsets(day);
    if (d === UNMEMOISED) return intlOffset(whole);
    return whole < d.switchAt ? d.before : d.after;
  };

  // Most zones keep one offset for months; trying the last one found saves Intl calls when building a year.
  let lastOffset = 0;
  const localToInstant = (dayNum: number, minutes: number): number => {
    const wall = dayNum * MS_PER_DAY + minutes * MS_PER_MIN;
    if (offsetAt(wall - lastOffset) === lastOffset) return wall - lastOffset;
    // Two passes settle the offset except inside a DST gap, where the larger offset gives the moment after it.
    const o1 = offsetAt(wall - offsetAt(wall));
    const o2 = offsetAt(wall - o1);
    lastOffset = o1 === o2 ? o1 : Math.max(o1, o2);
    return wall - lastOffset;
  };

  const format = (at: number): string => {
    const off = offsetAt(at);
    const d = new Date(Math.floor(at / 1000) * 1000 + off);
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off) / MS_PER_MIN;
    const y = d.getUTCFullYear();
    const date = `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
    return `${date}T${time}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  };

  return { timeZone, offsetAt, localToInstant, format };
}
