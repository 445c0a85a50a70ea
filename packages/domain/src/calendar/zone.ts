// Time-zone arithmetic for one IANA zone through Intl: the zone's UTC offset at an instant, local wall time to
// an instant, and ISO formatting with the zone's own offset. Never reads the process time zone.

import { pad2 } from './dates';

const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;

export interface Zone {
  readonly timeZone: string;
  /** Offset of local time from UTC at an instant, in ms (e.g. +3 h for Europe/Moscow). */
  offsetAt(at: number): number;
  /** The instant of a local wall time: day number + minutes from local midnight. */
  localToInstant(dayNum: number, minutes: number): number;
  format(at: number): string;
}

export function createZone(timeZone: string): Zone {
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = new Intl.DateTimeFormat('en-US', {
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
  } catch {
    throw new RangeError(`Неизвестный часовой пояс «${timeZone}» / Unknown IANA time zone "${timeZone}"`);
  }

  const offsetAt = (at: number): number => {
    // Offsets are whole seconds, so compare against the instant truncated to the second.
    const whole = Math.floor(at / 1000) * 1000;
    const f: Record<string, string> = {};
    for (const p of dtf.formatToParts(whole)) f[p.type] = p.value;
    let year = Number(f.year);
    if (f.era === 'BC' || f.era === 'B') year = 1 - year;
    const wall = Date.UTC(year, Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute), Number(f.second));
    return wall - whole;
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
