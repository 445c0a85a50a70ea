// Migration 0004 on a database that already has history: each organisation's cursor starts at its last event, so
// the first delivery notifies only what comes after, not the past (PGlite, migrated in two steps).

import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Actor,
  type CaseEvent,
  createCalendar,
  decide,
  evolve,
  getPreset,
  initialState,
  type Role,
} from '@otklik/domain';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand } from '../cases/commands';
import { projectCase } from '../cases/projection';
import { openDatabase } from '../db/connect';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../db/migrate';
import { caseEvents, cases, departments, notificationCursors, notifications, people } from '../db/schema';
import { createDeps } from '../deps';
import { tempDirs } from '../test/temp-dirs';
import { createDelivery } from './delivery';

const tempDir = tempDirs('otklik-migrations-');

/** The migrations folder as it was before 0004: the first `count` entries of the journal and their files. */
function migrationsBefore(count: number): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) copyFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(dir, `${tag}.sql`));
  return dir;
}

/**
 * The code writing the history below is today's, and reads columns that migrations after 0004 add. Those migrations'
 * tables and columns are created for the history step and dropped again before the real migration runs, so the
 * database is back at "before 0004" (plus data) when migrateDatabase applies 0004 and everything after it.
 */
function laterSchema(from: number): { add: string[]; drop: string[] } {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const add: string[] = [];
  const drop: string[] = [];
  for (const { tag } of journal.entries.slice(from)) {
    for (const statement of readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8').split(
      '--> statement-breakpoint',
    )) {
      add.push(statement);
      const column = /ALTER TABLE ("[^"]+") ADD COLUMN ("[^"]+")/i.exec(statement);
      const table = /CREATE TABLE (?:IF NOT EXISTS )?("[^"]+")/i.exec(statement);
      const index = /CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?("[^"]+")/i.exec(statement);
      // A trigger's function (0018): dropping it drops its trigger too.
      const fn = /CREATE (?:OR REPLACE )?FUNCTION ("[^"]+")\(\)/i.exec(statement);
      if (column) drop.unshift(`ALTER TABLE ${column[1]} DROP COLUMN IF EXISTS ${column[2]} CASCADE`);
      if (table) drop.unshift(`DROP TABLE IF EXISTS ${table[1]} CASCADE`);
      if (index) drop.unshift(`DROP INDEX IF EXISTS ${index[1]}`);
      if (fn) drop.unshift(`DROP FUNCTION IF EXISTS ${fn[1]}() CASCADE`);
    }
  }
  return { add, drop };
}

it('starts each existing organisation at its last event, so history is not notified', async () => {
  const at = Date.parse('2026-11-25T12:50:00+03:00');
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    if (database.raw.kind !== 'pglite') throw new Error('PGlite expected');
    await migrate(drizzle({ client: database.raw.client }), { migrationsFolder: migrationsBefore(4) });
    const later = laterSchema(5);
    for (const statement of later.add) await database.raw.client.exec(statement);
    const deps = createDeps({ database, now: () => at });
    // The history is written as the code of that time wrote it: the organisation with the columns it had then (later
    // migrations add columns today's code reads), the case's events decided by the domain and appended as rows.
    const [orgRow] = (
      await database.raw.client.query<{ id: string }>(
        `insert into organisations (slug, name, time_zone, profile_id) values ('old', 'Старая администрация',
         'Europe/Moscow', 'konyshevsky-2020') returning id`,
      )
    ).rows;
    const organisationId = orgRow!.id;
    const [roads] = await deps.db.insert(departments).values({ organisationId, name: 'Дороги' }).returning();
    const person = async (login: string, roles: Role[], departmentId: string | null = null) =>
      (
        await deps.db
          .insert(people)
          .values({ organisationId, fullName: login, login, roles, departmentId })
          .returning({ id: people.id })
      )[0]!.id;
    const ids = {
      operator: await person('old-operator', ['operator']),
      curator: await person('old-curator', ['curator']),
      roads: await person('old-roads', ['executor'], roads!.id),
    };
    const ctx = { profile: getPreset('konyshevsky-2020')!, calendar: createCalendar({ timeZone: 'Europe/Moscow' }) };
    const actor = (personId: string, roles: Role[], departmentIds: string[] = []) => ({
      personId,
      roles,
      departmentIds,
    });
    let state = initialState;
    const events: CaseEvent[] = [];
    for (const [who, command] of [
      [
        actor(ids.operator, ['operator']),
        {
          type: 'register',
          caseId: randomUUID(),
          network: 'vk',
          link: 'https://vk.com/wall-1_7',
          author: { name: 'Иван' },
          text: 'Яма',
          attachments: [],
          visibility: 'public',
        },
      ],
      [
        actor(ids.operator, ['operator']),
        { type: 'triage', topic: 'дороги', location: 'центр', category: 'ordinary', processable: true },
      ],
      [
        actor(ids.curator, ['curator']),
        { type: 'route', mode: 'single', assignments: [{ departmentId: roads!.id, executorId: ids.roads }] },
      ],
    ] as const) {
      const r = decide(state, command, who, at, ctx);
      if (!r.ok) throw new Error(r.error.message);
      for (const e of r.events) {
        state = evolve(state, e);
        events.push(e);
      }
    }
    const caseId = state.caseId!;
    await deps.db
      .insert(cases)
      .values({ id: caseId, organisationId, ...projectCase(state, ctx.profile, ctx.calendar, at) });
    // Routed before the upgrade: this 'assigned' belongs to the past.
    const appended = await deps.db
      .insert(caseEvents)
      .values(
        events.map((e, i) => ({
          caseId,
          organisationId,
          version: i + 1,
          type: e.type,
          actorId: e.by,
          occurredAt: new Date(e.at),
          payload: e,
        })),
      )
      .returning({ seq: caseEvents.seq });
    const routed = { events: appended };
    const org = {
      organisationId,
      departments: { roads: roads!.id },
      people: { curator: { id: ids.curator }, roadsExecutor: { id: ids.roads } },
    };
    const run = (id: string, who: Actor, command: unknown) =>
      executeCaseCommand(deps, { organisationId, actor: who, caseId: id, now: at, command });

    for (const statement of later.drop) await database.raw.client.exec(statement);
    await migrateDatabase(database);
    const [cursor] = await deps.db
      .select({ lastSeq: notificationCursors.lastSeq })
      .from(notificationCursors)
      .where(eq(notificationCursors.organisationId, org.organisationId));
    expect(cursor?.lastSeq).toBe(routed.events.at(-1)?.seq);

    const delivery = createDelivery({ deps, live: { notify() {} }, mail: null, sweepMs: false });
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
