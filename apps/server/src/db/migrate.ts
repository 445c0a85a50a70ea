// Applies the committed SQL migrations (apps/server/drizzle). On PostgreSQL an advisory lock serialises
// nodes that start at the same time, so only one runs each migration.
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { LOCK_KEYS } from './advisory-lock';
import type { Database } from './connect';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.raw.kind === 'pglite') {
    await migratePglite(drizzlePglite({ client: database.raw.client }), config);
    return;
  }
  // The migration runs on the very connection that holds the lock (a session lock protects its own session).
  const conn = postgres(database.raw.connection.url, { ...database.raw.options, max: 1 });
  try {
    await conn`select pg_advisory_lock(${LOCK_KEYS.migrations})`;
    try {
      await migratePostgres(drizzlePostgres({ client: conn }), config);
    } finally {
      await conn`select pg_advisory_unlock(${LOCK_KEYS.migrations})`;
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}
