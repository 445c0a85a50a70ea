// The PostgreSQL pool behind @socket.io/postgres-adapter (broadcasts between nodes through LISTEN/NOTIFY), made to
// survive a database restart: every client of the pool gets an error handler (the adapter's listening client had
// none, so a dropped connection was an unhandled 'error' that killed the node), and the health of the broadcast
// channel (is the listening client connected?) is reported, so /readyz says when broadcasts are down. The adapter
// itself reconnects its listening client when it ends; the ended one is released here so the pool does not leak it.
import pg from 'pg';
import type { Database } from '../db/connect';
import { pgClientConfig } from '../db/pg-config';
import type { Health } from '../health/registry';

export function createAdapterPool(database: Database & { raw: { kind: 'postgres' } }, health: Health): pg.Pool {
  const pool = new pg.Pool({
    ...pgClientConfig(database.raw.connection, { application_name: `otklik-broadcast:${process.pid}` }),
    max: 4,
  });
  // An idle client that fails: the pool drops it; the next query opens another.
  pool.on('error', (error) => health.report('broadcast', false, `pool: ${error.message}`));
  pool.on('connect', (client) => {
    // A checked-out client (the adapter's LISTEN connection) that fails emits 'error' on itself: handled here, the
    // connection then ends and the adapter schedules its reconnection.
    client.on('error', (error) => health.report('broadcast', false, `listening connection lost: ${error.message}`));
  });
  // The adapter takes its listening client with `pool.connect()` (no callback) and keeps it; queries use callbacks.
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  // Cast: pg's overloaded `connect` cannot be reassigned under its own type; the wrapper forwards every form.
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then(
      (client) => {
        health.report('broadcast', true, 'listening');
        client.once('end', () => {
          health.report('broadcast', false, 'listening connection closed, reconnecting');
          // The adapter forgets an ended client without releasing it: the pool would count it for ever (a slot lost
          // per restart, and pool.end() waiting for it at shutdown). Released with an error, it is removed.
          try {
            client.release(new Error('listening connection ended'));
          } catch {}
        });
        return client;
      },
      (error: Error) => {
        health.report('broadcast', false, `cannot connect: ${error.message}`);
        throw error;
      },
    );
  };
  return pool;
}
