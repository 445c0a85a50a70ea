// fetchBoard reads every page the server sends (it never leaves a case out) and keeps the first page's seq, from
// which the catch-up covers whatever changed while the later pages were read.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const pages = vi.hoisted(() => ({ calls: [] as unknown[], answers: [] as unknown[] }));
vi.mock('./trpc', () => ({
  api: {
    cases: {
      board: {
        query: async (input: unknown) => {
          pages.calls.push(input);
          return pages.answers.shift();
        },
      },
    },
  },
}));

const { fetchBoard } = await import('./board');

const row = (id: string) => ({ id, clocks: [] });
/** A compact page (the form the web asks for) of `cases`. */
const page = (cases: unknown[], seq: number, nextCursor: unknown) => ({
  compact: true,
  rules: [],
  cases,
  seq,
  serverTime: seq,
  nextCursor,
});

describe('fetchBoard', () => {
  beforeEach(() => {
    pages.calls = [];
    pages.answers = [];
  });

  it('asks for the next page until there is none, with the same filters', async () => {
    const cursor1 = { dueAt: 1000, number: 7 };
    const cursor2 = { dueAt: null, number: 12 };
    pages.answers = [
      page([row('a'), row('b')], 40, cursor1),
      page([row('c')], 43, cursor2),
      page([row('d')], 44, null),
    ];
    const got = await fetchBoard({ departmentId: 'roads' });
    expect(got.cases.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(got.seq).toBe(40);
    expect(pages.calls).toEqual([
      { departmentId: 'roads', compact: true },
      { departmentId: 'roads', compact: true, cursor: cursor1 },
      { departmentId: 'roads', compact: true, cursor: cursor2 },
    ]);
  });

  it('one page is one request', async () => {
    pages.answers = [page([row('a')], 5, null)];
    const got = await fetchBoard();
    expect(got.cases).toHaveLength(1);
    expect(pages.calls).toHaveLength(1);
  });

  it('expands compact rows: rule texts from the page, a lone responsible party as the holder', async () => {
    const responsible = { role: 'executor', personId: 'p1', departmentId: 'd1' };
    const other = { role: 'executor', personId: 'p2', departmentId: 'd2' };
    const clock = { id: 'c', step: 'draft', kind: 'step', startedAt: 1, dueAt: 2, atRiskAt: 1, responsible };
    pages.answers = [
      {
        compact: true,
        cases: [
          {
            id: 'a',
            clocks: [
              { ...clock, rule: 1 },
              { ...clock, id: 'o', rule: 0, holders: [responsible, other] },
            ],
          },
        ],
        rules: ['8 ч / 8 h', '1 день / 1 day'],
        seq: 5,
        serverTime: 1,
        nextCursor: null,
      },
    ];
    const got = await fetchBoard();
    const clocks = (got.cases[0] as unknown as { clocks: Record<string, unknown>[] }).clocks;
    expect(clocks.map((c) => c.rule)).toEqual(['1 день / 1 day', '8 ч / 8 h']);
    expect(clocks.map((c) => c.holders)).toEqual([[responsible], [responsible, other]]);
  });

  it('refuses a page of full rows: the web always asks for compact ones', async () => {
    pages.answers = [{ compact: false, cases: [row('a')], seq: 5, serverTime: 1, nextCursor: null }];
    await expect(fetchBoard()).rejects.toThrow(/full form/);
  });
});
