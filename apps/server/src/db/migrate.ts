// Applies the committed SQL migrations (apps/server/drizzle). On PostgreSQL an advisory lock serialises
// nodes that start at the same time, so only one runs each migration.
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './connect';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** An arbitrary constant shared by every Otklik node: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 7_345_001;

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.raw.kind === 'pglite') {
    await migratePglite(drizzlePglite({ client: database.raw.client }), config);
    return;
  }
  // The lock belongs to a session, so the whole migration runs on one dedicated connection.
  const conn = postgres(database.raw.url, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres({ client: conn }), config);
    } finally {
      await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}
