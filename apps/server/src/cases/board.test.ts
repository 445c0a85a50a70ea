// The board comes in pages and never leaves a case out: the pages, read one after another, hold every case once, in
// the board's order (most urgent first, cases without a running clock last) — also across the cases without a due
// instant — and the API and a wall display's snapshot give all of them.
import type { Actor } from '@otklik/domain';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { signIn } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';
import { type BoardCursor, listBoard, listBoardAll, listBoardPage, listCompactBoardRows } from './board';
import { compactBoardPage, compactBoardRows } from './board-compact';
import { executeCaseCommand, SYSTEM_ACTOR } from './commands';

const START = Date.UTC(2026, 10, 23, 7, 0); // Mon 23 Nov 2026, 10:00 Moscow

describeEachDatabase('board pages', (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => START + 3 * 3_600_000 });

  beforeAll(async () => {
    const curator: Actor = { personId: fx.org.people.curator.id, roles: ['curator'], departmentIds: [] };
    for (let i = 0; i < 23; i++) {
      const at = START + (i % 7) * 60_000; // several cases share a due instant: the number breaks the tie
      const { caseId } = await executeCaseCommand(fx.deps, {
        organisationId: fx.org.organisationId,
        actor: SYSTEM_ACTOR,
        command: {
          type: 'register',
          network: 'vk',
          link: `https://vk.com/wall-1_${i}`,
          author: { name: `Житель ${i}` },
          text: `Сообщение ${i}`,
          attachments: [],
          visibility: 'public',
        },
        now: at,
      });
      // Every fourth rejected at triage: closed, with no due instant (the end of the board's order).
      if (i % 4 === 0) {
        await executeCaseCommand(fx.deps, {
          organisationId: fx.org.organisationId,
          caseId,
          actor: curator,
          command: { type: 'triage', processable: false, ground: 'harm-intent' },
          now: at + 60_000,
        });
      }
    }
  }, 180_000);

  it.each([
    ['open cases', false],
    ['closed ones too (no due instant)', true],
  ])('pages of 5 hold every case once, in order: %s', async (_, includeClosed) => {
    const everything = await listBoard(fx.deps.db, fx.org.organisationId, { includeClosed });
    expect(everything).toHaveLength(includeClosed ? 23 : 17);
    const seen: string[] = [];
    let after: BoardCursor | undefined;
    let pages = 0;
    do {
      const page = await listBoardPage(fx.deps.db, fx.org.organisationId, { includeClosed, limit: 5, after });
      expect(page.rows.length).toBeLessThanOrEqual(5);
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(everything.length / 5));
    expect(seen).toEqual(everything.map((r) => r.id));
  });

  it.each([
    ['open cases', false],
    ['closed ones too (no due instant)', true],
  ])('compact pages built in SQL are the full pages in compact form, page by page: %s', async (_, includeClosed) => {
    const now = START + 3 * 3_600_000;
    let after: BoardCursor | undefined;
    let pages = 0;
    do {
      const full = await listBoardPage(fx.deps.db, fx.org.organisationId, { includeClosed, limit: 5, after, now });
      const built = await listCompactBoardRows(fx.deps.db, fx.org.organisationId, {
        includeClosed,
        limit: 5,
        after,
        now,
      });
      // JSON as sent: a left-out `holders` and one that is undefined are the same answer.
      expect(JSON.parse(JSON.stringify(compactBoardPage(built.rows)))).toEqual(
        JSON.parse(JSON.stringify(compactBoardRows(full.rows))),
      );
      expect(built.nextCursor).toEqual(full.nextCursor);
      after = full.nextCursor ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil((includeClosed ? 23 : 17) / 5));
  });

  it('cases.board says where the next page starts; the last page says none', async () => {
    const curator = await signIn(fx.deps, fx.org.people.curator.login);
    const first = await curator.cases.board({ limit: 10 });
    expect(first.cases).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const second = await curator.cases.board({ limit: 10, cursor: first.nextCursor! });
    expect(second.cases).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.cases, ...second.cases].map((c) => c.id)).size).toBe(17);
  });

  it('a reader that needs everything gets every page', async () => {
    const all = await listBoardAll(fx.deps.db, fx.org.organisationId, { includeClosed: true, limit: 4 });
    expect(all).toHaveLength(23);
    expect(all.map((r) => r.id)).toEqual(
      (await listBoard(fx.deps.db, fx.org.organisationId, { includeClosed: true })).map((r) => r.id),
    );
  });
});
