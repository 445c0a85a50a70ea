// PostgreSQL advisory locks of Otklik, every key named here once: a session lock held by one node for a one-time job
// (migrations, the first demo seed) or for as long as it leads (the scheduler), and the per-organisation transaction
// lock of the event log. Two purposes sharing a key made a second node wait for ever behind the scheduler's lock.
import postgres from 'postgres';
import type { Database } from './connect';

/** Single 64-bit keys of session locks, one per purpose (tests assert they are distinct). */
export const LOCK_KEYS = {
  migrations: 7_345_001,
  /** Held by the leading node for as long as it leads. */
  schedulerLeader: 7_345_002,
  demoSeed: 7_345_003,
  /** The first-run setup of a new installation (day-zero: `otklik init` and the first-run page). */
  firstRun: 7_345_004,
} as const;

/** The class (first int4) of the two-key transaction locks that serialise appends to one organisation's event log;
 *  the second key is hashtext(organisation id). Two-key locks never collide with the single keys above. */
export const ORGANISATION_EVENTS_LOCK_CLASS = 7_345_010;

/** How long a node waits for another node's one-time job (a demo seed, a first-run setup) before giving up. The job
 *  is many statements, each under the statement timeout, so the wait for its lock gets a budget of its own. */
export const ONE_TIME_JOB_WAIT_MS = 10 * 60_000;

export async function withAdvisoryLock<T>(database: Database, key: number, fn: () => Promise<T>): Promise<T> {
  if (database.raw.kind !== 'postgres') return fn();
  // The lock belongs to a session: one dedicated connection holds it while `fn` uses the pool. Its only statements
  // are the lock and the unlock, so its statement timeout is the wait's budget (the pool's stays short).
  const options = database.raw.options;
  const conn = postgres(database.raw.connection.url, {
    ...options,
    max: 1,
    connection: { ...options.connection, statement_timeout: ONE_TIME_JOB_WAIT_MS },
  });
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
