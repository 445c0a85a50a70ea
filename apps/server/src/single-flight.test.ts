import { describe, expect, it, vi } from 'vitest';
import { createSingleFlight } from './single-flight';

/** A pass that waits until the test lets it finish, recording each round it starts. */
function gatedPasses() {
  const rounds: string[] = [];
  const gates: (() => void)[] = [];
  const pass = (key: string) => {
    rounds.push(key);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const release = async () => {
    const gate = gates.shift();
    gate?.();
    // Let the loop see the round end and decide on the next one.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { rounds, pass, release };
}

describe('createSingleFlight', () => {
  it('turns triggers during a pass into one more round after it, never a second pass beside it', async () => {
    const { rounds, pass, release } = gatedPasses();
    const flight = createSingleFlight(pass, { stopped: () => false, onError: () => {} });
    const first = flight.trigger('org-a');
    const second = flight.trigger('org-a');
    void flight.trigger('org-a');
    expect(rounds).toEqual(['org-a']);
    await release();
    expect(rounds).toEqual(['org-a', 'org-a']);
    await release();
    await Promise.all([first, second]);
    expect(rounds).toEqual(['org-a', 'org-a']);
    expect(flight.isRunning()).toBe(false);
  });

  it('runs different keys side by side', async () => {
    const { rounds, pass, release } = gatedPasses();
    const flight = createSingleFlight(pass, { stopped: () => false, onError: () => {} });
    void flight.trigger('org-a');
    void flight.trigger('org-b');
    expect(rounds).toEqual(['org-a', 'org-b']);
    await release();
    await release();
    await flight.idle();
    expect(flight.isRunning()).toBe(false);
  });

  it('hands a failed pass to onError and starts afresh on the next trigger', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const flight = createSingleFlight(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      { stopped: () => false, onError: (error) => errors.push(error) },
    );
    await flight.trigger('outbox');
    expect(errors).toHaveLength(1);
    await flight.trigger('outbox');
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('starts nothing and asks for no further round once stopped', async () => {
    const { rounds, pass, release } = gatedPasses();
    let stopped = false;
    const flight = createSingleFlight(pass, { stopped: () => stopped, onError: () => {} });
    const running = flight.trigger('org-a');
    void flight.trigger('org-a');
    stopped = true;
    await flight.trigger('org-b');
    await release();
    await running;
    expect(rounds).toEqual(['org-a']);
  });

  it('with a spacing, a busy key makes one pass for the triggers of its spacing; a quiet key starts at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      let passes = 0;
      const flight = createSingleFlight(
        async () => {
          passes++;
        },
        { stopped: () => false, onError: () => {}, spacingMs: 40 },
      );
      // Nothing ran before: the pass runs without the clock moving.
      await flight.trigger('org-a');
      expect(passes).toBe(1);
      // Three triggers right after: they wait for the spacing, then share one pass.
      const waiting = Promise.all([flight.trigger('org-a'), flight.trigger('org-a'), flight.trigger('org-a')]);
      await vi.advanceTimersByTimeAsync(39);
      expect(passes).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(passes).toBe(2);
      // Another key is not held back by the first one's spacing.
      await flight.trigger('org-b');
      expect(passes).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
