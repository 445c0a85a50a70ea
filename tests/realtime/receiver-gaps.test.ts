// Sequence numbers are the organisation's, so an executor's own sequence has holes: the seqs of cases they may not
// see. A catch-up page carries the organisation's head it was read at; once the shared change-sync has read the last
// page, those holes up to the head stop being gaps, and the next change the executor may see applies without another
// request. A live change carries the previous seq sent to its receiver (view-groups.ts), so a visible change after
// an unseen one applies at once, and only a change lost on the way makes the sync ask. The page holds only what the executor may see, each case's last change with its board row; a wall's page
// holds wall rows (no personal data), and a case outside a filtered wall's filters comes as a removal.

import { type CaseChange, createChangeSync, zCaseChanges, zChangesPage } from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../support/typed-client';
import {
  type CaseCommand,
  connect,
  connected,
  eventually,
  type NodeProcess,
  registerInput,
  request,
  signIn,
  startNode,
  waitFor,
} from './support/harness';

describe("an executor's catch-up skips the seqs of cases they may not see", () => {
  let node: NodeProcess;
  let operator: TestSession;
  let curator: TestSession;
  let executor: TestSession;

  beforeAll(async () => {
    node = await startNode({ NODE_SEED: '1', NODE_SCHEDULER: '0' });
    const { org } = node.fixture!;
    [operator, curator, executor] = await Promise.all([
      signIn(node.url, org.people.operator.login),
      signIn(node.url, org.people.curator.login),
      signIn(node.url, org.people.roadsExecutor.login),
    ]);
  });
  afterAll(async () => {
    await node?.stop();
  });

  const register = (text: string) => operator.api.cases.register.mutate(registerInput(text));
  const command = (who: TestSession, caseId: string, expectedVersion: number, cmd: CaseCommand) =>
    who.api.cases.command.mutate({ caseId, expectedVersion, command: cmd });
  /** A case the operator registers and triages as a roads matter at `location`, not routed yet. */
  const triagedForRoads = async (text: string, location: string) => {
    const mine = await register(text);
    const triaged = await command(operator, mine.caseId, mine.version, {
      type: 'triage',
      topic: 'дороги',
      location,
      category: 'ordinary',
      processable: true,
    });
    return { mine, triaged };
  };
  /** The executor's socket, connected from its hello's head, and a change-sync on it that records every page it
   *  asks for and every change it applies; the test decides what the socket's live changes do with the sync. */
  const executorSync = async () => {
    const socket = connect(node.url, { cookie: executor.cookie() }, { autoConnect: false });
    const hello = waitFor<{ headSeq: number }>(socket, 'hello');
    socket.connect();
    const start = (await hello).headSeq;
    const requested: number[] = [];
    const applied: CaseChange[] = [];
    const sync = createChangeSync<CaseChange>({
      initialSeq: start,
      fetchSince: async (afterSeq) => {
        requested.push(afterSeq);
        return zChangesPage.parse(await request(socket, 'changes:since', { afterSeq }));
      },
      apply: (c) => applied.push(c),
    });
    return { socket, start, requested, applied, sync };
  };

  it('one request after a reconnect; the next visible change, though it follows unseen seqs, needs none', async () => {
    const { org } = node.fixture!;
    const { mine, triaged } = await triagedForRoads('Яма на улице Мира', 'центр');

    const { socket, start, requested, applied, sync } = await executorSync();
    const live: CaseChange[] = [];
    socket.on('case:changes', (raw) => {
      for (const change of zCaseChanges.parse(raw).changes) {
        live.push(change);
        sync.receive(change);
      }
    });
    socket.on('connect', () => void sync.catchUp());
    socket.disconnect();

    // While the executor is away: a case they may not see, their case routed to them, another they may not see.
    const unseen1 = await register('Не для дорожников: шумят соседи');
    const routed = await command(curator, mine.caseId, triaged.version, {
      type: 'route',
      mode: 'single',
      assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
    });
    const unseen2 = await register('Не для дорожников: нет воды');

    socket.connect();
    await connected(socket);
    const route = await eventually(() => applied.find((c) => c.type === 'case-routed'));
    await eventually(() => (requested.length > 0 && sync.lastSeq > route.seq ? true : undefined));
    // One page: the executor's route with its board row, nothing of the other two cases.
    expect(requested).toEqual([start]);
    expect(applied.map((c) => c.caseId)).toEqual([mine.caseId]);
    expect(route.row).toMatchObject({ view: 'board', id: mine.caseId, isOpen: true });
    for (const c of applied) expect([unseen1.caseId, unseen2.caseId]).not.toContain(c.caseId);
    // The page's head covers the second unseen registration: its seq is no longer ahead of the executor.
    const head = sync.lastSeq;

    // The curator flags the executor's case: a change whose previous seq (the organisation's) is one the executor
    // never received — a gap in their own sequence — applied at once, with no request.
    await command(curator, mine.caseId, routed.version, {
      type: 'flag-socially-significant',
      note: 'жалуется весь дом',
    });
    const flagged = await eventually(() => live.find((c) => c.caseId === mine.caseId && c.seq > head));
    expect(flagged.prevSeq).toBeGreaterThan(route.seq);
    expect(flagged.prevSeq).toBeLessThanOrEqual(head);
    await eventually(() => (applied.includes(flagged) ? true : undefined));
    expect(requested).toEqual([start]);
    socket.disconnect();
  });

  it('a visible change right after an unseen one needs no request; a change lost on the way still does', async () => {
    const { org } = node.fixture!;
    const { mine, triaged } = await triagedForRoads('Не убран снег у остановки', 'остановка');
    let version = (
      await command(curator, mine.caseId, triaged.version, {
        type: 'route',
        mode: 'single',
        assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
      })
    ).version;

    const { socket, requested, applied, sync } = await executorSync();
    // The test plays the network: the changes of a message it is told to lose never reach the sync.
    let lose = false;
    const lost: CaseChange[] = [];
    socket.on('case:changes', (raw) => {
      const { changes } = zCaseChanges.parse(raw);
      if (lose) {
        lose = false;
        lost.push(...changes);
        return;
      }
      for (const change of changes) sync.receive(change);
    });
    const recategorise = async (location: string) => {
      version = (
        await command(curator, mine.caseId, version, { type: 'recategorise', location, reason: 'уточнили место' })
      ).version;
    };

    // A case the executor may not see changes, then theirs: its previous seq is the last one sent to them.
    const unseen = await register('Не для дорожников: протекает крыша');
    await recategorise('остановка «Школа»');
    const first = await eventually(() => applied.find((c) => c.type === 'case-recategorised'));
    expect(first.prevSeq).toBeLessThan(unseen.events[0]!.seq);
    expect(requested).toEqual([]);

    // The next change of their case is lost on the way: the one after it shows the gap, and the sync asks once.
    lose = true;
    await recategorise('остановка «Парк»');
    await eventually(() => (lost.length === 1 ? true : undefined));
    await recategorise('остановка «Рынок»');
    const last = await eventually(() => applied.find((c) => c.type === 'case-recategorised' && c.seq > lost[0]!.seq));
    expect(last.prevSeq).toBe(lost[0]!.seq);
    expect(requested).toEqual([first.seq]);
    expect(applied.map((c) => c.seq)).toContain(lost[0]!.seq);
    socket.disconnect();
  });

  it("a wall's catch-up page carries wall rows without personal data; a filtered wall gets a removal", async () => {
    const { org } = node.fixture!;
    const admin = await signIn(node.url, org.people.admin.login);
    const made = await admin.api.intake.createDisplayToken.mutate({
      name: 'Табло дорог (догон)',
      filters: { departmentId: org.departments.roads },
    });
    const allWall = connect(node.url, { displayToken: node.displayToken! });
    const roadsWall = connect(node.url, { displayToken: made.token });
    const [allHello, roadsHello] = await Promise.all([
      waitFor<{ headSeq: number }>(allWall, 'hello'),
      waitFor<{ headSeq: number }>(roadsWall, 'hello'),
    ]);
    const made2 = await register('Пишет Мария Иванова: у подъезда яма');
    for (const [wall, hello, expectRow] of [
      [allWall, allHello, true],
      [roadsWall, roadsHello, false],
    ] as const) {
      const page = zChangesPage.parse(await request(wall, 'changes:since', { afterSeq: hello.headSeq }));
      const last = page.changes.filter((c) => c.caseId === made2.caseId).at(-1)!;
      expect(last.payload).toBeNull();
      expect(last.actorId).toBeNull();
      if (expectRow) {
        expect(last.row).toMatchObject({ view: 'wall', id: made2.caseId, isOpen: true });
        for (const field of ['author', 'excerpt', 'responsiblePersonName', 'url'])
          expect(last.row).not.toHaveProperty(field);
      } else {
        expect(last.row).toBeNull();
      }
      expect(JSON.stringify(page)).not.toMatch(/Мария|Иванова|подъезда/);
    }
    allWall.disconnect();
    roadsWall.disconnect();
  });
});
