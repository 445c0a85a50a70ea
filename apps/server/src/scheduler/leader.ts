// Which node runs the scheduler: the one holding a PostgreSQL session advisory lock on its own connection. If that
// node dies, its session ends, the lock is released and another node's next attempt takes it. PGlite: one process,
// it simply leads.
import pg from 'pg';
import { LOCK_KEYS } from '../db/advisory-lock';
import type { Database } from '../db/connect';
import { pgClientConfig } from '../db/pg-config';

/** The leader's session lock (every advisory key is named in db/advisory-lock.ts). */
export const SCHEDULER_LOCK_KEY = LOCK_KEYS.schedulerLeader;

export interface Leadership {
  /** True while this node holds the lock (checked again on every call to `confirm`). */
  readonly isLeader: boolean;
  /** Tries to become (or stay) the leader; false when another node leads or the database is unreachable. */
  confirm(): Promise<boolean>;
  /** Why the last `confirm` could not reach the database (null: it could; another node may lead). */
  readonly lastError: string | null;
  release(): Promise<void>;
}

export function createLeadership(database: Database): Leadership {
  if (database.raw.kind === 'pglite') {
    let leading = true;
    return {
      get isLeader() {
        return leading;
      },
      confirm: async () => leading,
      lastError: null,
      release: async () => {
        leading = false;
      },
    };
  }
  const connection = database.raw.connection;
  let client: pg.Client | null = null;
  let leading = false;
  let released = false;
  let lastError: string | null = null;

  const drop = () => {
    leading = false;
    const c = client;
    client = null;
    c?.end().catch(() => {});
  };

  return {
    get isLeader() {
      return leading;
    },
    get lastError() {
      return lastError;
    },
    async confirm() {
      if (released) return false;
      try {
        if (!client) {
          // The process id in the name lets an operator (and the fail-over test) see which node leads.
          const c = new pg.Client(pgClientConfig(connection, { application_name: `otklik-scheduler:${process.pid}` }));
          // A broken connection means the lock is gone with the session: stop leading at once.
          c.on('error', drop);
          c.on('end', () => {
            if (client === c) drop();
          });
          await c.connect();
          client = c;
        }
        if (leading) {
          // Still our session? A round trip proves the connection (and so the lock) is alive.
          await client.query('select 1');
          lastError = null;
          return true;
        }
        const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
          SCHEDULER_LOCK_KEY,
        ]);
        leading = rows[0]?.ok === true;
        lastError = null;
        return leading;
      } catch (error) {
        // Not "another node leads": this node cannot reach the database for its lock (a TLS or network problem).
        lastError = error instanceof Error ? error.message : String(error);
        drop();
        return false;
      }
    },
    async release() {
      released = true;
      const c = client;
      if (c && leading) await c.query('select pg_advisory_unlock($1)', [SCHEDULER_LOCK_KEY]).catch(() => {});
      leading = false;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
