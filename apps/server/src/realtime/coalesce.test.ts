// The broadcast's window per organisation: the first part after a quiet spell goes at once, what follows within the
// interval waits and goes together, in the order added; organisations do not wait for each other; a flush still
// running holds the next one back; `idle` waits for everything added.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBroadcastWindow, type WindowPart } from './coalesce';

const events = (...seqs: number[]): WindowPart<number> => ({ kind: 'events', events: seqs, prev: seqs[0]! - 1 });

describe('the broadcast window', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setUp = (flushMs = 0) => {
    const flushed: { org: string; parts: WindowPart<number>[]; at: number }[] = [];
    const window = createBroadcastWindow<number>({
      intervalMs: 100,
      now: () => Date.now(),
      flush: async (org, parts) => {
        flushed.push({ org, parts: [...parts], at: Date.now() });
        if (flushMs > 0) await new Promise((resolve) => setTimeout(resolve, flushMs));
      },
      onError: (error) => {
        throw error;
      },
    });
    return { window, flushed };
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

  it('keeps organisations apart and waits for a running flush; idle resolves once all is sent', async () => {
    const { window, flushed } = setUp(250);
    window.add('o1', events(1));
    window.add('o2', events(7));
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed.map((f) => f.org)).toEqual(['o1', 'o2']);
    window.add('o1', events(2));
    expect(window.busy('o1')).toBe(true);
    let idle = false;
    void window.idle().then(() => {
      idle = true;
    });
    // The interval has passed at 100 ms, but the first flush of o1 runs until 250 ms.
    await vi.advanceTimersByTimeAsync(200);
    expect(flushed).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(51);
    expect(flushed.map((f) => f.parts)).toEqual([[events(1)], [events(7)], [events(2)]]);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(idle).toBe(true);
    expect(window.busy('o1')).toBe(false);
  });
});
