// The held time of a view that changes only at known instants: it moves when the next instant is reached, when the
// data (its nextChange) or the server offset is new, and never in between.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createHeldNow,
  createHeldView,
  nextTickAt,
  subscribeEveryTick,
  tickAtOrAfter,
  tickListenerCount,
  tickNow,
} from './tick';

describe('createHeldNow', () => {
  // A view whose output changes at 1500 and 4200 only.
  const next = (now: number) => (now < 1500 ? 1500 : now < 4200 ? 4200 : Number.POSITIVE_INFINITY);

  it('stays at the first time until the next instant, then moves to the tick that reached it', () => {
    const held = createHeldNow();
    expect(held(1000, 0, next)).toBe(1000);
    expect(held(1001, 0, next)).toBe(1000);
    expect(held(1499, 0, next)).toBe(1000);
    expect(held(1500, 0, next)).toBe(1500);
    expect(held(2500, 0, next)).toBe(1500);
    expect(held(4199, 0, next)).toBe(1500);
    expect(held(5003, 0, next)).toBe(5003);
    // Nothing changes any more: held for good.
    expect(held(999_999, 0, next)).toBe(5003);
  });

  it('moves to the latest time at once for new data (a new nextChange) or a new offset', () => {
    const held = createHeldNow();
    expect(held(1000, 0, next)).toBe(1000);
    expect(held(1200, 0, next)).toBe(1000);
    const newData = (now: number) => next(now);
    expect(held(1200, 0, newData)).toBe(1200);
    expect(held(1300, 0, newData)).toBe(1200);
    expect(held(1300, 50, newData)).toBe(1300);
  });

  it('never holds a time whose next instant is already behind it', () => {
    const held = createHeldNow();
    const stale = () => 0; // a nextChange that names the past: recompute on every new time
    expect(held(1000, 0, stale)).toBe(1000);
    expect(held(1000, 0, stale)).toBe(1000);
    expect(held(2000, 0, stale)).toBe(2000);
  });
});

// The shared timer, on fake time: it wakes a held view at the tick that reaches its next change, not every second,
// and runs no timer when no view changes any more. Ticks fall at whole seconds + 5 ms of the browser clock.
describe('the shared timer', () => {
  afterEach(() => vi.useRealTimers());

  it('puts the ticks 5 ms after whole seconds', () => {
    expect(tickAtOrAfter(1_000_005)).toBe(1_000_005);
    expect(tickAtOrAfter(1_000_006)).toBe(1_001_005);
    expect(tickAtOrAfter(1_000_004)).toBe(1_000_005);
    expect(tickAtOrAfter(999_006)).toBe(1_000_005);
  });

  it('wakes a held view once, at the first tick at or after its next change, then sleeps for good', () => {
    vi.useFakeTimers({ now: 1_000_200 });
    // Server time runs 10 s ahead of the browser's; the view changes at server time 1_013_500 and never again.
    const offset = 10_000;
    const next = (now: number) => (now < 1_013_500 ? 1_013_500 : Number.POSITIVE_INFINITY);
    const view = createHeldView();
    const seen: number[] = [];
    const read = () => view.held(tickNow() + offset, offset, next);
    expect(read()).toBe(1_010_200);
    const stop = view.subscribe(() => seen.push(read()));
    // Browser time 1_003_500 is first reached by the tick at 1_004_005.
    expect(nextTickAt()).toBe(1_004_005);
    vi.advanceTimersByTime(3_804); // 1_004_004: not yet
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([1_014_005]);
    expect(nextTickAt()).toBe(Number.POSITIVE_INFINITY);
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([1_014_005]);
    stop();
  });

  it('keeps ticking every second for a view that reads every tick, and only then', () => {
    vi.useFakeTimers({ now: 2_000_500 });
    const ticks: number[] = [];
    const stop = subscribeEveryTick(() => ticks.push(tickNow()));
    vi.advanceTimersByTime(3_000);
    expect(ticks).toEqual([2_001_005, 2_002_005, 2_003_005]);
    stop();
    expect(tickListenerCount()).toBe(0);
    expect(nextTickAt()).toBe(Number.POSITIVE_INFINITY);
  });

  it('sets the timer earlier when new data bring a view’s next change closer', () => {
    vi.useFakeTimers({ now: 3_000_000 });
    const view = createHeldView();
    const never = () => Number.POSITIVE_INFINITY;
    view.held(tickNow(), 0, never);
    const woken: number[] = [];
    const stop = view.subscribe(() => woken.push(tickNow()));
    expect(nextTickAt()).toBe(Number.POSITIVE_INFINITY);
    // New data: the view now changes at 3_002_000.
    const soon = (now: number) => (now < 3_002_000 ? 3_002_000 : Number.POSITIVE_INFINITY);
    view.held(tickNow(), 0, soon);
    expect(nextTickAt()).toBe(3_002_005);
    vi.advanceTimersByTime(2_005);
    expect(woken).toEqual([3_002_005]);
    stop();
  });

  it('reads the tick just passed after a quiet spell with no timer, not the last time a timer ran', () => {
    vi.useFakeTimers({ now: 4_000_100 });
    expect(tickNow()).toBe(4_000_100);
    vi.advanceTimersByTime(500); // 4_000_600: no tick instant since 4_000_005 — the same time
    expect(tickNow()).toBe(4_000_100);
    vi.advanceTimersByTime(3_600_000); // an hour later, no timer ran
    expect(tickNow()).toBe(4_000_600 + 3_600_000);
  });
});
