// The broadcast's window per organisation: the first part after a quiet spell goes at once, what follows within the
// interval waits and goes together, in the order added; organisations do not wait for each other; a window's read
// may overlap the one before, its send waits for it; `idle` waits for everything added.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBroadcastWindow, type WindowPart } from './coalesce';

const events = (...seqs: number[]): WindowPart<number> => ({ kind: 'events', events: seqs, prev: seqs[0]! - 1 });

describe('the broadcast window', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A window whose reads take `readMs(n)` for the n-th window (0-based), recording when each was read and sent. */
  const setUp = (readMs: (n: number) => number = () => 0) => {
    const read: { org: string; at: number }[] = [];
    const flushed: { org: string; parts: WindowPart<number>[]; at: number }[] = [];
    const window = createBroadcastWindow<number, number>({
      intervalMs: 100,
      now: () => Date.now(),
      read: async (org) => {
        const n = read.length;
        read.push({ org, at: Date.now() });
        const ms = readMs(n);
        if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
        return n;
      },
      send: (org, parts) => {
        flushed.push({ org, parts: [...parts], at: Date.now() });
      },
      onError: (error) => {
        throw error;
      },
    });
    return { window, flushed, read };
  };

  it('sends the first part at once and the parts of the next 100 ms together, in order', async () => {
    const { window, flushed } = setUp();
    const start = Date.now();
    window.add('o1', events(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed.map((f) => f.parts)).toEqual([[events(1)]]);
    window.add('o1', events(2, 3));
    await vi.advanceTimersByTimeAsync(30);
    window.add('o1', { kind: 'restart' });
    window.add('o1', events(4));
    await vi.advanceTimersByTimeAsync(50);
    expect(flushed).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(flushed).toHaveLength(2);
    expect(flushed[1]).toEqual({ org: 'o1', parts: [events(2, 3), { kind: 'restart' }, events(4)], at: start + 100 });
    // Quiet for longer than the interval: the next part goes at once again.
    await vi.advanceTimersByTimeAsync(500);
    window.add('o1', events(5));
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed.at(-1)?.parts).toEqual([events(5)]);
  });

  it("keeps organisations apart; a slow read does not hold the next window's back, the sends keep their order", async () => {
    // The first window's read takes 250 ms, the others none.
    const { window, flushed, read } = setUp((n) => (n === 0 ? 250 : 0));
    const start = Date.now();
    window.add('o1', events(1));
    window.add('o2', events(7));
    await vi.advanceTimersByTimeAsync(0);
    expect(read.map((r) => r.org)).toEqual(['o1', 'o2']);
    expect(flushed.map((f) => f.org)).toEqual(['o2']);
    window.add('o1', events(2));
    expect(window.busy('o1')).toBe(true);
    let idle = false;
    void window.idle().then(() => {
      idle = true;
    });
    // The second window of o1 is read when the interval has passed, while the first is still being read…
    await vi.advanceTimersByTimeAsync(100);
    expect(read.map((r) => [r.org, r.at - start])).toEqual([
      ['o1', 0],
      ['o2', 0],
      ['o1', 100],
    ]);
    // …but sent only after the first.
    expect(flushed.map((f) => f.org)).toEqual(['o2']);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(150);
    expect(flushed.map((f) => [f.org, f.parts, f.at - start])).toEqual([
      ['o2', [events(7)], 0],
      ['o1', [events(1)], 250],
      ['o1', [events(2)], 250],
    ]);
    expect(idle).toBe(true);
    expect(window.busy('o1')).toBe(false);
  });
});
