// What a command's write gives realtime with its batch, so that the committing node sends it without a read after
// the commit: the organisation's previous seq (migration 0017), read after the organisation's lock, and the case's
// named board row, built from the row the write stored and what its statement read with it. Commands of one
// organisation at once wait for each other's lock part-way through their statement; a batch committed meanwhile is
// not in the waiting statement's snapshot, so the previous seq must still name it. The row must be the one a read
// gives (the board's reload, the other nodes' windows).
import { actorAudiences } from '@otklik/domain';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { listNamedRows } from '../cases/board';
import { rowsOf } from '../db/driver-values';
import { createAbsence } from '../directory/absences';
import type { CommitContext, CommittedEvent } from '../events-bus';
import { caseCommandRunner, freshLink, ROADS_TRIAGE, registerVk, routeSingle } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { setUpOrgFixture } from '../test/org-suite';
import { countStatements } from '../test/statement-counter';
import { createBroadcast } from './broadcast';
import { toLiveBoardRows } from './live-rows';
import { createPrevSeqTracker } from './prev-seq';
import type { Io } from './server';
import { createViewGroups } from './view-groups';

// Tuesday 24 Nov 2026, 10:00 Moscow: a working day.
const TUESDAY_10_MSK = Date.UTC(2026, 10, 24, 7, 0);
const HOUR = 3_600_000;

describeEachDatabase("a command's write gives its batch's previous seq and row", (getDb, variant) => {
  const fx = setUpOrgFixture(getDb, { now: () => TUESDAY_10_MSK });
  const batches: { events: readonly CommittedEvent[]; context: CommitContext }[] = [];
  const run = (personId: string, caseId: string | undefined, command: unknown, now = TUESDAY_10_MSK) =>
    caseCommandRunner(fx.deps, fx.org)(personId, caseId, command, now);
  const listen = () =>
    fx.deps.bus.onCommitted((events, context) => {
      if (events[0]?.organisationId === fx.org.organisationId) batches.push({ events, context });
    });

  it('names the batch committed just before, with commands of the organisation running at once', async () => {
    const operator = fx.org.people.operator.id;
    batches.length = 0;
    const stop = listen();
    try {
      const registered = await Promise.all(
        Array.from({ length: 8 }, () => run(operator, undefined, registerVk(freshLink()))),
      );
      // Triages of those cases and more registrations, all at once.
      await Promise.all([
        ...registered.map((r) => run(operator, r.caseId, ROADS_TRIAGE)),
        ...Array.from({ length: 8 }, () => run(operator, undefined, registerVk(freshLink()))),
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
    // On PostgreSQL the write reads it; on PGlite (one node) it does not, and the tracker knows it from the bus's
    // order without a read (the first batch's is read once).
    const tracker = createPrevSeqTracker(getDb().db, { singleNode: true });
    for (const { events, context } of batches) {
      const first = events[0]!.seq;
      const before = seqs.filter((s) => s < first).at(-1) ?? 0;
      if (variant === 'postgres') expect(context.prevSeq).toBe(before);
      else {
        expect(context.prevSeq).toBeUndefined();
        expect(await tracker.before(fx.org.organisationId, first, events.at(-1)!.seq)).toBe(before);
      }
    }
  });

  // On PGlite (one node) the write reads no row: the window reads its rows once (below).
  it.runIf(variant === 'postgres')(
    'gives the named row a read right after gives: names, a stand-in, the text cut by characters, a closed case',
    async () => {
      const { people, departments } = fx.org;
      // The roads executor is away: the board shows their substitute as responsible once the case is routed to them.
      await createAbsence(fx.deps.db, {
        organisationId: fx.org.organisationId,
        personId: people.roadsExecutor.id,
        substituteId: people.roadsExecutor2.id,
        reason: 'leave',
        startsAt: TUESDAY_10_MSK - HOUR,
        endsAt: TUESDAY_10_MSK + 48 * HOUR,
      });
      batches.length = 0;
      const stop = listen();
      const lastRows = new Map<string, NonNullable<CommitContext['row']>>();
      const check = async (caseId: string, now: number) => {
        const written = batches.at(-1)?.context.row;
        expect(written?.id).toBe(caseId);
        const {
          rows: [read],
        } = await listNamedRows(fx.deps.db, fx.org.organisationId, { ids: [caseId], includeClosed: true, now });
        expect(written).toEqual(read);
        lastRows.set(caseId, written!);
      };
      try {
        // More than 280 characters, with letters outside the BMP (two UTF-16 units each) before the cut.
        const text = `${'🚧'.repeat(100)} ${'Яма на дороге у школы. '.repeat(20)}`;
        const reg = await run(people.operator.id, undefined, registerVk(freshLink(), text));
        await check(reg.caseId, TUESDAY_10_MSK);
        expect(lastRows.get(reg.caseId)?.excerpt).toHaveLength(100 * 2 + 1 + 179);
        await run(people.operator.id, reg.caseId, ROADS_TRIAGE);
        await check(reg.caseId, TUESDAY_10_MSK);
        await run(people.curator.id, reg.caseId, routeSingle(departments.roads, people.roadsExecutor.id));
        await check(reg.caseId, TUESDAY_10_MSK);
        const routed = lastRows.get(reg.caseId)!;
        expect(routed.responsibleDepartmentName).not.toBeNull();
        expect(routed.absentPersonId).toBe(people.roadsExecutor.id);
        expect(routed.responsiblePersonId).toBe(people.roadsExecutor2.id);
        expect(routed.responsiblePersonName).toBe(people.roadsExecutor2.fullName);
        // A case closed at triage (not processable): its row is the removal's, closed.
        const other = await run(people.operator.id, undefined, registerVk(freshLink()));
        await run(people.operator.id, other.caseId, { type: 'triage', processable: false, ground: 'obscene' });
        await check(other.caseId, TUESDAY_10_MSK);
      } finally {
        stop();
      }
    },
  );

  it('sends the written row without a statement; a change without one is read', async () => {
    const { people, organisationId } = fx.org;
    // One curator's board connected to this node: its view group's room, and what is emitted to it.
    const views = createViewGroups();
    const actor = (await loadCurrentUser(fx.deps.db, people.curator.id, TUESDAY_10_MSK))!.actor;
    const room = views.join(organisationId, actorAudiences(actor));
    const sent: { room: string; message: { changes: { seq: number; row?: unknown }[] } }[] = [];
    const rooms = new Map([[room, new Set(['socket'])]]);
    const to = (target: string) => {
      const emitter = {
        except: () => emitter,
        emit: (_event: string, message: never) => sent.push({ room: target, message }),
      };
      return emitter;
    };
    const io = { sockets: { adapter: { rooms } }, local: { to } } as unknown as Io;
    const broadcast = createBroadcast(io, fx.deps, views, 0);

    batches.length = 0;
    const stop = listen();
    try {
      await run(people.operator.id, undefined, registerVk(freshLink()));
    } finally {
      stop();
    }
    const [{ events, context }] = batches as [(typeof batches)[number]];
    const caseId = events[0]!.caseId;
    const {
      rows: [read],
    } = await listNamedRows(fx.deps.db, organisationId, { ids: [caseId], includeClosed: true, now: TUESDAY_10_MSK });
    const expected = toLiveBoardRows([read!]).rows.get(caseId);

    // The committing node: on PostgreSQL the row came with the batch and nothing is read; on PGlite (one node) the
    // write leaves it out and the window reads it once.
    const written = await countStatements(async () => {
      if (context.row) broadcast.written(events, context.row);
      broadcast.send(organisationId, events, context.prevSeq ?? 0);
      await broadcast.idle();
    });
    if (variant === 'postgres') expect(written.recording.statements).toHaveLength(0);
    else {
      expect(context.row).toBeUndefined();
      expect(written.recording.statements).toHaveLength(1);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]!.room).toBe(room);
    expect(sent[0]!.message.changes.at(-1)!.row).toEqual(expected);

    // Another node's batch (or the scheduler's): no row with it, read once for the window.
    const elsewhere = events.map((e) => ({ ...e }));
    const readThere = await countStatements(async () => {
      broadcast.send(organisationId, elsewhere, context.prevSeq ?? 0);
      await broadcast.idle();
    });
    expect(readThere.recording.statements).toHaveLength(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.message.changes.at(-1)!.row).toEqual(expected);
  });
});
