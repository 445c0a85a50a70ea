// The PostgreSQL server's client for drizzle: drizzle sends every query through postgres.js's `unsafe` unprepared,
// and postgres.js then describes each statement that has parameters before running it (it needs their types to send
// them): two round trips, and a parse and a plan on the backend, for every statement. Here a statement sent a second
// time is prepared under a name on its connection, as the embedded database's client does (pglite-statements.ts):
// later runs are one round trip (bind, execute) and PostgreSQL plans them once it finds a generic plan as good as the
// custom ones. Measured in BENCHMARKS.md note 30.
import type postgres from 'postgres';

/** Distinct texts prepared at most: postgres.js keeps each connection's prepared statements until the connection
 *  ends (it recycles connections after 30-60 minutes), each one a plan in a backend's memory; texts past the limit
 *  run unprepared, as before. */
export const POSTGRES_PREPARED_LIMIT = 500;
/** Texts remembered as seen once (a set, emptied when full): one-off texts (a list of n values) are never prepared. */
const SEEN_LIMIT = 5000;

/** Whether a text is prepared: on its second sight, while fewer than the limit are. Shared by a client's
 *  transactions, whose connections are the pool's. */
export function preparedTexts(limit = POSTGRES_PREPARED_LIMIT) {
  const seen = new Set<string>();
  const prepared = new Set<string>();
  return (text: string): boolean => {
    if (prepared.has(text)) return true;
    if (!seen.has(text)) {
      if (seen.size >= SEEN_LIMIT) seen.clear();
      seen.add(text);
      return false;
    }
    if (prepared.size >= limit) return false;
    prepared.add(text);
    return true;
  };
}

type UnsafeOptions = Parameters<postgres.Sql['unsafe']>[2];

/**
 * `sql` as drizzle sees it: its `unsafe` prepares the texts `prepare` chooses, and so do the clients its `begin`
 * and `savepoint` hand to their callbacks. Every other member is the client's own.
 */
export function postgresWithStatements<T extends postgres.Sql>(sql: T, prepare = preparedTexts()): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (text: string, params?: unknown[], options?: UnsafeOptions) =>
          target.unsafe(text, params as never, {
            ...options,
            // drizzle asks for `prepare: true` only for a query it named. A statement without parameters is sent
            // as a simple query (one round trip already).
            prepare: options?.prepare === true || (params !== undefined && params.length > 0 && prepare(text)),
          });
      }
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const callback = args[last] as (tx: postgres.Sql) => unknown;
          const wrapped = [...args.slice(0, last), (tx: postgres.Sql) => callback(postgresWithStatements(tx, prepare))];
          return open.apply(target, wrapped);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
