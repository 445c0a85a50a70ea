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

  it('after a snapshot read at a seq, applies only what follows it', () => {
    const h = harness(all);
    h.sync.receive(all[0]!); // 2
    h.sync.advance(9); // a snapshot read at 9 holds 5, 6 and 9
    h.sync.advance(6); // an older snapshot moves nothing back
    h.sync.receive(all[2]!); // 6: already in the snapshot
    h.sync.receive(all[4]!); // 12 follows 9
    expect(h.applied).toEqual([2, 12]);
    expect(h.sync.lastSeq).toBe(12);
    expect(h.fetches()).toBe(0);
  });

  it('applies buffered changes a snapshot made contiguous', () => {
    const h = harness(all);
    h.sync.receive(all[4]!); // 12 after 9: a gap, kept while the catch-up it starts runs
    expect(h.applied).toEqual([]);
    h.sync.advance(9);
    expect(h.applied).toEqual([12]);
  });

  it("skips the seqs of changes the receiver may not see once a catch-up read the organisation's head", async () => {
    // The receiver may see 2 and 9 of an organisation that committed 2, 5, 6, 9, 12 and 13: its live changes still
    // name the organisation's previous seq, so 9 arrives after 2 with prevSeq 6.
    const visible = [
      { seq: 2, prevSeq: 0, n: 0 },
      { seq: 9, prevSeq: 6, n: 1 },
    ];
    let fetches = 0;
    const applied: number[] = [];
    const sync = createChangeSync<Change>({
      initialSeq: 0,
      fetchSince: async (after) => {
        fetches++;
        // The server's page: only what this receiver may see, chained among themselves, and the head it read.
        return { changes: visible.filter((c) => c.seq > after), hasMore: false, headSeq: 13 };
      },
      apply: (c) => applied.push(c.seq),
    });
    sync.receive(visible[0]!);
    sync.receive(visible[1]!); // a gap for it: one catch-up
    await sync.catchUp(); // waits for that one (and reads once more after it, as for any call during a catch-up)
    expect(applied).toEqual([2, 9]);
    const requests = fetches;
    // 12 and 13 were not for it: the next change it may see (20, after 13) applies without another request.
    expect(sync.lastSeq).toBe(13);
    sync.receive({ seq: 20, prevSeq: 13, n: 2 });
    expect(applied).toEqual([2, 9, 20]);
    expect(fetches).toBe(requests);
  });

  it('does not skip to the head while more pages remain', async () => {
    let fetches = 0;
    const sync = createChangeSync<Change>({
      initialSeq: 0,
      fetchSince: async (after) => {
        fetches++;
        const rest = all.filter((c) => c.seq > after);
        return { changes: rest.slice(0, 2), hasMore: rest.length > 2, headSeq: 20 };
      },
      apply: () => {},
    });
    await sync.catchUp();
    // Pages [2,5], [6,9], [12,13], [20]: the head (20) is trusted only from the last one.
    expect(fetches).toBe(4);
    expect(sync.lastSeq).toBe(20);
  });
});
