// The database layer: migrations apply on both drivers, the data directory is locked and survives a restart.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { tempDirs } from '../test/temp-dirs';
import { openDatabase } from './connect';
import { DataDirLockedError, LOCK_FILE_NAME } from './data-dir-lock';
import { rowsOf } from './driver-values';
import { migrateDatabase } from './migrate';
import { organisations } from './schema';

describeEachDatabase('migrations', (getDb) => {
  it('creates the tables and applying them again is a no-op', async () => {
    const { db } = getDb();
    await migrateDatabase(getDb());
    const [org] = await db
      .insert(organisations)
      .values({ slug: 'm1', name: 'Тест', timeZone: 'Europe/Moscow', profileId: 'konyshevsky-2020' })
      .returning();
    expect(org?.calendarOverrides).toEqual({});
  });
});

describeEachDatabase('connection settings', (getDb, variant) => {
  // JIT compiled the notification outbox's statement (estimated above jit_above_cost) on every pass: ~100 ms of a
  // backend's CPU for a statement that runs in under a millisecond. PGlite has no JIT.
  it.runIf(variant === 'postgres')('compiles no statement with JIT on PostgreSQL', async () => {
    const { db } = getDb();
    const rows = rowsOf<{ jit: string }>(await db.execute(sql`select current_setting('jit') as jit`));
    expect(rows[0]?.jit).toBe('off');
  });
});

describe('data directory', () => {
  const tempDir = tempDirs('otklik-data-', { removeAfter: 'each' });

  it('refuses a second opener with a clear message while the first holds it', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const second = openDatabase({ kind: 'pglite', dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(/уже используется/);
    } finally {
      await first.close();
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = tempDir();
    // A finished child's pid is (for a moment) free: the lock it "left" is stale.
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(child.stdout);
    const { hostname } = await import('node:os');
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid, hostname: hostname(), startedAt: 'x' }));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    await database.close();
  });

  it('keeps the data after a close and reopen', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await migrateDatabase(first);
    await first.db
      .insert(organisations)
      .values({ slug: 'keep', name: 'Сохранится', timeZone: 'Europe/Moscow', profileId: 'nao-2020' });
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await migrateDatabase(second);
      const rows = await second.db.select().from(organisations).where(eq(organisations.slug, 'keep'));
      expect(rows.map((r) => r.name)).toEqual(['Сохранится']);
    } finally {
      await second.close();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('the query pool on PostgreSQL', () => {
  // OTKLIK_DB_POOL_SIZE (serve.ts): statements beyond the pool's connections are pipelined on them, none refused.
  it('opens at most the configured connections and runs every statement on them', async () => {
    const database = await openDatabase({
      kind: 'postgres',
      url: process.env.TEST_DATABASE_URL!,
      settings: { poolSize: 2 },
    });
    try {
      const pids = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const rows = rowsOf<{ pid: number; i: number }>(
            await database.db.execute(sql`select pg_backend_pid() as pid, ${i}::int as i from pg_sleep(0.05)`),
          );
          expect(rows[0]?.i).toBe(i);
          return rows[0]?.pid;
        }),
      );
      expect(new Set(pids).size).toBe(2);
    } finally {
      await database.close();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('migrations on PostgreSQL from several nodes at once', () => {
  it('lets two nodes start on an empty database together: one migrates, the other waits, both work', async () => {
    const postgres = (await import('postgres')).default;
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `otklik_race_${Date.now()}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const [a, b] = await Promise.all([1, 2].map(() => openDatabase({ kind: 'postgres', url: url.toString() })));
    try {
      await Promise.all([migrateDatabase(a!), migrateDatabase(b!)]);
      await a!.db
        .insert(organisations)
        .values({ slug: 'race', name: 'Гонка', timeZone: 'Europe/Moscow', profileId: 'nao-2020' });
      expect(await b!.db.select().from(organisations)).toHaveLength(1);
    } finally {
      await a!.close();
      await b!.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
