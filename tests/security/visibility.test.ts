// Issue 11 items 7-9, the attacks re-run: the ЖКХ (housing) executor against cases routed only to Roads — board,
// detail, the changes feed (the socket's), live broadcasts, the case room, drafts, attachments; the observer uploading;
// and the personal data of an official appeal (59-FZ), seen only by the curator, the operator and the case's executors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseChange } from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSession } from '../support/typed-client';
import {
  ask,
  type ClientSocket,
  call,
  connected,
  loginCookie,
  message,
  routedCase,
  type SecurityNode,
  socketOf,
  startSecurityNode,
} from './support/server';

const figures: string[] = [];
afterAll(() => {
  process.stdout.write(`\n${figures.join('\n')}\n`);
});

describe('what an executor of another department sees (ЖКХ vs Roads)', () => {
  let s: SecurityNode;
  let dir: string;
  const c = {} as Record<'operator' | 'curator' | 'roads' | 'housing' | 'observer', string>;
  const roadsCases: string[] = [];
  const housingCases: string[] = [];
  let housingSocket: ClientSocket;
  let roadsSocket: ClientSocket;
  const housingLive: CaseChange[] = [];
  const roadsLive: CaseChange[] = [];
  const asCurator = () => testSession(s.url, c.curator).api;
  /** The curator flags a freshly routed case (version 3) socially significant: a change every party receives. */
  const flagByCurator = (caseId: string) =>
    asCurator().cases.command.mutate({ caseId, expectedVersion: 3, command: { type: 'flag-socially-significant' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'otklik-vis-'));
    s = await startSecurityNode({ attachmentsDir: dir });
    const p = s.org.people;
    c.operator = await loginCookie(s.url, p.operator.login);
    c.curator = await loginCookie(s.url, p.curator.login);
    c.roads = await loginCookie(s.url, p.roadsExecutor.login);
    c.housing = await loginCookie(s.url, p.housingExecutor.login);
    c.observer = await loginCookie(s.url, p.observer.login);
    housingSocket = socketOf(s.url, c.housing);
    roadsSocket = socketOf(s.url, c.roads);
    housingSocket.on('case:changes', (m) => {
      for (const x of m.changes) housingLive.push(x);
    });
    roadsSocket.on('case:changes', (m) => {
      for (const x of m.changes) roadsLive.push(x);
    });
    await Promise.all([connected(housingSocket), connected(roadsSocket)]);
    for (let i = 0; i < 6; i++) {
      roadsCases.push(
        (
          await routedCase(
            s.url,
            c,
            { departmentId: s.org.departments.roads, executorId: p.roadsExecutor.id },
            `Дорога ${i}`,
          )
        ).caseId,
      );
    }
    for (let i = 0; i < 2; i++) {
      housingCases.push(
        (
          await routedCase(
            s.url,
            c,
            { departmentId: s.org.departments.housing, executorId: p.housingExecutor.id },
            `Подъезд ${i}`,
          )
        ).caseId,
      );
    }
    // One more case nobody routed yet (only operators and curators see it).
    await testSession(s.url, c.operator).api.cases.register.mutate(
      message('Новое', { link: 'https://vk.com/x', author: { name: 'Ж' } }),
    );
  });
  afterAll(async () => {
    housingSocket?.close();
    roadsSocket?.close();
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the board, the detail and the changes feed show only the housing department’s cases', async () => {
    const board = await call<{ cases: { id: string; partyDepartmentIds: string[] }[] }>(
      s.url,
      'cases.board',
      'query',
      {},
      c.housing,
    );
    const foreign = board.data.cases.filter((r) => !r.partyDepartmentIds.includes(s.org.departments.housing));
    const curatorBoard = await call<{ cases: unknown[] }>(s.url, 'cases.board', 'query', {}, c.curator);
    figures.push(
      `visibility: executor of ЖКХ sees ${foreign.length} of ${curatorBoard.data.cases.length - board.data.cases.length} other departments' board rows (sees ${board.data.cases.length}, all ЖКХ)`,
    );
    expect(foreign).toEqual([]);
    expect(board.data.cases.map((r) => r.id).sort()).toEqual([...housingCases].sort());
    for (const id of roadsCases) {
      expect((await call(s.url, 'cases.detail', 'query', { caseId: id }, c.housing)).status).toBe(404);
    }
    const page = (await ask(housingSocket, 'changes:since', { afterSeq: 0 })).value as { changes: CaseChange[] };
    expect(page.changes.filter((x) => !housingCases.includes(x.caseId))).toEqual([]);
    // Not empty by accident: every housing case's changes are in it, each row one of the housing department's.
    expect(new Set(page.changes.map((x) => x.caseId))).toEqual(new Set(housingCases));
    const rows = page.changes.flatMap((x) => (x.row ? [x.row] : []));
    expect(rows.filter((r) => !housingCases.includes(r.id))).toEqual([]);
    figures.push(`visibility: changes feed (socket) for ЖКХ: ${page.changes.length} changes, 0 of Roads`);
  });

  it('live broadcasts, the case room and drafts of a Roads case stay with Roads', async () => {
    const caseId = roadsCases[0]!;
    const before = housingLive.length;
    await flagByCurator(caseId);
    await new Promise((r) => setTimeout(r, 300));
    const deadline = Date.now() + 10_000;
    while (
      !roadsLive.some((x) => x.caseId === caseId && x.type === 'flagged-socially-significant') &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(roadsLive.some((x) => x.caseId === caseId && x.type === 'flagged-socially-significant')).toBe(true);
    expect(housingLive.slice(before).filter((x) => roadsCases.includes(x.caseId))).toEqual([]);
    expect(housingLive.filter((x) => roadsCases.includes(x.caseId))).toEqual([]);
    const join_ = await ask(housingSocket, 'case:join', { caseId });
    expect(join_.ok).toBe(false);
    const draft = await ask(housingSocket, 'draft:save', {
      caseId,
      slot: 'answer',
      baseVersion: 0,
      text: 'Чужой ответ',
    });
    expect(draft.ok).toBe(false);
    // The Roads executor's own draft is untouched.
    const mine = await ask(roadsSocket, 'draft:save', { caseId, slot: 'answer', baseVersion: 0, text: 'Наш ответ' });
    expect(mine.ok).toBe(true);
    figures.push(
      `visibility: live changes of Roads cases received by ЖКХ: ${housingLive.filter((x) => roadsCases.includes(x.caseId)).length} of ${roadsLive.filter((x) => roadsCases.includes(x.caseId)).length}`,
    );
  });

  it('a live change carries the row the receiver’s own board shows, only to who may see the case; a closed case is a removal', async () => {
    const observerSocket = socketOf(s.url, c.observer);
    const observerLive: CaseChange[] = [];
    observerSocket.on('case:changes', (m) => {
      for (const x of m.changes) observerLive.push(x);
    });
    await connected(observerSocket);
    const caseId = roadsCases[1]!;
    const housingBefore = housingLive.length;
    await flagByCurator(caseId);
    const seen = (list: CaseChange[], type: string, id = caseId) =>
      list.find((x) => x.caseId === id && x.type === type);
    const until = async (ok: () => boolean) => {
      for (const deadline = Date.now() + 10_000; !ok() && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until(
      () => !!seen(roadsLive, 'flagged-socially-significant') && !!seen(observerLive, 'flagged-socially-significant'),
    );
    // The row each receiver got is its board's row of the case after the change (instants as epoch ms).
    for (const [who, list] of [
      ['roads', roadsLive],
      ['observer', observerLive],
    ] as const) {
      const change = seen(list, 'flagged-socially-significant');
      const board = await call<{ cases: Record<string, unknown>[] }>(s.url, 'cases.board', 'query', {}, c[who]);
      const snapshot = board.data.cases.find((r) => r.id === caseId)!;
      expect(change?.row, who).toMatchObject({
        view: 'board',
        id: caseId,
        version: 4,
        flags: snapshot.flags,
        status: snapshot.status,
        author: snapshot.author,
        excerpt: 'Дорога 1',
        responsibleDepartmentId: s.org.departments.roads,
        responsiblePersonId: snapshot.responsiblePersonId,
        dueAt: snapshot.dueAt === null ? null : Date.parse(String(snapshot.dueAt)),
      });
      expect(change?.row && 'flags' in change.row ? change.row.flags : []).toContain('socially-significant');
    }
    // ЖКХ got neither the change nor a row of the Roads case.
    expect(housingLive.slice(housingBefore).filter((x) => x.caseId === caseId)).toEqual([]);

    // A case closed by the curator reaches its audiences as a removal (row null), never as a row.
    await asCurator().cases.command.mutate({
      caseId: roadsCases[2]!,
      expectedVersion: 3,
      command: { type: 'reject', ground: 'obscene' },
    });
    await until(() => roadsLive.some((x) => x.caseId === roadsCases[2] && x.version === 4));
    const closing = roadsLive.filter((x) => x.caseId === roadsCases[2] && x.version === 4);
    expect(closing.length).toBeGreaterThan(0);
    for (const x of closing) expect(x.row).toBeNull();
    expect(housingLive.filter((x) => x.caseId === roadsCases[2])).toEqual([]);
    observerSocket.close();
  });

  it('attachments: ЖКХ neither downloads nor uploads; the observer cannot upload', async () => {
    const caseId = roadsCases[1]!;
    const upload = (cookie: string) =>
      fetch(`${s.url}/api/attachments?caseId=${caseId}&name=planted.pdf`, {
        method: 'POST',
        headers: { cookie, origin: s.url, 'content-type': 'application/pdf' },
        body: new Uint8Array([37, 80, 68, 70]),
      });
    const own = await upload(c.roads);
    expect(own.status).toBe(201);
    const { url } = (await own.json()) as { url: string };
    expect((await fetch(`${s.url}${url}`, { headers: { cookie: c.housing } })).status).toBe(404);
    expect((await upload(c.housing)).status).toBe(404);
    expect((await upload(c.observer)).status).toBe(403);
    expect((await fetch(`${s.url}${url}`, { headers: { cookie: c.observer } })).status).toBe(200);
  });
});

describe('the personal data of an official appeal (idrinsky 3.8)', () => {
  let s: SecurityNode;
  const c = {} as Record<'operator' | 'curator' | 'roads' | 'housing' | 'deputy' | 'head' | 'observer', string>;
  let caseId: string;
  const live: Record<string, CaseChange[]> = {};
  const sockets: ClientSocket[] = [];
  const appeal = { fullName: 'Петрова Анна Сергеевна', address: 'ул. Садовая, 5, кв. 12', phone: '+7 913 000-00-00' };

  beforeAll(async () => {
    s = await startSecurityNode({ profileId: 'idrinsky-2021', attachmentsDir: null });
    const p = s.org.people;
    const logins = {
      operator: p.operator,
      curator: p.curator,
      roads: p.roadsExecutor,
      housing: p.housingExecutor,
      deputy: p.deputy,
      head: p.head,
      observer: p.observer,
    };
    for (const [k, person] of Object.entries(logins)) {
      c[k as keyof typeof c] = await loginCookie(s.url, person.login);
      const socket = socketOf(s.url, c[k as keyof typeof c]);
      live[k] = [];
      socket.on('case:changes', (m) => {
        for (const x of m.changes) live[k]!.push(x);
      });
      sockets.push(socket);
      await connected(socket);
    }
    const routed = await routedCase(s.url, c, {
      departmentId: s.org.departments.roads,
      executorId: p.roadsExecutor.id,
    });
    caseId = routed.caseId;
    const converted = await call(
      s.url,
      'cases.command',
      'mutation',
      {
        caseId,
        expectedVersion: routed.version,
        command: { type: 'convert-to-appeal', consent: true, ...appeal, registrationNumber: 'СЭД-2026/7' },
      },
      c.curator,
    );
    expect(converted.status, converted.message).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await s?.close();
  });

  const shows = (text: string) =>
    text.includes(appeal.fullName) || text.includes(appeal.phone) || text.includes(appeal.address);

  it('the curator, the operator and the Roads executor see it; the head, the observer and the Roads head do not', async () => {
    const table: Record<string, Record<string, boolean | null>> = {};
    for (const who of Object.keys(c) as (keyof typeof c)[]) {
      const detail = await call(s.url, 'cases.detail', 'query', { caseId }, c[who]);
      const page = await ask(sockets[Object.keys(c).indexOf(who)]!, 'changes:since', { afterSeq: 0 });
      table[who] = {
        detail: detail.status === 200 ? shows(JSON.stringify(detail.data)) : null,
        socketPage: shows(JSON.stringify(page.value)),
        live: shows(JSON.stringify(live[who])),
      };
    }
    const yes = { detail: true, socketPage: true, live: true };
    const no = { detail: false, socketPage: false, live: false };
    expect(table).toEqual({
      operator: yes,
      curator: yes,
      roads: yes,
      housing: { detail: null, socketPage: false, live: false },
      deputy: no,
      head: no,
      observer: no,
    });
    // Readers still see that it was converted, and under which registration number.
    const headDetail = await call<{ state: { appeal: { registrationNumber: string } | null } }>(
      s.url,
      'cases.detail',
      'query',
      { caseId },
      c.head,
    );
    expect(headDetail.data.state.appeal?.registrationNumber).toBe('СЭД-2026/7');
    expect(live.head!.some((x) => x.type === 'converted-to-appeal')).toBe(true);
    figures.push(
      'appeal data: shown to curator, operator, Roads executor; hidden from head, observer, Roads head; ЖКХ sees nothing of the case',
    );
  });
});
