// Test helper: a fresh, migrated database per test file. PGlite in memory always; PostgreSQL too when
// TEST_DATABASE_URL points at a server (each file gets its own temporary database, dropped afterwards).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Database, openDatabase } from '../db/connect';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../db/migrate';

export type DatabaseVariant = 'pglite' | 'postgres';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
const PGLITE_VERSION: string = JSON.parse(
  readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
).version;
let noticeShown = false;

/** Names what a migrated, empty embedded database depends on: the PGlite version, every migration and the journal. */
export function migratedPgliteKey(): string {
  const hash = createHash('sha256').update(PGLITE_VERSION);
  for (const name of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  }
  // The journal too: a migration's time alone changing leaves the dump's applied times behind (the migrator then
  // applies it again).
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated, empty PGlite data directory as a tarball in the temp directory, keyed by the migrations and the
 * PGlite version: starting PGlite from it takes a fraction of a second instead of several (initdb + migrations).
 */
async function migratedDump(): Promise<Blob> {
  const file = join(tmpdir(), `otklik-test-pglite-${migratedPgliteKey()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    await migrateDatabase(database);
    const dump = await (database.raw as { client: PGlite }).client.dumpDataDir('none');
    // Write then rename: workers building it at the same time never read half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await database.close();
  }
}

export async function createTestDatabase(variant: DatabaseVariant): Promise<Database> {
  if (variant === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory', loadDataDir: await migratedDump() });
    // A no-op on the migrated dump; it still proves the journal matches.
    await migrateDatabase(database);
    return database;
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `otklik_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), settings: { poolSize: 5 } });
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * Runs the same suite on each database: `fn` receives a getter for the file's shared database.
 * Without TEST_DATABASE_URL the PostgreSQL variant is skipped, and says so.
 */
export function describeEachDatabase(name: string, fn: (getDb: () => Database, variant: DatabaseVariant) => void) {
  for (const variant of ['pglite', 'postgres'] as const) {
    const skip = variant === 'postgres' && !TEST_DATABASE_URL;
    if (skip && !noticeShown) {
      noticeShown = true;
      process.stderr.write(
        'NOTICE: TEST_DATABASE_URL is not set: the PostgreSQL variant of the server tests is skipped.\n',
      );
    }
    const title = skip ? `${name} [postgres: skipped, set TEST_DATABASE_URL]` : `${name} [${variant}]`;
    describe.skipIf(skip)(title, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(variant);
      });
      afterAll(async () => {
        await database?.close();
      });
      fn(() => {
        if (!database) throw new Error('test database not ready');
        return database;
      }, variant);
    });
  }
}
