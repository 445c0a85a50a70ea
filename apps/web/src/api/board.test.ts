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

const row = (id: string) => ({ id });

describe('fetchBoard', () => {
  beforeEach(() => {
    pages.calls = [];
    pages.answers = [];
  });

  it('asks for the next page until there is none, with the same filters', async () => {
    const cursor1 = { dueAt: 1000, number: 7 };
    const cursor2 = { dueAt: null, number: 12 };
    pages.answers = [
      { cases: [row('a'), row('b')], seq: 40, serverTime: 1, nextCursor: cursor1 },
      { cases: [row('c')], seq: 43, serverTime: 2, nextCursor: cursor2 },
      { cases: [row('d')], seq: 44, serverTime: 3, nextCursor: null },
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
    pages.answers = [{ cases: [row('a')], seq: 5, serverTime: 1, nextCursor: null }];
    const got = await fetchBoard();
    expect(got.cases).toHaveLength(1);
    expect(pages.calls).toHaveLength(1);
  });
});
