// A node sends an organisation's batches in seq order whatever order their notices arrive in: a batch that follows
// one not arrived yet makes the node read the missing one from the log and send it first.
import { describe, expect, it } from 'vitest';
import type { CommittedEvent } from '../events-bus';
import { type CommittedBatch, createDeliveryOrder, HOLE_LIMIT } from './delivery-order';

const org = 'org-1';
const event = (seq: number): CommittedEvent => ({
  seq,
  caseId: `case-${seq}`,
  organisationId: org,
  version: 1,
  type: 'case-registered',
  actorId: null,
  occurredAt: 0,
  payload: { type: 'flagged-socially-significant', at: 0, by: 'system' } as never,
});
const batch = (prev: number, ...seqs: number[]): CommittedBatch => ({
  organisationId: org,
  events: seqs.map(event),
  prev,
});

/** An order over a log holding `logSeqs`, recording what it sends, reads and restarts. */
function setUp(logSeqs: readonly number[]) {
  const sent: { seqs: number[]; prev: number }[] = [];
  const reads: [number, number][] = [];
  const restarts: string[] = [];
  const order = createDeliveryOrder({
    async readBetween(_org, afterSeq, upToSeq, limit) {
      reads.push([afterSeq, upToSeq]);
      return logSeqs
        .filter((s) => s > afterSeq && s <= upToSeq)
        .slice(0, limit)
        .map(event);
    },
    async send(_org, events, prev) {
      sent.push({ seqs: events.map((e) => e.seq), prev });
    },
    restart: (organisationId) => restarts.push(organisationId),
  });
  return { order, sent, reads, restarts };
}

describe('delivery order of one organisation on one node', () => {
  it('sends batches that arrive in order as they are, with the previous seq each names', async () => {
    const { order, sent, reads } = setUp([]);
    await order.deliver(batch(4, 7));
    await order.deliver(batch(7, 9, 10));
    expect(sent).toEqual([
      { seqs: [7], prev: 4 },
      { seqs: [9, 10], prev: 7 },
    ]);
    expect(reads).toEqual([]);
  });

  it('a batch ahead of one not arrived yet: the missing one is read from the log and sent first; it is dropped when it comes', async () => {
    const { order, sent, reads } = setUp([10, 11, 12, 13]);
    await order.deliver(batch(9, 10));
    // 12–13 (committed on node B after 11 of node A) arrive before 11.
    await order.deliver(batch(11, 12, 13));
    await order.deliver(batch(10, 11));
    expect(reads).toEqual([[10, 11]]);
    expect(sent).toEqual([
      { seqs: [10], prev: 9 },
      { seqs: [11], prev: 10 },
      { seqs: [12, 13], prev: 11 },
    ]);
  });

  it('a batch partly read from the log already sends only its rest', async () => {
    const { order, sent } = setUp([21, 22, 23]);
    await order.deliver(batch(20, 21));
    await order.deliver(batch(22, 23));
    // A late notice of 22 and a later 24 in the same batch (as if merged): only 24 is new.
    await order.deliver(batch(21, 22, 24));
    expect(sent).toEqual([
      { seqs: [21], prev: 20 },
      { seqs: [22], prev: 21 },
      { seqs: [23], prev: 22 },
      { seqs: [24], prev: 23 },
    ]);
  });

  it('a hole longer than the limit is not read out: the receivers are told to catch up from the log', async () => {
    const log = Array.from({ length: HOLE_LIMIT + 5 }, (_, i) => 101 + i);
    const { order, sent, restarts } = setUp(log);
    await order.deliver(batch(99, 100));
    const end = log.at(-1)!;
    await order.deliver(batch(end, end + 1));
    expect(restarts).toEqual([org]);
    expect(sent).toEqual([
      { seqs: [100], prev: 99 },
      { seqs: [end + 1], prev: end },
    ]);
  });

  it('organisations are ordered apart', async () => {
    const { order, sent, reads } = setUp([]);
    await order.deliver(batch(1, 2));
    await order.deliver({ organisationId: 'org-2', events: [{ ...event(3), organisationId: 'org-2' }], prev: 0 });
    await order.deliver(batch(2, 4));
    expect(reads).toEqual([]);
    expect(sent.map((s) => s.prev)).toEqual([1, 0, 2]);
  });
});
