// Migration 0004 on a database that already has history: each organisation's cursor starts at its last event, so
// the first delivery notifies only what comes after, not the past (PGlite, migrated in two steps).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand } from '../cases/commands';
import { openDatabase } from '../db/connect';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../db/migrate';
import { notificationCursors, notifications } from '../db/schema';
import { createDeps } from '../deps';
import { createOrgFixture } from '../test/fixtures';
import { createDelivery } from './delivery';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The migrations folder as it was before 0004: the first `count` entries of the journal and their files. */
function migrationsBefore(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-migrations-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) copyFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(dir, `${tag}.sql`));
  return dir;
}

it('starts each existing organisation at its last event, so history is not notified', async () => {
  const at = Date.parse('2026-11-25T12:50:00+03:00');
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    if (database.raw.kind !== 'pglite') throw new Error('PGlite expected');
    await migrate(drizzle({ client: database.raw.client }), { migrationsFolder: migrationsBefore(4) });
    // Today's command code writes columns that later migrations add (0005: the parties of a case); they exist while
    // the data of "before the upgrade" is made, and are dropped again so the real migrations add them.
    const LATER_COLUMNS = ['party_department_ids', 'party_executor_ids'];
    for (const column of LATER_COLUMNS) {
      await database.raw.client.exec(`alter table cases add column ${column} uuid[] not null default '{}'`);
    }
    const deps = createDeps({ database, now: () => at });
    const org = await createOrgFixture(deps);
    const operator = (await loadCurrentUser(deps.db, org.people.operator.id, at))!.actor;
    const curator = (await loadCurrentUser(deps.db, org.people.curator.id, at))!.actor;
    const run = (caseId: string | undefined, actor: typeof operator, command: unknown) =>
      executeCaseCommand(deps, { organisationId: org.organisationId, actor, caseId, now: at, command });
    const { caseId } = await run(undefined, operator, {
      type: 'register',
      network: 'vk',
      link: 'https://vk.com/wall-1_7',
      author: { name: 'Иван' },
      text: 'Яма',
      attachments: [],
      visibility: 'public',
    });
    await run(caseId, operator, {
      type: 'triage',
      topic: 'дороги',
      location: 'центр',
      category: 'ordinary',
      processable: true,
    });
    const route = {
      type: 'route',
      mode: 'single',
      assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
    };
    // Routed before the upgrade: this 'assigned' belongs to the past.
    const routed = await run(caseId, curator, route);

    for (const column of LATER_COLUMNS) await database.raw.client.exec(`alter table cases drop column ${column}`);
    await migrateDatabase(database);
    const [cursor] = await deps.db
      .select({ lastSeq: notificationCursors.lastSeq })
      .from(notificationCursors)
      .where(eq(notificationCursors.organisationId, org.organisationId));
    expect(cursor?.lastSeq).toBe(routed.events.at(-1)?.seq);

    const delivery = createDelivery({ deps, live: { notify() {} }, mailer: null, sweepMs: false });
    await delivery.idle();
    expect(await deps.db.select().from(notifications)).toEqual([]);
    // After the upgrade: the return reaches the curator who routed it (konyshevsky p.8), and only that.
    const executor = (await loadCurrentUser(deps.db, org.people.roadsExecutor.id, at))!.actor;
    const returned = await run(caseId, executor, {
      type: 'return',
      departmentId: org.departments.roads,
      reason: 'Не наша улица',
    });
    await delivery.deliver(returned.events);
    const rows = await deps.db
      .select({ personId: notifications.personId, kind: notifications.kind })
      .from(notifications);
    expect(rows).toEqual([{ personId: org.people.curator.id, kind: 'returned-to-you' }]);
    await delivery.close();
  } finally {
    await database.close();
  }
});
