// Latency of every database query, both drivers: drizzle has no hook for it, so the one method each driver's query
// passes through (PgPreparedQuery#queryWithCache, internal but shared by postgres-js and PGlite) is wrapped once per
// process. The histogram and gauge are registered into each server's metrics registry (metrics.ts).
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import { Gauge, Histogram } from 'prom-client';

export const dbQueryDuration = new Histogram({
  name: 'otklik_db_query_duration_seconds',
  help: 'Database query latency (from the driver call to its result, including the wait for a pooled connection)',
  labelNames: ['outcome'],
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [],
});

export const dbQueriesInFlight = new Gauge({
  name: 'otklik_db_queries_in_flight',
  help: 'Database queries sent and not yet answered (how busy the connection pool is)',
  registers: [],
});

type QueryWithCache = (
  this: unknown,
  queryString: string,
  params: unknown[],
  query: () => Promise<unknown>,
) => Promise<unknown>;

let installed = false;

export function installDbTiming(): void {
  if (installed) return;
  installed = true;
  // Cast: queryWithCache is internal to drizzle (not in its public types), and it is the method we wrap.
  const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache?: QueryWithCache };
  const original = prototype.queryWithCache;
  // A drizzle upgrade that renames the method leaves queries untimed rather than broken.
  if (typeof original !== 'function') return;
  prototype.queryWithCache = async function timed(queryString, params, query) {
    const stop = dbQueryDuration.startTimer();
    dbQueriesInFlight.inc();
    let outcome = 'error';
    try {
      const result = await original.call(this, queryString, params, query);
      outcome = 'ok';
      return result;
    } finally {
      dbQueriesInFlight.dec();
      stop({ outcome });
    }
  };
}
