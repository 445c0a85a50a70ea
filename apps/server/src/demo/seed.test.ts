// The demo data: built through the domain at any hour, it covers every state of the board, its logins work, and
// seeding again replaces it without duplicates.
import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect';
import { caseEvents, cases, organisations } from '../db/schema';
import { createDeps, type ServerDeps } from '../deps';
import { createTestDatabase } from '../test/databases';
import { signIn, tasksOf } from '../test/fixtures';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from './roster';
import { seedDemo, seedDemoIfEmpty } from './seed';

// Tuesday 24 Nov 2026 11:30 MSK, and Sunday 29 Nov 2026 03:00 MSK (outside working time).
const TUESDAY = Date.UTC(2026, 10, 24, 8, 30);
const SUNDAY_NIGHT = Date.UTC(2026, 10, 29, 0, 0);

describe.each([
  ['a working Tuesday morning', TUESDAY],
  ['a Sunday night', SUNDAY_NIGHT],
])('demo seed on %s', (_label, now) => {
  let deps: ServerDeps;
  beforeAll(async () => {
    deps = createDeps({ database: await createTestDatabase('pglite'), now: () => now });
    expect(await seedDemoIfEmpty(deps)).toBe(true);
    return () => deps.database.close();
  });

  it('creates about 100 cases across five organisations, one per preset, in every state', async () => {
    const rows = await deps.db.select().from(cases);
    // 62 in the main organisation, 9 in each of the four others.
    expect(rows.length).toBeGreaterThanOrEqual(95);
    const orgs = await deps.db.select().from(organisations);
    expect(orgs.map((o) => o.profileId).sort()).toEqual([
      'idrinsky-2021',
      'konyshevsky-2020',
      'krasnoufimsk-2021',
      'nao-2020',
      'slavgorod-2020',
    ]);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['detected', 'triaged', 'assigned', 'returned', 'draft-review', 'revision', 'approved', 'closed']) {
      expect(statuses, s).toContain(s);
    }
    const flags = rows.flatMap((r) => r.flags);
    for (const f of ['at-risk', 'breached', 'repeat', 'socially-significant', 'intermediate-answered']) {
      expect(flags, f).toContain(f);
    }
    expect(rows.some((r) => r.state && (r.state as { ending: string | null }).ending === 'rejected')).toBe(true);
    expect(rows.some((r) => r.departmentIds.length === 3)).toBe(true);
    // Every instant of the demo lies in the past of `now`.
    const events = await deps.db.select().from(caseEvents).orderBy(caseEvents.caseId, caseEvents.version);
    expect(events.every((e) => e.occurredAt.getTime() <= now)).toBe(true);
    // Each case's timeline is in time order.
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1]!, events[i]!];
      if (a.caseId === b.caseId) expect(b.occurredAt.getTime()).toBeGreaterThanOrEqual(a.occurredAt.getTime());
    }
  });

  it('lets every demo login sign in with the demo password', async () => {
    for (const login of [
      'admin',
      'operator',
      'curator',
      'roads',
      'deputy',
      'head',
      'observer',
      'kr-curator',
      'nao-head',
      'id-curator',
      'id-roads',
      'sl-curator',
      'sl-zhkh',
    ]) {
      const caller = await signIn(deps, login, DEMO_PASSWORD);
      expect((await caller.auth.me()).user?.login).toBe(login);
    }
    const curator = await signIn(deps, 'curator', DEMO_PASSWORD);
    const board = await curator.cases.board({});
    expect(board.cases.length).toBeGreaterThan(40);
    const roads = await signIn(deps, 'roads', DEMO_PASSWORD);
    const roadsPerson = (await roads.auth.me()).user!;
    expect((await tasksOf(roads, roadsPerson.personId)).length).toBeGreaterThan(0);
  });

  it('re-creates the demo without duplicates and does not seed a non-empty database again', async () => {
    expect(await seedDemoIfEmpty(deps)).toBe(false);
    const before = await deps.db.select({ n: count() }).from(cases);
    await seedDemo(deps);
    const after = await deps.db.select({ n: count() }).from(cases);
    expect(after[0]?.n).toBe(before[0]?.n);
    const orgs = await deps.db
      .select()
      .from(organisations)
      .where(
        inArray(
          organisations.slug,
          DEMO_ORGANISATIONS.map((o) => o.slug),
        ),
      );
    expect(orgs).toHaveLength(5);
    const main = orgs.find((o) => o.slug === 'konyshevka')!;
    expect((await deps.db.select().from(cases).where(eq(cases.organisationId, main.id))).length).toBeGreaterThan(60);
  });

  it('gives every secondary organisation nine cases in varied states, within its preset', async () => {
    const orgs = await deps.db.select().from(organisations);
    const casesOf = async (slug: string) => {
      const org = orgs.find((o) => o.slug === slug)!;
      const rows = await deps.db.select().from(cases).where(eq(cases.organisationId, org.id));
      return rows.map((r) => ({ ...r, s: r.state as { ending: string | null; mode: string | null; stage: string } }));
    };
    for (const slug of ['krasnoufimsk', 'nao', 'idrinsky', 'slavgorod']) {
      const rows = await casesOf(slug);
      expect(rows, slug).toHaveLength(9);
      const statuses = new Set(rows.map((r) => r.status));
      for (const s of ['detected', 'assigned', 'draft-review', 'closed']) expect(statuses, `${slug} ${s}`).toContain(s);
    }
    // idrinsky-2021: no chains (chain.modes is empty) and no intermediate answers (no `final` step); a question
    // outside its powers is closed with an explanation (3.7) instead.
    const idrinsky = await casesOf('idrinsky');
    expect(idrinsky.every((r) => r.s.mode === null || r.s.mode === 'single')).toBe(true);
    expect(idrinsky.every((r) => r.s.stage === 'answer')).toBe(true);
    expect(idrinsky.some((r) => r.s.ending === 'explained')).toBe(true);
    expect(idrinsky.some((r) => r.status === 'revision')).toBe(true);
    // slavgorod-2020: no chains either, but an intermediate answer opens the p.7 `final` term.
    const slavgorod = await casesOf('slavgorod');
    expect(slavgorod.every((r) => r.s.mode === null || r.s.mode === 'single')).toBe(true);
    expect(slavgorod.some((r) => r.s.stage === 'final' && r.flags.includes('intermediate-answered'))).toBe(true);
    expect(slavgorod.some((r) => r.status === 'revision')).toBe(true);
    // The krasnoufimsk (parallel) and NAO (sequential) presets keep their chain.
    for (const slug of ['krasnoufimsk', 'nao']) {
      expect(
        (await casesOf(slug)).some((r) => r.departmentIds.length === 3),
        slug,
      ).toBe(true);
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('demo seed from two nodes starting at once on PostgreSQL', () => {
  it('seeds once: one node seeds, the other finds the data and skips', async () => {
    const first = await createTestDatabase('postgres');
    const url = first.raw.kind === 'postgres' ? first.raw.url : '';
    const second = await openDatabase({ kind: 'postgres', url });
    try {
      const results = await Promise.all(
        [first, second].map((database) => seedDemoIfEmpty(createDeps({ database, now: () => TUESDAY }))),
      );
      expect(results.sort()).toEqual([false, true]);
      expect(await first.db.select().from(organisations)).toHaveLength(5);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
