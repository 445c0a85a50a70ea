// The upgrade path: migrations apply at start, and a database migrated by a newer Otklik (a migration this code
// does not know) is refused with a message, on both drivers, before anything is written.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { rowsOf } from './driver-values';
import { DatabaseNewerThanCodeError, knownMigrations, migrateDatabase } from './migrate';

describeEachDatabase('upgrade path', (getDb, variant) => {
  it('knows every applied migration of its own journal', async () => {
    const { db } = getDb();
    await migrateDatabase(getDb());
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const applied = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0]?.n;
    expect(applied).toBe(knownMigrations().length);
  });

  it('refuses a database that has a migration newer than the code', async () => {
    const { db } = getDb();
    const last = Math.max(...knownMigrations().map((m) => m.when));
    const future = last + 86_400_000;
    await db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-otklik', ${future})`,
    );
    try {
      const error = await migrateDatabase(getDb()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseNewerThanCodeError);
      expect((error as Error).message).toContain('более новой версией Otklik');
      expect((error as Error).message).toContain(new Date(future).toISOString());
    } finally {
      await db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'from-a-newer-otklik'`);
    }
    // Back to a known state: migrating is a no-op again.
    await migrateDatabase(getDb());
  });

  it('stores a case state with lz4 where the server has it, and pglz where it has not (the embedded database)', async () => {
    const { db } = getDb();
    const [row] = rowsOf<{ compression: string; lz4: boolean }>(
      await db.execute(
        sql`select (select attcompression::text from pg_attribute where attrelid = 'cases'::regclass and attname = 'state') as compression,
                   (select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression') as lz4`,
      ),
    );
    // 'l': lz4; '': the server's default_toast_compression (pglz). Debian's PostgreSQL has lz4, PGlite has not.
    if (variant === 'postgres') expect(row?.lz4).toBe(true);
    expect(row?.compression).toBe(row?.lz4 ? 'l' : '');
  });
});
