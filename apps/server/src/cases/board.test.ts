// The board comes in pages and never leaves a case out: the pages, read one after another, hold every case once, in
// the board's order (most urgent first, cases without a running clock last) — also across the cases without a due
// instant — and the API and a wall display's snapshot give all of them. The snapshot's pages (built by PostgreSQL
// from the projection's columns) are the full pages in compact form, row by row, also after commands and the
// scheduler's catch-up changed the cases, and for rows the migration filled in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Actor, type CaseState, chainProgress } from '@otklik/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../db/driver-values';
import { cases } from '../db/schema';
import { catchUpDue } from '../scheduler/catch-up';
import { describeEachDatabase } from '../test/databases';
import { signIn } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';
import { zBoardSnapshotPage } from '../trpc/outputs-cases';
import {
  type BoardCursor,
  type BoardFilters,
  boardSnapshotPage,
  listBoard,
  listBoardAll,
  listBoardPage,
} from './board';
import { type CompactBoardRow, compactBoardRows, type RuleTable } from './board-compact';
import { executeCaseCommand, SYSTEM_ACTOR } from './commands';

const START = Date.UTC(2026, 10, 23, 7, 0); // Mon 23 Nov 2026, 10:00 Moscow

/** The open cases: 17 registered ones and the two chains. */
const OPEN = 19;

/** The rows of a page with each clock's rule looked up (the web's expansion): equal whatever the rules' keys. */
const expanded = (page: { cases: readonly CompactBoardRow[]; rules: RuleTable }) =>
  JSON.parse(
    JSON.stringify(
      page.cases.map((row) => ({ ...row, clocks: row.clocks.map((c) => ({ ...c, rule: page.rules[c.rule] })) })),
    ),
  );

describeEachDatabase('board pages', (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => START + 3 * 3_600_000 });

  /** A snapshot page as the route sends it (its rows parsed), checked against the page's schema. */
  async function snapshot(filters: BoardFilters) {
    const page = await boardSnapshotPage(fx.deps.database, fx.org.organisationId, filters);
    const text = page.rows.toString();
    const cases = JSON.parse(`[${text}]`) as CompactBoardRow[];
    // Compact JSON (as row_to_json writes it): json_build_object's ' : ' between a key and its value is 6 % more bytes.
    expect(text).not.toContain('" : ');
    zBoardSnapshotPage.parse({ cases, rules: page.rules, seq: 0, serverTime: 0, nextCursor: page.nextCursor });
    return { cases, rules: page.rules, nextCursor: page.nextCursor };
  }

  /** Every page of the snapshot against the full pages in compact form (`compactBoardRows`, the reference). */
  async function compareSnapshot(includeClosed: boolean, now: number, rulesByKey = true) {
    let after: BoardCursor | undefined;
    let pages = 0;
    do {
      const full = await listBoardPage(fx.deps.db, fx.org.organisationId, { includeClosed, limit: 5, after, now });
      const built = await snapshot({ includeClosed, limit: 5, after, now });
      const reference = compactBoardRows(full.rows);
      if (rulesByKey) {
        // JSON as sent: a left-out `holders` and one that is undefined are the same answer.
        expect(JSON.parse(JSON.stringify({ cases: built.cases, rules: built.rules }))).toEqual(
          JSON.parse(JSON.stringify(reference)),
        );
      } else {
        expect(expanded(built)).toEqual(expanded(reference));
      }
      expect(built.nextCursor).toEqual(full.nextCursor);
      after = full.nextCursor ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil((includeClosed ? 25 : OPEN) / 5));
  }

  /** The stored chain of every case is the domain's chainProgress of its state. */
  async function expectChainsOfState() {
    const rows = rowsOf<{ state: CaseState | string; chain: unknown }>(
      await fx.deps.db.execute(sql`select ${cases.state} as state, ${cases.chain} as chain from ${cases}`),
    );
    const parse = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);
    for (const r of rows) expect(parse(r.chain)).toEqual(chainProgress(parse(r.state)));
    return rows.filter((r) => r.chain !== null).length;
  }

  /** A message registered by the system at `at`; its case's id. */
  const register = async (tag: string, text: string, at: number) =>
    (
      await executeCaseCommand(fx.deps, {
        organisationId: fx.org.organisationId,
        actor: SYSTEM_ACTOR,
        command: {
          type: 'register',
          network: 'vk',
          link: `https://vk.com/wall-1_${tag}`,
          author: { name: `Житель ${tag}` },
          text,
          attachments: [],
          visibility: 'public',
        },
        now: at,
      })
    ).caseId;

  beforeAll(async () => {
    const curator: Actor = { personId: fx.org.people.curator.id, roles: ['curator'], departmentIds: [] };
    for (let i = 0; i < 23; i++) {
      const at = START + (i % 7) * 60_000; // several cases share a due instant: the number breaks the tie
      const caseId = await register(String(i), `Сообщение ${i}`, at);
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
    // Two chains of two departments (the profile's sequential mode): one just routed (the first link holds it), one
    // with the first link's part sent (the second holds it).
    const { roads, housing } = fx.org.departments;
    const roadsExecutor: Actor = {
      personId: fx.org.people.roadsExecutor.id,
      roles: ['executor'],
      departmentIds: [roads],
    };
    for (const partSent of [false, true]) {
      const at = START + 10 * 60_000;
      const caseId = await register(`chain_${partSent}`, `Цепочка, часть отправлена: ${partSent}`, at);
      const steps = [
        {
          actor: curator,
          command: { type: 'triage', topic: 'Дороги', location: 'ул. Мира', category: 'ordinary', processable: true },
        },
        {
          actor: curator,
          command: {
            type: 'route',
            mode: 'sequential',
            assignments: [
              { departmentId: roads, executorId: fx.org.people.roadsExecutor.id },
              { departmentId: housing, executorId: fx.org.people.housingExecutor.id },
            ],
          },
        },
        {
          actor: roadsExecutor,
          command: { type: 'submit-contribution', departmentId: roads, text: 'Часть дорожников', attachments: [] },
        },
      ].slice(0, partSent ? 3 : 2);
      for (const [i, step] of steps.entries()) {
        await executeCaseCommand(fx.deps, {
          organisationId: fx.org.organisationId,
          caseId,
          actor: step.actor,
          command: step.command as never,
          now: at + (i + 1) * 60_000,
        });
      }
    }
  }, 180_000);

  it.each([
    ['open cases', false],
    ['closed ones too (no due instant)', true],
  ])('pages of 5 hold every case once, in order: %s', async (_, includeClosed) => {
    const everything = await listBoard(fx.deps.db, fx.org.organisationId, { includeClosed });
    expect(everything).toHaveLength(includeClosed ? 25 : OPEN);
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
  ])('snapshot pages built in SQL are the full pages in compact form, page by page: %s', async (_, includeClosed) => {
    await compareSnapshot(includeClosed, START + 3 * 3_600_000);
    // The chains' progress is the domain's, kept by the commands' projection.
    expect(await expectChainsOfState()).toBe(2);
  });

  it('the snapshot stands the substitute in for an absent responsible person, as the full rows do', async () => {
    const now = START + 3 * 3_600_000;
    // Everyone responsible on the board is away, each with a substitute (one of them away too: theirs stands in).
    const full = await listBoard(fx.deps.db, fx.org.organisationId, { now });
    const responsible = [...new Set(full.map((r) => r.responsiblePersonId).filter((id) => id !== null))];
    expect(responsible.length).toBeGreaterThan(0);
    const { curator2, deputy } = fx.org.people;
    const away = [
      ...responsible.map((personId) => ({ personId, substituteId: deputy.id })),
      { personId: deputy.id, substituteId: curator2.id },
    ];
    await fx.deps.db.execute(sql`insert into absences (organisation_id, person_id, substitute_id, reason, starts_at, ends_at)
      select ${fx.org.organisationId}::uuid, (a->>'personId')::uuid, (a->>'substituteId')::uuid, 'leave',
             ${new Date(now - 3_600_000).toISOString()}::timestamptz, ${new Date(now + 3_600_000).toISOString()}::timestamptz
        from json_array_elements(${JSON.stringify(away)}::json) as a`);
    try {
      const built = await snapshot({ now });
      const stood = built.cases.filter((r) => r.absentPersonId !== null);
      expect(stood.length).toBeGreaterThan(0);
      expect(new Set(stood.map((r) => r.responsiblePersonId))).toEqual(new Set([curator2.id]));
      await compareSnapshot(false, now);
    } finally {
      await fx.deps.db.execute(sql`delete from absences where organisation_id = ${fx.org.organisationId}`);
    }
  });

  it('the snapshot shows the names as they are now and each row as last written, whoever wrote it', async () => {
    const now = START + 3 * 3_600_000;
    const row = (await listBoard(fx.deps.db, fx.org.organisationId, { now })).find(
      (r) => r.responsiblePersonId !== null && r.responsibleDepartmentId !== null,
    );
    expect(row).toBeDefined();
    const { responsiblePersonId: personId, responsibleDepartmentId: departmentId, id, topic } = row!;
    const [person] = rowsOf<{ name: string }>(
      await fx.deps.db.execute(sql`select full_name as name from people where id = ${personId}`),
    );
    const [department] = rowsOf<{ name: string }>(
      await fx.deps.db.execute(sql`select name from departments where id = ${departmentId}`),
    );
    // Renamed after their cases were written (names with characters JSON escapes): the snapshot reads them now.
    await fx.deps.db.execute(sql`update people set full_name = ${'Петрова "Анна"\\ Ивановна'} where id = ${personId}`);
    await fx.deps.db.execute(sql`update departments set name = ${'Отдел «Дороги»\t"Юг"'} where id = ${departmentId}`);
    // A row written by a bare update, not the projection (as a migration or the database's own cascade does).
    await fx.deps.db.execute(sql`update ${cases} set topic = ${'Ямы "на" дорогах\n'} where id = ${id}`);
    try {
      const built = await snapshot({ now });
      const shown = built.cases.find((r) => r.id === id);
      expect(shown?.responsiblePersonName).toBe('Петрова "Анна"\\ Ивановна');
      expect(shown?.responsibleDepartmentName).toBe('Отдел «Дороги»\t"Юг"');
      expect(shown?.topic).toBe('Ямы "на" дорогах\n');
      await compareSnapshot(false, now);
    } finally {
      await fx.deps.db.execute(sql`update people set full_name = ${person!.name} where id = ${personId}`);
      await fx.deps.db.execute(sql`update departments set name = ${department!.name} where id = ${departmentId}`);
      await fx.deps.db.execute(sql`update ${cases} set topic = ${topic} where id = ${id}`);
    }
  });

  it("migration 0018 writes the stored cases' row text as a write of the row does", async () => {
    const migration = readFileSync(join(import.meta.dirname, '../../drizzle/0018_board_row_text.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toMatch(/^\s*-- The cases stored before/);
    const now = START + 3 * 3_600_000;
    const written = await snapshot({ includeClosed: true, now });
    // The rows as a database before 0018 had them (no text), then the migration's statement.
    await fx.deps.db.execute(sql`alter table ${cases} disable trigger cases_board_text`);
    try {
      await fx.deps.db.execute(sql`update ${cases} set board_text = null, board_rule_keys = null`);
    } finally {
      await fx.deps.db.execute(sql`alter table ${cases} enable trigger cases_board_text`);
    }
    await fx.deps.db.execute(sql.raw(backfill));
    expect(await snapshot({ includeClosed: true, now })).toEqual(written);
    await compareSnapshot(true, now);
  });

  it("after the scheduler's catch-up changed the clocks, the snapshot still is the full rows' compact form", async () => {
    // Two working days on: every clock is due; the catch-up records them and rewrites the rows.
    const later = START + 2 * 24 * 3_600_000;
    const before = (await snapshot({ now: later })).cases.map((r) => r.clocks.map((c) => c.status));
    const pass = await catchUpDue(fx.deps, later, 200);
    expect(pass.done.length).toBeGreaterThan(0);
    const after = (await snapshot({ now: later })).cases.map((r) => r.clocks.map((c) => c.status));
    expect(after).not.toEqual(before);
    await compareSnapshot(true, later);
    expect(await expectChainsOfState()).toBe(2);
  });

  it('cases.board says where the next page starts; the last page says none', async () => {
    const curator = await signIn(fx.deps, fx.org.people.curator.login);
    const first = await curator.cases.board({ limit: 10 });
    expect(first.cases).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const second = await curator.cases.board({ limit: 10, cursor: first.nextCursor! });
    expect(second.cases).toHaveLength(OPEN - 10);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.cases, ...second.cases].map((c) => c.id)).size).toBe(OPEN);
  });

  it('a reader that needs everything gets every page', async () => {
    const all = await listBoardAll(fx.deps.db, fx.org.organisationId, { includeClosed: true, limit: 4 });
    expect(all).toHaveLength(25);
    expect(all.map((r) => r.id)).toEqual(
      (await listBoard(fx.deps.db, fx.org.organisationId, { includeClosed: true })).map((r) => r.id),
    );
  });

  it('the migration fills in the stored cases as the projection does (chain, compact clocks, rules)', async () => {
    const migration = readFileSync(join(import.meta.dirname, '../../drizzle/0015_board_snapshot_columns.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toMatch(/^\s*-- The cases stored before/);
    const now = START + 2 * 24 * 3_600_000;
    const written = await snapshot({ includeClosed: true, now });
    // The rows as a database before 0015 had them (the columns' defaults), then the migration's statement.
    await fx.deps.db.execute(sql`update ${cases} set chain = null, board_clocks = '[]', board_rules = '{}'`);
    await fx.deps.db.execute(sql.raw(backfill));
    const filled = await snapshot({ includeClosed: true, now });
    expect(filled.cases.some((r) => r.clocks.length > 0)).toBe(true);
    // Its rule keys are its own (a digest of PostgreSQL's text of the rule): the rules they name are the same.
    expect(expanded(filled)).toEqual(expanded(written));
    await compareSnapshot(true, now, false);
    expect(await expectChainsOfState()).toBe(2);
    // The profile has sequential chains only: one of them stored as parallel, for the migration's other branch.
    await fx.deps.db.execute(
      sql`update ${cases} set state = jsonb_set(state, '{mode}', '"parallel"') where id = (select id from ${cases} where state->>'mode' = 'sequential' order by number limit 1)`,
    );
    await fx.deps.db.execute(sql`update ${cases} set chain = null`);
    await fx.deps.db.execute(sql.raw(backfill));
    expect(await expectChainsOfState()).toBe(2);
  });
});
