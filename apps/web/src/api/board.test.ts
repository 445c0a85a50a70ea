// fetchBoard reads every page the server sends (it never leaves a case out) and keeps the first page's seq, from
// which the catch-up covers whatever changed while the later pages were read. The pages come from GET /api/board
// (the server passes PostgreSQL's JSON through; not a tRPC call): its filters in `?input=`, its refusals worded as
// the tRPC client's are.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCases } from '../stores/cases';
import { useDirectory } from '../stores/directory';
import { fetchBoard, loadBoard } from './board';

const pages = { calls: [] as unknown[], answers: [] as { status: number; body: unknown }[] };

const row = (id: string) => ({ id, clocks: [] });
/** A snapshot page of `cases`. */
const page = (cases: unknown[], seq: number, nextCursor: unknown) => ({
  rules: {},
  cases,
  seq,
  serverTime: seq,
  nextCursor,
});
const ok = (body: unknown) => ({ status: 200, body });

describe('fetchBoard', () => {
  beforeEach(() => {
    pages.calls = [];
    pages.answers = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const u = new URL(url, 'http://otklik.test');
      expect(u.pathname).toBe('/api/board');
      expect(init.credentials).toBe('same-origin');
      pages.calls.push(JSON.parse(u.searchParams.get('input') ?? 'null'));
      const answer = pages.answers.shift()!;
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the next page until there is none, with the same filters', async () => {
    const cursor1 = { dueAt: 1000, number: 7 };
    const cursor2 = { dueAt: null, number: 12 };
    pages.answers = [
      ok(page([row('a'), row('b')], 40, cursor1)),
      ok(page([row('c')], 43, cursor2)),
      ok(page([row('d')], 44, null)),
    ];
    const got = await fetchBoard({ departmentId: 'roads' });
    expect(got.cases.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(got.seq).toBe(40);
    expect(pages.calls).toEqual([
      { departmentId: 'roads' },
      { departmentId: 'roads', cursor: cursor1 },
      { departmentId: 'roads', cursor: cursor2 },
    ]);
  });

  it('one page is one request', async () => {
    pages.answers = [ok(page([row('a')], 5, null))];
    const got = await fetchBoard();
    expect(got.cases).toHaveLength(1);
    expect(pages.calls).toHaveLength(1);
  });

  it('expands compact rows: rule texts from the page by key, a lone responsible party as the holder', async () => {
    const responsible = { role: 'executor', personId: 'p1', departmentId: 'd1' };
    const other = { role: 'executor', personId: 'p2', departmentId: 'd2' };
    const clock = { id: 'c', step: 'draft', kind: 'step', startedAt: 1, dueAt: 2, atRiskAt: 1, responsible };
    pages.answers = [
      ok({
        cases: [
          {
            id: 'a',
            clocks: [
              { ...clock, rule: 'k2' },
              { ...clock, id: 'o', rule: 'k1', holders: [responsible, other] },
            ],
          },
        ],
        rules: { k1: '8 рабочих часов', k2: '1 рабочий день' },
        seq: 5,
        serverTime: 1,
        nextCursor: null,
      }),
    ];
    const got = await fetchBoard();
    const clocks = (got.cases[0] as unknown as { clocks: Record<string, unknown>[] }).clocks;
    expect(clocks.map((c) => c.rule)).toEqual(['1 рабочий день', '8 рабочих часов']);
    expect(clocks.map((c) => c.holders)).toEqual([[responsible], [responsible, other]]);
  });

  it("a refusal carries the server's code and key, as the tRPC client's errors do", async () => {
    pages.answers = [
      {
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: 'Нет доступа', key: 'case.other-organisation', params: {} } },
      },
    ];
    await expect(fetchBoard({ organisationId: 'other' })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', key: 'case.other-organisation' },
    });
  });
});

describe('loadBoard', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useCases.getState().clear();
  });

  it('names the rows once the directory has arrived, when the snapshot comes first', async () => {
    useDirectory.setState({ loaded: false, people: [] });
    const absent = '00000000-0000-4000-8000-000000000001';
    const substitute = '00000000-0000-4000-8000-000000000002';
    const snapshotRow = {
      ...row('a'),
      number: 1,
      status: 'assigned',
      responsiblePersonId: substitute,
      responsiblePersonName: 'Орлова Светлана Юрьевна',
      absentPersonId: absent,
      flags: [],
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(page([snapshotRow], 7, null)), { status: 200 }));
    let done = false;
    const loading = loadBoard().then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    const person = (id: string, fullName: string) => ({
      id,
      fullName,
      departmentId: null,
      roles: [],
      position: '',
      active: true,
    });
    useDirectory.getState().load({
      organisations: [],
      departments: [],
      people: [person(absent, 'Лебедев Николай Иванович'), person(substitute, 'Орлова Светлана Юрьевна')],
      topics: [],
      calendars: new Map(),
    });
    await loading;
    expect(useCases.getState().byId.get('a')?.absentPersonName).toBe('Лебедев Николай Иванович');
  });
});
