// Applies the committed SQL migrations (apps/server/drizzle). On PostgreSQL an advisory lock serialises
// nodes that start at the same time, so only one runs each migration. Before migrating, a database that a
// newer Otklik has migrated (a migration this code does not know) is refused: running old code on a newer
// schema would write rows the newer code does not expect, and a downgrade has no migration to undo it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { refoldStaleCases } from '../cases/refold';
import { say } from '../cli/messages';
import { MIGRATIONS_FOLDER } from '../runtime-paths';
import { LOCK_KEYS } from './advisory-lock';
import type { Database } from './connect';

export { MIGRATIONS_FOLDER };

export interface KnownMigration {
  readonly tag: string;
  /** drizzle-kit's `when`: what the migrator stores as `created_at` once the migration is applied. */
  readonly when: number;
}

/** The migrations this code ships, from drizzle-kit's journal. */
export function knownMigrations(folder = MIGRATIONS_FOLDER): KnownMigration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

export class DatabaseNewerThanCodeError extends Error {
  constructor(readonly unknown: readonly number[]) {
    // In the operator's language (OTKLIK_LANG): the node's log and the command line say it the same way.
    super(say('database.newer', { when: unknown.map((ms) => new Date(ms).toISOString()).join(', ') }));
    this.name = 'DatabaseNewerThanCodeError';
  }
}

/** `created_at` of every applied migration, or [] before the first migration (no drizzle schema yet). */
type AppliedQuery = () => Promise<number[]>;

async function refuseNewerDatabase(applied: AppliedQuery): Promise<void> {
  const known = new Set(knownMigrations().map((m) => m.when));
  const unknown = (await applied()).filter((when) => !known.has(when));
  if (unknown.length > 0) throw new DatabaseNewerThanCodeError(unknown);
}

const APPLIED_SQL = 'select created_at from drizzle.__drizzle_migrations order by created_at';
const EXISTS_SQL = `select to_regclass('drizzle.__drizzle_migrations') is not null as present`;

export async function migrateDatabase(database: Database): Promise<void> {
  await migrateSchema(database);
  // Data: projections folded by an older state model are folded again from the event log (issue 10's clock model).
  await refoldStaleCases(database.db, Date.now());
}

async function migrateSchema(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.raw.kind === 'pglite') {
    const client = database.raw.client;
    await refuseNewerDatabase(async () => {
      const { rows } = await client.query<{ present: boolean }>(EXISTS_SQL);
      if (!rows[0]?.present) return [];
      const applied = await client.query<{ created_at: string | number }>(APPLIED_SQL);
      return applied.rows.map((r) => Number(r.created_at));
    });
    await migratePglite(drizzlePglite({ client }), config);
    return;
  }
  // The migration runs on the very connection that holds the lock (a session lock protects its own session).
  const conn = postgres(database.raw.connection.url, { ...database.raw.options, max: 1 });
  try {
    await conn`select pg_advisory_lock(${LOCK_KEYS.migrations})`;
    try {
      await refuseNewerDatabase(async () => {
        const [row] = await conn.unsafe<{ present: boolean }[]>(EXISTS_SQL);
        if (!row?.present) return [];
        const applied = await conn.unsafe<{ created_at: string | number }[]>(APPLIED_SQL);
        return applied.map((r) => Number(r.created_at));
      });
      await migratePostgres(drizzlePostgres({ client: conn }), config);
    } finally {
      await conn`select pg_advisory_unlock(${LOCK_KEYS.migrations})`;
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}
