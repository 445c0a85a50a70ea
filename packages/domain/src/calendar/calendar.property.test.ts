// Property tests: round-trips, monotonicity, where results may land, and agreement with a naive
// minute-by-minute reference built only from dayInfo (Moscow has been UTC+3 all year since 2014).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, moscow } from './test-helpers';

const cal = moscow();
const MIN = 60_000;
const from2025 = at('2025-01-01T00:00:00+03:00');
const to2027 = at('2026-12-31T00:00:00+03:00');
/** Instants on whole minutes across 2025–2026 (whole minutes keep the naive reference exact). */
const instant = fc.integer({ min: from2025 / MIN, max: to2027 / MIN }).map((m) => m * MIN);
/** 1 minute … 30 working days. */
const span = fc.integer({ min: 1, max: 30 * 480 });

const dayCache = new Map<string, ReturnType<typeof cal.dayInfo>>();
const dayInfo = (date: string) => {
  let d = dayCache.get(date);
  if (!d) {
    d = cal.dayInfo(date);
    dayCache.set(date, d);
  }
  return d;
};

/** Naive reference: walks minute by minute through Moscow local time using only dayInfo. */
function naiveAdd(start: number, minutes: number): number {
  const MSK = 3 * 60 * MIN;
  const working = (t: number): boolean => {
    const local = new Date(t + MSK);
    const date = local.toISOString().slice(0, 10);
    const m = local.getUTCHours() * 60 + local.getUTCMinutes();
    return dayInfo(date).intervals.some(([s, e]) => s <= m && m < e);
  };
  let t = start;
  let left = minutes;
  while (left > 0) {
    if (working(t)) left--;
    t += MIN;
  }
  return t;
}

describe('calendar properties', () => {
  it('add then measure round-trips, both directions', () => {
    fc.assert(
      fc.property(instant, span, fc.boolean(), (from, n, back) => {
        const m = back ? -n : n;
        const r = cal.addWorkingMinutes(from, m).at;
        expect(cal.workingMinutesBetween(from, r)).toBe(m);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in the start instant and in N', () => {
    fc.assert(
      fc.property(instant, instant, span, span, (a, b, n1, n2) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingMinutes(lo, n1).at).toBeLessThanOrEqual(cal.addWorkingMinutes(hi, n1).at);
        const [m1, m2] = n1 <= n2 ? [n1, n2] : [n2, n1];
        expect(cal.addWorkingMinutes(a, m1).at).toBeLessThanOrEqual(cal.addWorkingMinutes(a, m2).at);
        expect(cal.addWorkingMinutes(a, -m2).at).toBeLessThanOrEqual(cal.addWorkingMinutes(a, -m1).at);
        expect(cal.addWorkingDays(lo, 3).at).toBeLessThanOrEqual(cal.addWorkingDays(hi, 3).at);
        expect(cal.addIdrinsky24Hours(lo).at).toBeLessThanOrEqual(cal.addIdrinsky24Hours(hi).at);
      }),
      { numRuns: 300 },
    );
  });

  it('lands inside working time or exactly at the end of a working interval', () => {
    fc.assert(
      fc.property(instant, span, (from, n) => {
        const fwd = cal.addWorkingMinutes(from, n).at;
        expect(cal.isWorkingTime(fwd) || cal.isWorkingTime(fwd - 1)).toBe(true);
        // Going backwards a result is always inside working time (an interval start counts as inside).
        expect(cal.isWorkingTime(cal.addWorkingMinutes(from, -n).at)).toBe(true);
        const days = cal.addWorkingDays(from, 1 + (n % 10)).at;
        expect(!cal.isWorkingTime(days) && cal.isWorkingTime(days - 1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('Idrinsky windows always hold at least 8 working hours', () => {
    fc.assert(
      fc.property(instant, (from) => {
        const r = cal.addIdrinsky24Hours(from).at;
        expect(cal.workingMinutesBetween(from, r)).toBeGreaterThanOrEqual(480);
        expect(r - from).toBeGreaterThanOrEqual(24 * 60 * MIN);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the naive minute-by-minute reference', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 2000 }), (from, n) => {
        const expected = naiveAdd(cal.nextWorkingMoment(from), n);
        expect(cal.addWorkingMinutes(from, n).at).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});
