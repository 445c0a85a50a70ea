// The zone's memo of offsets answers exactly what Intl answers, at random instants and at every second around each
// transition, in zones with DST, half-hour and 45-minute offsets, 30-minute DST shifts, skipped days and Russia's
// changes of 2011 and 2014; and a zone is made once per name.
import { describe, expect, it } from 'vitest';
import { createZone, intlOffsetAt, isTimeZone, wallClockFormat } from './zone';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset straight from Intl, as the zone computed it before it had a memo. */
function intlOffset(timeZone: string, at: number): number {
  let dtf = formatters.get(timeZone);
  if (!dtf) {
    dtf = wallClockFormat(timeZone);
    formatters.set(timeZone, dtf);
  }
  return intlOffsetAt(dtf, Math.floor(at / 1000) * 1000);
}

const ZONES = [
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Magadan',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Africa/Casablanca',
  'Antarctica/Troll',
];

const HOUR = 3_600_000;
/** The oracle's scan step: finer than the memo's half-day probes, so it sees what they might miss. */
const STEP = 4 * HOUR;
const FROM = Date.UTC(2005, 0, 1);
const TO = Date.UTC(2030, 0, 1);
/** Intl is slow on a busy machine: generous, it bounds a failure and measures nothing. */
const SLOW = 120_000;

/** Every transition between FROM and TO, to the second, found by Intl alone (a 4-hour scan, then bisection). */
function transitions(timeZone: string): number[] {
  const found: number[] = [];
  let previous = intlOffset(timeZone, FROM);
  for (let t = FROM + STEP; t <= TO; t += STEP) {
    const o = intlOffset(timeZone, t);
    if (o === previous) continue;
    let lo = t - STEP;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (intlOffset(timeZone, mid) === previous) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    previous = o;
  }
  return found;
}

describe('zone offsets and formatting', () => {
  it.each(ZONES)(
    '%s: the memo agrees with Intl around every transition since 2005',
    (timeZone) => {
      const zone = createZone(timeZone);
      const around = transitions(timeZone);
      if (timeZone === 'America/New_York') expect(around.length).toBe(50); // two a year, 2005–2029
      for (const t of around) {
        for (const d of [-HOUR, -1001, -1000, -1, 0, 1, 999, 1000, HOUR]) {
          expect(zone.offsetAt(t + d), `${timeZone} at ${new Date(t + d).toISOString()}`).toBe(
            intlOffset(timeZone, t + d),
          );
        }
      }
    },
    SLOW,
  );

  it.each(ZONES)(
    '%s: the memo agrees with Intl at random instants, and so does the text',
    (timeZone) => {
      const zone = createZone(timeZone);
      let seed = 12345;
      for (let i = 0; i < 1000; i++) {
        seed = (seed * 1_103_515_245 + 12_345) >>> 0;
        const at = FROM + Math.floor((seed / 2 ** 32) * (TO - FROM));
        const offset = intlOffset(timeZone, at);
        expect(zone.offsetAt(at)).toBe(offset);
        // The text is the local wall time of the whole second with that offset.
        const local = new Date(Math.floor(at / 1000) * 1000 + offset).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const minutes = Math.abs(offset) / 60_000;
        const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
        const mm = String(minutes % 60).padStart(2, '0');
        expect(zone.format(at)).toBe(`${local}${sign}${hh}:${mm}`);
      }
    },
    SLOW,
  );

  it('Moscow: +03 until 27 Mar 2011 02:00, +04 until 26 Oct 2014 02:00 (local), +03 since', () => {
    const zone = createZone('Europe/Moscow');
    expect(zone.format(Date.UTC(2011, 2, 26, 22, 59, 59))).toBe('2011-03-27T01:59:59+03:00');
    expect(zone.format(Date.UTC(2011, 2, 26, 23, 0, 0))).toBe('2011-03-27T03:00:00+04:00');
    expect(zone.format(Date.UTC(2014, 9, 25, 21, 59, 59))).toBe('2014-10-26T01:59:59+04:00');
    expect(zone.format(Date.UTC(2014, 9, 25, 22, 0, 0))).toBe('2014-10-26T01:00:00+03:00');
  });

  it('one zone per name: its formatter and memo are shared', () => {
    expect(createZone('Asia/Krasnoyarsk')).toBe(createZone('Asia/Krasnoyarsk'));
    expect(() => createZone('Mars/Olympus_Mons')).toThrow(
      expect.objectContaining({ key: 'calendar.unknown-zone', params: { timeZone: 'Mars/Olympus_Mons' } }),
    );
  });
});

describe('isTimeZone', () => {
  it.each(['Europe/Moscow', 'Asia/Krasnoyarsk', 'America/Argentina/Buenos_Aires', 'UTC'])('%s is a zone', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });
  it.each(['+03:00', 'UTC+3', 'Mars/Olympus', '', 'Europe/'])('«%s» is not', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
