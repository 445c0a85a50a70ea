// The other nodes are told of this node's commits in windows per organisation (server.ts): the first batch after a
// quiet spell at once, then only the latest batch of the window, whose `prev` lets a node that missed the ones in
// between read them from the log (delivery-order.ts; the two-node test in tests/realtime covers that side).
import { createServer } from 'node:http';
import { sql } from 'drizzle-orm';
import { expect, it, type MockInstance, vi } from 'vitest';
import { rowsOf } from '../db/driver-values';
import type { CommitContext, CommittedEvent } from '../events-bus';
import { caseCommandRunner, freshLink, registerVk } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { setUpOrgFixture } from '../test/org-suite';
import type { CommittedBatch } from './delivery-order';
import { attachRealtime } from './server';

// Tuesday 24 Nov 2026, 10:00 Moscow: a working day.
const TUESDAY_10_MSK = Date.UTC(2026, 10, 24, 7, 0);

describeEachDatabase('notices to the other nodes', (getDb, variant) => {
  const fx = setUpOrgFixture(getDb, { now: () => TUESDAY_10_MSK });

  /** The batches told to the other nodes while `work` runs on a node attached for it (closed after it, which waits
   *  for the window's last notice). The window is far longer than the work takes: what is told within it does not
   *  depend on the machine's speed. */
  const toldDuring = async (work: (emitted: MockInstance) => Promise<void>): Promise<CommittedBatch[]> => {
    const httpServer = createServer();
    const realtime = await attachRealtime({ httpServer, deps: fx.deps, noticeIntervalMs: 5_000 });
    // Still sent: the spy records and calls through.
    const emitted = vi.spyOn(realtime.io, 'serverSideEmit');
    try {
      await work(emitted);
    } finally {
      await realtime.close();
      httpServer.close();
    }
    return emitted.mock.calls
      .filter(([event]) => event === 'case:committed')
      .map(([, batch]) => batch as CommittedBatch);
  };

  // Only with several nodes (PostgreSQL): one node has no one to tell.
  it.runIf(variant === 'postgres')(
    'one notice for the first commit, then one for the latest of the window, naming the commit before it',
    async () => {
      const run = caseCommandRunner(fx.deps, fx.org);
      const told = await toldDuring(async () => {
        for (let i = 0; i < 5; i++)
          await run(fx.org.people.operator.id, undefined, registerVk(freshLink()), TUESDAY_10_MSK);
      });
      const seqs = rowsOf<{ seq: number | string }>(
        await fx.deps.db.execute(
          sql`select seq from case_events where organisation_id = ${fx.org.organisationId}::uuid order by seq`,
        ),
      ).map((r) => Number(r.seq));
      const lastFive = seqs.slice(-5);
      // The first at once; the other four in one notice at the window's end: the last, after the fourth.
      expect(told.map((b) => b.events.map((e) => e.seq))).toEqual([[lastFive[0]], [lastFive[4]]]);
      expect(told[0]!.prev).toBe(seqs.at(-6) ?? 0);
      expect(told[1]!.prev).toBe(lastFive[3]);
      expect(told.every((b) => b.organisationId === fx.org.organisationId)).toBe(true);
    },
  );

  it.runIf(variant === 'postgres')(
    'commits that reach the bus out of seq order: the window tells the one with the highest seq',
    async () => {
      // Three commands committed one after another; their batches are then handed to the node's bus in another
      // order, as concurrent commits are (each transaction's callback runs when its own commit returns).
      const batches: { events: readonly CommittedEvent[]; context: CommitContext }[] = [];
      const stop = fx.deps.bus.onCommitted((events, context) => batches.push({ events, context }));
      const run = caseCommandRunner(fx.deps, fx.org);
      for (let i = 0; i < 3; i++)
        await run(fx.org.people.operator.id, undefined, registerVk(freshLink()), TUESDAY_10_MSK);
      stop();
      const [first, second, third] = batches;
      expect(batches).toHaveLength(3);
      const told = await toldDuring(async (emitted) => {
        fx.deps.bus.emitCommitted(first!.events, first!.context);
        // The first is told at once; the other two then fall in one window.
        await vi.waitFor(() => expect(emitted).toHaveBeenCalledWith('case:committed', expect.anything()));
        for (const b of [third!, second!]) fx.deps.bus.emitCommitted(b.events, b.context);
      });
      const lastSeq = (b: { events: readonly CommittedEvent[] }) => b.events.at(-1)!.seq;
      // The first at once; then the third, whose prev (the second's last seq) lets another node read the second.
      expect(told.map(lastSeq)).toEqual([lastSeq(first!), lastSeq(third!)]);
      expect(told[1]!.prev).toBe(lastSeq(second!));
    },
  );

  it.runIf(variant === 'postgres')(
    'a batch of stored notifications is one notice to the other nodes, not two per notification',
    async () => {
      const httpServer = createServer();
      const realtime = await attachRealtime({ httpServer, deps: fx.deps });
      const emitted = vi.spyOn(realtime.io, 'serverSideEmit');
      const notification = (id: string) => ({
        id,
        caseId: null,
        kind: 'case-routed',
        title: '',
        body: '',
        createdAt: new Date(TUESDAY_10_MSK).toISOString(),
        readAt: null,
      });
      const items = [
        { personId: fx.org.people.roadsExecutor.id, notification: notification('n1'), unread: 1 },
        { personId: fx.org.people.roadsExecutor.id, notification: notification('n2'), unread: 2 },
        { personId: fx.org.people.curator.id, notification: notification('n3'), unread: 5 },
      ] as unknown as Parameters<typeof realtime.notify>[0];
      try {
        realtime.notify(items);
        realtime.notify([]);
      } finally {
        await realtime.close();
        httpServer.close();
      }
      const told = emitted.mock.calls.filter(([event]) => event === 'notifications:stored');
      expect(told).toHaveLength(1);
      expect(told[0]?.[1]).toEqual(items);
    },
  );
});
