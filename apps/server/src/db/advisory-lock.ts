// Runs a function while holding a PostgreSQL session advisory lock, so that several nodes starting at once do a
// one-time job (migrations, the first demo seed) one after another. PGlite needs none: its data directory is
// already locked to one process.
import postgres from 'postgres';
import type { Database } from './connect';

/** Arbitrary constants shared by every Otklik node; 7_345_002 is the scheduler's leader lock (scheduler/leader.ts). */
export const LOCK_KEYS = { migrations: 7_345_001, demoSeed: 7_345_003, firstRun: 7_345_004 } as const;

export async function withAdvisoryLock<T>(database: Database, key: number, fn: () => Promise<T>): Promise<T> {
  if (database.raw.kind !== 'postgres') return fn();
  // The lock belongs to a session: one dedicated connection holds it while `fn` uses the pool.
  const conn = postgres(database.raw.url, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${key})`;
    try {
      return await fn();
    } finally {
      await conn`select pg_advisory_unlock(${key})`;
    }
  } finally {
    await conn.end({ timeout: 5 });
  }
}
