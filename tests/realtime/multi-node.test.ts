// Two server processes on one PostgreSQL: a command on node A reaches a socket client on node B (through
// @socket.io/postgres-adapter), a breach is recorded once, not twice, and when the leading node dies the other
// takes over the scheduler. Skipped, with a notice, when TEST_DATABASE_URL is unset (CI sets it).

import { randomBytes } from 'node:crypto';
import {
  type CaseChange,
  type CaseDetailChange,
  createChangeSync,
  type Draft,
  type Notification,
  type PresenceState,
} from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_KEYS } from '../../apps/server/src/db/advisory-lock';
import { type Database, openDatabase } from '../../apps/server/src/db/connect';
import type { OrgFixture } from '../../apps/server/src/test/fixtures';
import { type TestSession, testSession } from '../support/typed-client';
import {
  connect,
  connected,
  eventually,
  type NodeProcess,
  nextChange,
  registerCase,
  registerInput,
  request,
  routeTo,
  signInAll,
  startNode,
  triage,
  waitFor,
} from './support/harness';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
if (!TEST_DATABASE_URL) {
  process.stderr.write('NOTICE: TEST_DATABASE_URL is not set: the two-node realtime tests are skipped.\n');
}

// Virtual Wednesday 25 November 2026, 10:00 Moscow: working time, so the shortened clocks below run in it.
const offset = Date.parse('2026-11-25T10:00:00+03:00') - Date.now();
const virtualNow = () => Date.now() + offset;

describe.skipIf(!TEST_DATABASE_URL)('two nodes on one PostgreSQL', () => {
  let admin: Database;
  let database: Database;
  let dbName: string;
  let a: NodeProcess;
  let b: NodeProcess;
  let org: OrgFixture;
  let people: Record<keyof OrgFixture['people'], TestSession>;

  beforeAll(async () => {
    admin = await openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL!, settings: { poolSize: 1 } });
    dbName = `otklik_rt_${randomBytes(5).toString('hex')}`;
    if (admin.raw.kind !== 'postgres') throw new Error('unreachable');
    await admin.raw.client.unsafe(`create database ${dbName}`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    const env = { NODE_TARGET: url.toString(), NODE_CLOCK_OFFSET_MS: String(offset), NODE_POLL_MS: '500' };
    // Both start at once: the migration advisory lock lets one migrate while the other waits.
    [a, b] = await Promise.all([startNode({ ...env, NODE_SEED: '1' }), startNode(env)]);
    database = await openDatabase({ kind: 'postgres', url: url.toString(), settings: { poolSize: 2 } });
    org = a.fixture!.org;
    people = await signInAll(a.url, org.people);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
    if (admin?.raw.kind === 'postgres') await admin.raw.client.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.close();
  });

  const sql = () => {
    if (database.raw.kind !== 'postgres') throw new Error('unreachable');
    return database.raw.client;
  };
  /** The pid of the node process holding the scheduler lock (its connection is named after it), or null. Only this
   *  test's database counts: other runs on the same server hold the same lock key in theirs. */
  const leaderPid = async (): Promise<number | null> => {
    const rows = await sql()<{ name: string }[]>`
      select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.objid = ${LOCK_KEYS.schedulerLeader} and l.granted
        and l.database = (select oid from pg_database where datname = current_database())`;
    const name = rows[0]?.name;
    return name ? Number(name.split(':')[1]) : null;
  };

  /** `who`'s session, calling node `via` (signed in on A: one database, so the session is good on both). */
  const on = (via: NodeProcess, who: TestSession) => testSession(via.url, who.cookie());

  /** A case routed to the roads executor through node `via`, its draft clock shortened to fall due in `ms`. */
  async function caseDueIn(via: NodeProcess, ms: number) {
    const [operator, curator] = [on(via, people.operator), on(via, people.curator)];
    const theCase = await registerCase(operator, 'Сугробы');
    await theCase.run(operator, triage('снег', 'ул. Садовая'));
    await theCase.run(curator, routeTo(org.departments.roads, org.people.roadsExecutor.id));
    const dueAt = virtualNow() + ms;
    await theCase.run(curator, { type: 'shorten-deadline', step: 'draft', dueAt });
    return { caseId: theCase.caseId, dueAt };
  }

  /** Waits for the breach of `caseId`; when it does not come, the error carries what the scheduler saw and said. */
  const breachOf = async (caseId: string) => {
    try {
      await eventually(async () => ((await clockTypes(caseId)).includes('clock-breached') ? true : undefined), 15_000);
    } catch (error) {
      const alarm = await sql()`select fire_at, case_version from clock_alarms where case_id = ${caseId}`;
      const events =
        await sql()`select version, type, occurred_at from case_events where case_id = ${caseId} order by seq`;
      const tail = (n: NodeProcess) => n.stderr().split('\n').slice(-30).join('\n');
      throw new Error(
        `${error}\nnow ${new Date(virtualNow()).toISOString()} leader ${await leaderPid()} (a ${a.pid}, b ${b.pid})\n` +
          `alarm ${JSON.stringify(alarm)}\nevents ${JSON.stringify(events)}\nA:\n${tail(a)}\nB:\n${tail(b)}`,
      );
    }
  };

  const clockTypes = async (caseId: string) =>
    (
      await sql()<{ type: string }[]>`
        select type from case_events where case_id = ${caseId} and type like 'clock-%' order by seq`
    ).map((r) => r.type);

  it('a command on node A reaches a client on node B, and its notification too', async () => {
    const onB = connect(b.url, { cookie: people.curator.cookie() });
    const executorOnB = connect(b.url, { cookie: people.roadsExecutor.cookie() });
    await Promise.all([connected(onB), connected(executorOnB)]);
    const change = nextChange(onB);
    const registered = await people.operator.api.cases.register.mutate(registerInput('С узла A'));
    const seen = await change;
    expect(seen).toMatchObject({ caseId: registered.caseId, type: 'case-registered' });
    // The catch-up on node B reads the same log.
    const page = await request(onB, 'changes:since', { afterSeq: seen.prevSeq });
    expect(page.changes[0]?.seq).toBe(seen.seq);

    const assigned = waitFor<Notification>(executorOnB, 'notification:new');
    await caseDueIn(a, 3_600_000);
    expect((await assigned).kind).toBe('assigned');
    onB.disconnect();
    executorOnB.disconnect();
  });

  it('changes committed concurrently on both nodes reach clients on both, each in order, exactly once', async () => {
    const clients = [
      connect(a.url, { cookie: people.curator.cookie() }),
      connect(b.url, { cookie: people.observer.cookie() }),
    ];
    await Promise.all(clients.map(connected));
    const start = (await request(clients[0]!, 'changes:since', { afterSeq: 0 })).headSeq;
    const synced = clients.map((socket) => {
      const applied: number[] = [];
      const sync = createChangeSync<CaseChange>({
        initialSeq: start,
        fetchSince: (afterSeq) => request(socket, 'changes:since', { afterSeq }),
        apply: (c) => applied.push(c.seq),
      });
      socket.on('case:changes', (m) => {
        for (const c of m.changes) sync.receive(c);
      });
      return applied;
    });
    // 40 commands at once, half through each node: their commits interleave in the one log.
    const operatorOn = [on(b, people.operator), on(a, people.operator)];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        operatorOn[i % 2]!.api.cases.register.mutate(registerInput(`параллельно ${i}`)),
      ),
    );
    const log = (
      await sql()<{ seq: string }[]>`
        select seq from case_events where organisation_id = ${org.organisationId} and seq > ${start} order by seq`
    ).map((r) => Number(r.seq));
    expect(log).toHaveLength(40);
    for (const applied of synced) {
      await eventually(() => (applied.length >= log.length ? true : undefined));
      expect(applied).toEqual(log);
    }
    for (const c of clients) c.disconnect();
  });

  it('each receiver has its own sequence across nodes: a visible change after unseen ones from either node needs no request', async () => {
    const { caseId } = await caseDueIn(a, 3_600_000);
    let version = (await people.curator.api.cases.detail.query({ caseId })).case.version;
    // The roads executor follows on node B, as the web app does: a change-sync that records every page it asks for.
    const socket = connect(b.url, { cookie: people.roadsExecutor.cookie() }, { autoConnect: false });
    const hello = waitFor<{ headSeq: number }>(socket, 'hello');
    socket.connect();
    const requested: number[] = [];
    const applied: CaseChange[] = [];
    const sync = createChangeSync<CaseChange>({
      initialSeq: (await hello).headSeq,
      fetchSince: async (afterSeq) => {
        requested.push(afterSeq);
        return request(socket, 'changes:since', { afterSeq });
      },
      apply: (c) => applied.push(c),
    });
    socket.on('case:changes', (m) => {
      for (const c of m.changes) sync.receive(c);
    });
    const flag = async (via: NodeProcess, note: string) => {
      version = (
        await on(via, people.curator).api.cases.command.mutate({
          caseId,
          expectedVersion: version,
          command: { type: 'recategorise', location: note, reason: 'уточнили место' },
        })
      ).version;
    };

    // Cases the executor may not see, registered on both nodes, then a change of theirs on each node in turn.
    for (const [i, via] of [a, b, a, b].entries()) {
      const unseen = await on(via, people.operator).api.cases.register.mutate(registerInput(`Не для дорог ${i}`));
      await flag(i % 2 === 0 ? b : a, `место ${i}`);
      const mine = await eventually(() =>
        applied.find((c) => c.caseId === caseId && c.type === 'case-recategorised' && c.version === version),
      );
      // Its previous seq is the executor's own previous change, not the unseen registration just before it.
      expect(mine.prevSeq).toBeLessThan(unseen.events[0]!.seq);
    }
    expect(applied.map((c) => c.caseId)).toEqual(Array(4).fill(caseId));
    expect(requested).toEqual([]);
    socket.disconnect();
  });

  it('presence, drafts and the live detail of a case span both nodes', async () => {
    const { caseId } = await caseDueIn(a, 3_600_000);
    const onA = connect(a.url, { cookie: people.curator.cookie() });
    const onB = connect(b.url, { cookie: people.roadsExecutor.cookie() });
    await Promise.all([connected(onA), connected(onB)]);
    const states: PresenceState[] = [];
    onA.on('presence:state', (p) => states.push(p));
    await request(onA, 'case:join', { caseId });
    const { version } = await request(onB, 'case:join', { caseId });
    await eventually(() => (states.at(-1)?.viewers.length === 2 ? true : undefined));
    expect(
      states
        .at(-1)!
        .viewers.map((v) => v.personId)
        .sort(),
    ).toEqual([org.people.curator.id, org.people.roadsExecutor.id].sort());
    const live = waitFor<Draft>(onA, 'draft:saved');
    await request(onB, 'draft:save', { caseId, slot: 'answer', baseVersion: 0, text: 'Черновик с узла B' });
    expect((await live).text).toBe('Черновик с узла B');
    // A command on node A: the workspace open on node B gets the change's detail (issue 16). Changes are sent in
    // windows, so the detail of the case's earlier change (its routing) may still arrive after the join: the one of
    // this command is the one with the next version.
    const details: CaseDetailChange[] = [];
    onB.on('case:detail', (d) => details.push(d));
    await people.curator.api.cases.command.mutate({
      caseId,
      expectedVersion: version,
      command: { type: 'flag-socially-significant' },
    });
    const got = await eventually(() => details.find((d) => d.version === version + 1));
    expect(details.every((d) => d.version <= version + 1)).toBe(true);
    expect(got.state.sociallySignificant).toBe(true);
    // The state and the actor's name come from one read on the node that committed. Notices to the other node are
    // coalesced per window, so the detail may also carry the case's earlier entries (the workspace skips those it
    // has): they come in version order and end with this command's.
    const versions = got.entries.map((e) => e.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(got.entries.map((e) => [e.version, e.type, e.actorName]).at(-1)).toEqual([
      version + 1,
      'flagged-socially-significant',
      'Куратор Кирилл',
    ]);
    onA.disconnect();
    onB.disconnect();
  });

  it('one node leads the scheduler; a breach is recorded once, not twice', async () => {
    const leader = await eventually(leaderPid);
    expect([a.pid, b.pid]).toContain(leader);
    const { caseId } = await caseDueIn(a, 4_000);
    await breachOf(caseId);
    // Both nodes keep polling; give them several passes to record it again if they could.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await clockTypes(caseId)).toEqual(['clock-at-risk', 'clock-breached']);
    const notices = await sql()<{ n: number }[]>`
      select count(*)::int as n from notifications where case_id = ${caseId} and kind = 'deficiency-notice'`;
    expect(notices[0]?.n).toBe(1);
  });

  it('when the leading node dies, the other takes over and records the next breach', async () => {
    const leader = await eventually(leaderPid);
    const [dead, survivor] = leader === a.pid ? [a, b] : [b, a];
    const { caseId, dueAt } = await caseDueIn(survivor, 6_000);
    await dead.kill();
    await eventually(async () => ((await leaderPid()) === survivor.pid ? true : undefined), 10_000);
    await breachOf(caseId);
    expect(await clockTypes(caseId)).toEqual(['clock-at-risk', 'clock-breached']);
    const [breach] = await sql()<{ occurred_at: string | Date }[]>`
      select occurred_at from case_events where case_id = ${caseId} and type = 'clock-breached'`;
    expect(new Date(breach!.occurred_at).getTime()).toBe(dueAt + 1);
  });
});
