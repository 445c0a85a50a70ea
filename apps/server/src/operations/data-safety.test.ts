// Data safety: backup → restore round-trips with equal row counts on the embedded database and on PostgreSQL,
// restore refuses a database with data unless forced, and move-to-postgres copies the embedded database into an
// empty server with equal counts and every case's projection equal to the fold of its events (or rolls back).
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect';
import { migrateDatabase } from '../db/migrate';
import { rawQuery, tableCounts } from '../db/raw-query';
import { cases } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { createDeps } from '../deps';
import { tempDirs } from '../test/temp-dirs';
import { backupDatabase } from './backup';
import { copyOrder, moveToPostgres } from './move-to-postgres';
import { NotEmptyError, restoreDatabase } from './restore';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
const tempDir = tempDirs('otklik-');

/** A data directory with the demo organisations, cases and events: real rows in every table that matters. */
async function seededDataDir(): Promise<{ dir: string; counts: Map<string, number> }> {
  const dir = tempDir('source');
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    await migrateDatabase(database);
    await seedDemo(createDeps({ database }));
    return { dir, counts: await tableCounts(database) };
  } finally {
    await database.close();
  }
}

/** A new, empty PostgreSQL database on the test server; dropped after the file. */
const created: string[] = [];
async function newPostgresDatabase(): Promise<string> {
  const name = `otklik_ops_${randomBytes(5).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  created.push(name);
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

let source: { dir: string; counts: Map<string, number> };
beforeAll(async () => {
  source = await seededDataDir();
}, 180_000);

afterAll(async () => {
  if (TEST_DATABASE_URL && created.length > 0) {
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }
});

const withData = (counts: Map<string, number>) => [...counts.values()].some((n) => n > 0);

describe('backup and restore of the embedded database', () => {
  it('round-trips with equal row counts, refuses a database with data unless forced', async () => {
    expect(source.counts.get('cases')).toBeGreaterThan(10);
    expect(source.counts.get('case_events')).toBeGreaterThan(source.counts.get('cases')!);
    const file = join(tempDir('backup'), 'otklik.tar.gz');
    const backup = await backupDatabase({ target: { kind: 'pglite', dataDir: source.dir }, file });
    expect(backup.kind).toBe('pglite');
    expect(backup.counts).toEqual(source.counts);

    const fresh = tempDir('restored');
    const restored = await restoreDatabase({ target: { kind: 'pglite', dataDir: fresh }, file });
    expect(restored.counts).toEqual(source.counts);
    expect(restored.keptPrevious).toBeNull();
    // What a server would open afterwards: the same rows.
    const reopened = await openDatabase({ kind: 'pglite', dataDir: fresh });
    expect(await tableCounts(reopened)).toEqual(source.counts);
    // Something changes after the backup; restoring over it needs --force and keeps the replaced database.
    await reopened.db.delete(cases).where(sql`true`);
    await reopened.close();

    await expect(restoreDatabase({ target: { kind: 'pglite', dataDir: fresh }, file })).rejects.toBeInstanceOf(
      NotEmptyError,
    );
    const forced = await restoreDatabase({ target: { kind: 'pglite', dataDir: fresh }, file, force: true });
    expect(forced.counts).toEqual(source.counts);
    expect(forced.keptPrevious && existsSync(forced.keptPrevious)).toBe(true);
  });

  it('says what is wrong with a file that is not a backup, and with an empty data directory', async () => {
    const junk = join(tempDir('junk'), 'notes.txt');
    writeFileSync(junk, 'not a backup');
    await expect(
      restoreDatabase({ target: { kind: 'pglite', dataDir: tempDir('x') }, file: junk, lang: 'en' }),
    ).rejects.toThrow(/not an Otklik backup/);
    await expect(
      backupDatabase({
        target: { kind: 'pglite', dataDir: tempDir('empty') },
        file: join(tempDir('y'), 'b'),
        lang: 'en',
      }),
    ).rejects.toThrow(/nothing to back up/);
    // In Russian (the default language of the CLI) the same, in one language only.
    await expect(
      backupDatabase({ target: { kind: 'pglite', dataDir: tempDir('empty') }, file: join(tempDir('y'), 'b') }),
    ).rejects.toThrow(/^В каталоге .* нет встроенной базы: нечего сохранять \(проверьте OTKLIK_DATA_DIR\)$/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('with PostgreSQL (TEST_DATABASE_URL)', () => {
  it('move-to-postgres copies every row, verified, and the moved database keeps numbering', async () => {
    const url = await newPostgresDatabase();
    const lines: string[] = [];
    const result = await moveToPostgres({ dataDir: source.dir, targetUrl: url, log: (l) => lines.push(l) });
    expect(result.counts).toEqual(source.counts);
    expect(result.casesChecked).toBe(source.counts.get('cases'));
    expect(lines.some((l) => /case_events: \d+ \/ \d+/.test(l))).toBe(true);
    const target = await openDatabase({ kind: 'postgres', url });
    try {
      expect(await tableCounts(target)).toEqual(source.counts);
      // The serial columns continue after the copied rows: a new case gets the next number.
      const [max] = await rawQuery<{ n: number }>(target, 'select max(number)::int as n from cases');
      const [next] = await rawQuery<{ n: number }>(target, "select nextval('cases_number_seq')::int as n");
      expect(next!.n).toBe(max!.n + 1);
    } finally {
      await target.close();
    }
    // Into a database that now holds data: refused, nothing changed.
    await expect(moveToPostgres({ dataDir: source.dir, targetUrl: url, lang: 'en' })).rejects.toThrow(/not empty/);
  });

  it('move-to-postgres rolls back when a projection differs from its events', async () => {
    const dir = tempDir('tampered');
    const file = join(tempDir('b'), 'src.tar.gz');
    await backupDatabase({ target: { kind: 'pglite', dataDir: source.dir }, file });
    await restoreDatabase({ target: { kind: 'pglite', dataDir: dir }, file });
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    await db.db.execute(
      sql`update cases set state = jsonb_set(state, '{topic}', '"подменено"') where number = (select min(number) from cases)`,
    );
    await db.close();
    const url = await newPostgresDatabase();
    await expect(moveToPostgres({ dataDir: dir, targetUrl: url, lang: 'en' })).rejects.toThrow(/differs from the fold/);
    const target = await openDatabase({ kind: 'postgres', url });
    try {
      expect(withData(await tableCounts(target))).toBe(false);
    } finally {
      await target.close();
    }
  });

  it('pg_dump backup → pg_restore round-trips with equal counts; a database with data needs --force', async () => {
    const from = await newPostgresDatabase();
    await moveToPostgres({ dataDir: source.dir, targetUrl: from });
    const file = join(tempDir('pgbackup'), 'otklik.pgdump');
    const backup = await backupDatabase({ target: { kind: 'postgres', url: from }, file });
    expect(backup.kind).toBe('postgres');
    expect(backup.counts).toEqual(source.counts);

    // Into a migrated, empty database (as a fresh server leaves it).
    const to = await newPostgresDatabase();
    const empty = await openDatabase({ kind: 'postgres', url: to });
    await migrateDatabase(empty);
    await empty.close();
    const restored = await restoreDatabase({ target: { kind: 'postgres', url: to }, file });
    expect(restored.counts).toEqual(source.counts);

    await expect(restoreDatabase({ target: { kind: 'postgres', url: to }, file })).rejects.toBeInstanceOf(
      NotEmptyError,
    );
    const forced = await restoreDatabase({ target: { kind: 'postgres', url: to }, file, force: true });
    expect(forced.counts).toEqual(source.counts);
    // A PostgreSQL backup is not loaded into the embedded database (and the message says where it goes).
    await expect(
      restoreDatabase({ target: { kind: 'pglite', dataDir: tempDir('z') }, file, lang: 'en' }),
    ).rejects.toThrow(/PostgreSQL backup/);
  });
});

describe('copy order', () => {
  it('puts referenced tables first and breaks a cycle through a nullable column', () => {
    const { order, deferred } = copyOrder(
      ['people', 'departments', 'organisations', 'cases'],
      [
        { table: 'people', references: 'organisations', columns: ['organisation_id'], nullable: false },
        { table: 'people', references: 'departments', columns: ['department_id'], nullable: true },
        { table: 'departments', references: 'organisations', columns: ['organisation_id'], nullable: false },
        { table: 'departments', references: 'people', columns: ['supervising_deputy_id'], nullable: true },
        { table: 'cases', references: 'people', columns: ['responsible_person_id'], nullable: true },
      ],
    );
    expect(order[0]).toBe('organisations');
    expect(order.indexOf('cases')).toBe(3);
    expect([...deferred.values()].flatMap((s) => [...s])).toHaveLength(1);
    expect(() =>
      copyOrder(
        ['a', 'b'],
        [
          { table: 'a', references: 'b', columns: ['b_id'], nullable: false },
          { table: 'b', references: 'a', columns: ['a_id'], nullable: false },
        ],
      ),
    ).toThrow(/cycle/);
  });
});
