// A statement built and prepared once per database handle, not on every call: drizzle's query building was a
// noticeable part of a command's and an intake message's CPU (BENCHMARKS.md notes 16 and 19). Per handle, because a
// process may hold several (nodes in one test, test databases).
import type { DbOrTx } from './connect';

/** `prepare(db)` the first time a handle asks, the same prepared statement(s) after. */
export function preparedPerDatabase<P>(prepare: (db: DbOrTx) => P): (db: DbOrTx) => P {
  const byDatabase = new WeakMap<DbOrTx, P>();
  return (db) => {
    let prepared = byDatabase.get(db);
    if (!prepared) {
      prepared = prepare(db);
      byDatabase.set(db, prepared);
    }
    return prepared;
  };
}
