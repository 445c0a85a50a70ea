// A command's write reads the organisation's previous seq itself (migration 0017), after the organisation's lock:
// the `prevSeq` of the batch's first live change, which the broadcast used to read after the commit. Commands of one
// organisation at once wait for each other's lock part-way through their statement; a batch committed meanwhile is
// not in the waiting statement's snapshot, so the previous seq must still name it.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../db/driver-values';
import type { CommitContext, CommittedEvent } from '../events-bus';
import { caseCommandRunner, freshLink, registerVk, ROADS_TRIAGE } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { setUpOrgFixture } from '../test/org-suite';

// Tuesday 24 Nov 2026, 10:00 Moscow: a working day.
const TUESDAY_10_MSK = Date.UTC(2026, 10, 24, 7, 0);

describeEachDatabase("a command's write gives its batch's previous seq", (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => TUESDAY_10_MSK });

  it('names the batch committed just before, with commands of the organisation running at once', async () => {
    const run = caseCommandRunner(fx.deps, fx.org);
    const operator = fx.org.people.operator.id;
    const batches: { events: readonly CommittedEvent[]; context: CommitContext }[] = [];
    const stop = fx.deps.bus.onCommitted((events, context) => {
      if (events[0]?.organisationId === fx.org.organisationId) batches.push({ events, context });
    });
    try {
      const registered = await Promise.all(
        Array.from({ length: 8 }, () => run(operator, undefined, registerVk(freshLink()), TUESDAY_10_MSK)),
      );
      // Triages of those cases and more registrations, all at once.
      await Promise.all([
        ...registered.map((r) => run(operator, r.caseId, ROADS_TRIAGE, TUESDAY_10_MSK)),
        ...Array.from({ length: 8 }, () => run(operator, undefined, registerVk(freshLink()), TUESDAY_10_MSK)),
      ]);
    } finally {
      stop();
    }
    expect(batches).toHaveLength(24);
    // What the log says now of each batch's first event: the organisation's seq before it.
    const seqs = rowsOf<{ seq: number | string }>(
      await fx.deps.db.execute(
        sql`select seq from case_events where organisation_id = ${fx.org.organisationId}::uuid order by seq`,
      ),
    ).map((r) => Number(r.seq));
    for (const { events, context } of batches) {
      const first = events[0]!.seq;
      const before = seqs.filter((s) => s < first).at(-1) ?? 0;
      expect(context.prevSeq).toBe(before);
    }
  });
});
