// The held time of a view that changes only at known instants: it moves when the next instant is reached, when the
// data (its nextChange) or the server offset is new, and never in between.
import { describe, expect, it } from 'vitest';
import { createHeldNow } from './tick';

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
