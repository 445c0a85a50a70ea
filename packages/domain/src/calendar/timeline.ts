// The precomputed working timeline of one organisation: every local day and working interval of the loaded years
// as epoch-ms arrays with prefix sums, so each query is a couple of binary searches. Years load lazily.

import { dayNumber, yearOfDayNumber } from './dates';
import type { OrgRules } from './day-status';
import { dayStatus } from './day-status';
import { refuse } from './errors';
import type { Zone } from './zone';

/** Years outside this range are refused: far outside any plausible deadline, and guards runaway extension. */
const MIN_YEAR = 1971;
const MAX_YEAR = 2399;

interface YearBlock {
  readonly year: number;
  readonly confirmed: boolean;
  /** Local midnight of each day of the year, plus the next year's first midnight. */
  readonly dayStart: Float64Array;
  /** Number of working intervals of each day. */
  readonly dayIntervals: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

/** Index of the first element > x in a sorted array slice [0, n). */
function upperBound(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= x in a sorted array slice [0, n). */
function lowerBound(a: Float64Array | Int32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Timeline {
  private readonly blocks = new Map<number, YearBlock>();
  y0 = 0;
  y1 = -1;
  /** Day number of the first loaded day. */
  dayNum0 = 0;
  nDays = 0;
  /** Local midnights, length nDays + 1. */
  dayStart = new Float64Array(1);
  /** wdPrefix[i] = working days among loaded days < i (length nDays + 1). */
  wdPrefix = new Int32Array(1);
  /** ivPrefix[i] = index of the first interval of day i (length nDays + 1). */
  ivPrefix = new Int32Array(1);
  /** unconfirmedPrefix[i] = days before day i that belong to a year without decree data. */
  unconfirmedPrefix = new Int32Array(1);
  nIv = 0;
  starts = new Float64Array(0);
  ends = new Float64Array(0);
  /** cum[i] = working ms in intervals < i (length nIv + 1). */
  cum = new Float64Array(1);

  constructor(
    private readonly rules: OrgRules,
    private readonly zone: Zone,
  ) {}

  /** Loads years until the instant lies inside the loaded days. */
  cover(at: number): void {
    if (!Number.isFinite(at)) {
      refuse('calendar.instant-not-finite', {});
    }
    if (this.y1 < this.y0) {
      const y = new Date(at).getUTCFullYear();
      this.load(y, y);
    }
    while (at < this.dayStart[0]!) this.load(this.y0 - 1, this.y1);
    while (at >= this.dayStart[this.nDays]!) this.load(this.y0, this.y1 + 1);
  }

  /** Loads years so the day with this index (relative to the current first day) exists; returns the new index. */
  coverDayNum(dn: number): number {
    while (dn < this.dayNum0) this.load(this.y0 - 1, this.y1);
    while (dn >= this.dayNum0 + this.nDays) this.load(this.y0, this.y1 + 1);
    return dn - this.dayNum0;
  }

  extendForward(): void {
    this.load(this.y0, this.y1 + 1);
  }

  extendBackward(): void {
    this.load(this.y0 - 1, this.y1);
  }

  /** Index of the loaded local day containing the instant (call cover first). */
  dayIndex(at: number): number {
    return upperBound(this.dayStart, this.nDays + 1, at) - 1;
  }

  /** Working ms from the start of the loaded range up to the instant. */
  position(at: number): number {
    const i = upperBound(this.starts, this.nIv, at) - 1;
    if (i < 0) return 0;
    const end = this.ends[i]!;
    return this.cum[i]! + Math.min(at, end) - this.starts[i]!;
  }

  /** The instant where the working position is first reached (an interval end when it lands on one). */
  instantForward(pos: number): number {
    const j = lowerBound(this.cum, this.nIv + 1, pos);
    const k = j - 1;
    return this.starts[k]! + (pos - this.cum[k]!);
  }

  /** The instant where the working position is last held (an interval start when it lands on one). */
  instantBackward(pos: number): number {
    let k = upperBound(this.cum, this.nIv + 1, pos) - 1;
    if (k >= this.nIv) k = this.nIv - 1;
    return this.starts[k]! + (pos - this.cum[k]!);
  }

  /** Index of the first interval ending after the instant, or nIv. */
  intervalAfter(at: number): number {
    return upperBound(this.ends, this.nIv, at);
  }

  /** Smallest working day index >= i with at least `count` working days in [i, e]; -1 when beyond loaded days. */
  nthWorkingDayFrom(i: number, count: number): number {
    const need = this.wdPrefix[i]! + count;
    if (need > this.wdPrefix[this.nDays]!) return -1;
    // wdPrefix[e + 1] >= need, smallest e.
    return lowerBound(this.wdPrefix, this.nDays + 1, need) - 1;
  }

  isWorkingDayIndex(i: number): boolean {
    return this.ivPrefix[i + 1]! > this.ivPrefix[i]!;
  }

  /** End of working time of a working day. */
  dayEnd(i: number): number {
    return this.ends[this.ivPrefix[i + 1]! - 1]!;
  }

  /** True when every loaded day between two instants (inclusive) has decree data. */
  confirmedBetween(a: number, b: number): boolean {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    return this.unconfirmedPrefix[this.dayIndex(hi) + 1]! === this.unconfirmedPrefix[this.dayIndex(lo)]!;
  }

  private load(y0: number, y1: number): void {
    if (y0 < MIN_YEAR || y1 > MAX_YEAR) {
      refuse('calendar.out-of-range', { min: MIN_YEAR, max: MAX_YEAR });
    }
    const blocks: YearBlock[] = [];
    for (let y = y0; y <= y1; y++) blocks.push(this.block(y));
    let nDays = 0;
    let nIv = 0;
    for (const b of blocks) {
      nDays += b.dayIntervals.length;
      nIv += b.starts.length;
    }
    const dayStart = new Float64Array(nDays + 1);
    const wdPrefix = new Int32Array(nDays + 1);
    const ivPrefix = new Int32Array(nDays + 1);
    const unconfirmedPrefix = new Int32Array(nDays + 1);
    const starts = new Float64Array(nIv);
    const ends = new Float64Array(nIv);
    const cum = new Float64Array(nIv + 1);
    let d = 0;
    let k = 0;
    for (const b of blocks) {
      for (let i = 0; i < b.dayIntervals.length; i++, d++) {
        const n = b.dayIntervals[i]!;
        dayStart[d] = b.dayStart[i]!;
        wdPrefix[d + 1] = wdPrefix[d]! + (n > 0 ? 1 : 0);
        ivPrefix[d + 1] = ivPrefix[d]! + n;
        unconfirmedPrefix[d + 1] = unconfirmedPrefix[d]! + (b.confirmed ? 0 : 1);
      }
      dayStart[d] = b.dayStart[b.dayIntervals.length]!;
      starts.set(b.starts, k);
      ends.set(b.ends, k);
      k += b.starts.length;
    }
    for (let i = 0; i < nIv; i++) cum[i + 1] = cum[i]! + ends[i]! - starts[i]!;
    this.y0 = y0;
    this.y1 = y1;
    this.dayNum0 = dayNumber(y0, 1, 1);
    this.nDays = nDays;
    this.dayStart = dayStart;
    this.wdPrefix = wdPrefix;
    this.ivPrefix = ivPrefix;
    this.unconfirmedPrefix = unconfirmedPrefix;
    this.nIv = nIv;
    this.starts = starts;
    this.ends = ends;
    this.cum = cum;
  }

  private block(year: number): YearBlock {
    const cached = this.blocks.get(year);
    if (cached) return cached;
    const first = dayNumber(year, 1, 1);
    const n = dayNumber(year + 1, 1, 1) - first;
    const dayStart = new Float64Array(n + 1);
    const dayIntervals = new Int32Array(n);
    const s: number[] = [];
    const e: number[] = [];
    let confirmed = true;
    for (let i = 0; i < n; i++) {
      const dn = first + i;
      const info = dayStatus(this.rules, dn);
      confirmed &&= info.confirmed;
      dayStart[i] = this.zone.localToInstant(dn, 0);
      if (!info.isWorkingDay) continue;
      for (const [a, b] of info.intervals) {
        const from = this.zone.localToInstant(dn, a);
        const to = this.zone.localToInstant(dn, b);
        // A DST jump can swallow an interval; an empty one would only confuse the searches.
        if (to <= from) continue;
        s.push(from);
        e.push(to);
        dayIntervals[i] = dayIntervals[i]! + 1;
      }
    }
    dayStart[n] = this.zone.localToInstant(first + n, 0);
    const block: YearBlock = {
      year,
      confirmed: confirmed && yearOfDayNumber(first) === year,
      dayStart,
      dayIntervals,
      starts: Float64Array.from(s),
      ends: Float64Array.from(e),
    };
    this.blocks.set(year, block);
    return block;
  }
}
