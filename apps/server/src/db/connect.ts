// Opens the database: embedded PGlite (in a locked data directory, or in memory for tests) or a PostgreSQL
// server through the `postgres` driver. Both give the same drizzle API, typed as `Db`.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { withoutUrlPassword } from '../env';
import { acquireDataDirLock } from './data-dir-lock';
import { type PostgresConnection, type PostgresSettings, postgresConnection, postgresJsOptions } from './pg-config';
import { pgliteWithStatements } from './pglite-statements';
import { postgresWithStatements } from './postgres-statements';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: services accept both. */
export type DbOrTx = Db | Tx;

export type DatabaseTarget =
  | {
      kind: 'pglite';
      dataDir: string;
      /** Folder of the database inside dataDir (default 'pglite'); restore loads a backup beside the live one. */
      directory?: string;
      /** Start a new data directory from a dump (`otklik restore`). */
      loadDataDir?: Blob;
      /** false: the caller already holds the data-directory lock (restore swaps folders under it). */
      lock?: boolean;
    }
  /** `loadDataDir`: start from a dump (tests start from an already migrated one in milliseconds). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; settings?: Partial<PostgresSettings> };

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Human-readable place, without passwords: shown by `serve` and /healthz. */
  readonly description: string;
  /** The raw client, used by migrations (the two drivers need their own migrator). */
  readonly raw:
    | { kind: 'pglite'; client: PGlite }
    | {
        kind: 'postgres';
        client: postgres.Sql;
        /** The URL as configured (ssl parameters included). */
        url: string;
        /** TLS and timeouts decided once: every other connection (locks, scheduler, adapter) is opened with it. */
        connection: PostgresConnection;
        /** Options of the `postgres` driver for a dedicated connection (advisory locks, migrations). */
        options: ReturnType<typeof postgresJsOptions>;
      };
  close(): Promise<void>;
}

/** Whether this process is the only node: the embedded database lives in it, so no other node commits, leads the
 *  scheduler or broadcasts, and every commit passes through this process's events bus in commit order. */
export const isSingleNode = (database: Pick<Database, 'kind'>): boolean => database.kind === 'pglite';

export function redactUrl(url: string): string {
  return withoutUrlPassword(url) ?? 'postgres';
}

/** Where the embedded database of a data directory lives. */
export const pgliteDirectory = (dataDir: string, directory = 'pglite') => join(resolve(dataDir), directory);

/** An embedded database has been created there (initdb wrote PG_VERSION). */
export const hasPgliteDatabase = (dataDir: string, directory?: string) =>
  existsSync(join(pgliteDirectory(dataDir, directory), 'PG_VERSION'));

/** drizzle over PGlite, with the statements it repeats kept prepared (pglite-statements.ts). */
function pgliteDb(client: PGlite): Db {
  // Casts: drizzle's PGlite driver calls only `query` and `transaction` on its client, which the wrapper provides;
  // and as for postgres below, each driver's database class differs in its result type only.
  const statements = pgliteWithStatements(client) as unknown as PGlite;
  return drizzlePglite({ client: statements, schema, casing: 'snake_case' }) as unknown as Db;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const connection = postgresConnection(target.url, target.settings);
    const options = postgresJsOptions(connection);
    const client = postgres(connection.url, { ...options, max: connection.settings.poolSize });
    // Cast: each driver's database class differs in its result type only; services use the common PgDatabase.
    const db = drizzlePostgres({
      client: postgresWithStatements(client),
      schema,
      casing: 'snake_case',
    }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      description: redactUrl(target.url),
      raw: { kind: 'postgres', client, url: target.url, connection, options },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (target.kind === 'pglite-memory') {
    const client = new PGlite(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
    await client.waitReady;
    const db = pgliteDb(client);
    return {
      db,
      kind: 'pglite',
      description: 'PGlite (in memory)',
      raw: { kind: 'pglite', client },
      close: () => client.close(),
    };
  }
  const dataDir = resolve(target.dataDir);
  const lock = target.lock === false ? { release() {} } : acquireDataDirLock(dataDir);
  try {
    const pgDir = pgliteDirectory(dataDir, target.directory);
    mkdirSync(pgDir, { recursive: true });
    const client = new PGlite(pgDir, target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
    await client.waitReady;
    const db = pgliteDb(client);
    let closed = false;
    return {
      db,
      kind: 'pglite',
      description: `PGlite (${pgDir})`,
      raw: { kind: 'pglite', client },
      async close() {
        if (closed) return;
        closed = true;
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
