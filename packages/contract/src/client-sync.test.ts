// The client's catch-up helper: live changes arriving in order, out of order, twice, across a gap, or during a
// catch-up are all applied exactly once and in seq order.
import { describe, expect, it } from 'vitest';
import { createChangeSync, type SequencedChange } from './client-sync';

interface Change extends SequencedChange {
  readonly n: number;
}

/** An organisation's log with the seqs another organisation used left out (global seqs have holes). */
function log(seqs: number[]): Change[] {
  return seqs.map((seq, i) => ({ seq, prevSeq: i === 0 ? 0 : (seqs[i - 1] as number), n: i }));
}

function harness(all: Change[], initialSeq = 0, pageSize = 3) {
  const applied: number[] = [];
  let fetches = 0;
  const sync = createChangeSync<Change>({
    initialSeq,
    fetchSince: async (after) => {
      fetches++;
      // A few turns of the microtask queue: live changes can arrive while a page is on its way.
      for (let turn = 0; turn < 3; turn++) await Promise.resolve();
      const rest = all.filter((c) => c.seq > after);
      return { changes: rest.slice(0, pageSize), hasMore: rest.length > pageSize };
    },
    apply: (c) => applied.push(c.seq),
  });
  return { sync, applied, fetches: () => fetches };
}

describe('createChangeSync', () => {
  const all = log([2, 5, 6, 9, 12, 13, 20]);

  it('applies contiguous live changes directly, without fetching', () => {
    const h = harness(all);
    for (const c of all) h.sync.receive(c);
    expect(h.applied).toEqual([2, 5, 6, 9, 12, 13, 20]);
    expect(h.fetches()).toBe(0);
  });

  it('ignores duplicates of applied changes', () => {
    const h = harness(all);
    h.sync.receive(all[0]!);
    h.sync.receive(all[1]!);
    h.sync.receive(all[0]!);
    h.sync.receive(all[1]!);
    expect(h.applied).toEqual([2, 5]);
  });

  it('catches up on connect in pages, from the last applied seq', async () => {
    const h = harness(all, 5);
    await h.sync.catchUp();
    expect(h.applied).toEqual([6, 9, 12, 13, 20]);
    expect(h.sync.lastSeq).toBe(20);
    // Pages of 3: [6,9,12] with more, [13,20] without.
    expect(h.fetches()).toBe(2);
  });

  it('fills a gap from the server when a change arrives ahead of an earlier one', async () => {
    const h = harness(all);
    h.sync.receive(all[0]!);
    h.sync.receive(all[3]!); // seq 9 says its predecessor is 6: 5 and 6 were missed
    await h.sync.catchUp();
    expect(h.applied).toEqual([2, 5, 6, 9, 12, 13, 20]);
  });

  it('applies changes reversed and repeated while catching up exactly once, in order', async () => {
    const h = harness(all);
    const pending = h.sync.catchUp();
    for (const c of [...all].reverse()) h.sync.receive(c);
    for (const c of all) h.sync.receive(c);
    await pending;
    await h.sync.catchUp();
    expect(h.applied).toEqual([2, 5, 6, 9, 12, 13, 20]);
  });

  it('reports a failed catch-up and keeps its position for the next one', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const applied: number[] = [];
    const sync = createChangeSync<Change>({
      initialSeq: 0,
      fetchSince: async (after) => {
        if (fail) throw new Error('disconnected');
        return { changes: all.filter((c) => c.seq > after), hasMore: false };
      },
      apply: (c) => applied.push(c.seq),
      onError: (e) => errors.push(e),
    });
    await sync.catchUp();
    expect(errors).toHaveLength(1);
    expect(sync.lastSeq).toBe(0);
    fail = false;
    await sync.catchUp();
    expect(applied).toEqual([2, 5, 6, 9, 12, 13, 20]);
  });
});
