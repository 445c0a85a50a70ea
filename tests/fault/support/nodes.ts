// Helpers of the fault tests: a database of the test's own PostgreSQL server, HTTP probes that never hang, and the
// realtime harness's node processes (tests/realtime/support).
import { type AppRouter, TRPCClientError } from '@otklik/server/client';
import { afterAll, beforeAll } from 'vitest';
import { type Database, openDatabase } from '../../../apps/server/src/db/connect';
import { type PgServer, startPgServer } from './pg-server';

/** Runs `fn` with a connection of its own to `url` (the server's driver), closed afterwards. */
export async function withSql<T>(
  url: string,
  fn: (sql: Extract<Database['raw'], { kind: 'postgres' }>['client']) => Promise<T>,
) {
  const database = await openDatabase({ kind: 'postgres', url, settings: { poolSize: 1 } });
  try {
    if (database.raw.kind !== 'postgres') throw new Error('PostgreSQL expected');
    return await fn(database.raw.client);
  } finally {
    await database.close();
  }
}

export async function createDatabase(pg: PgServer, name: string): Promise<string> {
  await withSql(pg.url(), (sql) => sql.unsafe(`create database ${name}`));
  return pg.url(name);
}

/** The file's own PostgreSQL server with one database `name` for its nodes. Call it first inside the `describe`: the
 *  server starts before the file's own `beforeAll` and is destroyed after its own `afterAll` (after-hooks run as a
 *  stack), so nodes stop before their database goes. */
export function usePgDatabase(
  name: string,
  options: Parameters<typeof startPgServer>[0] = {},
): { readonly server: PgServer; readonly url: string } {
  let server: PgServer | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    server = await startPgServer(options);
    url = await createDatabase(server, name);
  });
  afterAll(() => server?.destroy());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`usePgDatabase(${name}): used before its beforeAll ran`);
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get url() {
      return ready(url);
    },
  };
}

/** A GET that gives up after `ms` (a hang is a result too: 'timeout'). */
export async function probe(url: string, ms = 15_000): Promise<{ status: number; body: unknown } | 'timeout'> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(ms) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, body };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return 'timeout';
    throw error;
  }
}

export type Attempt<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string };

/** A call of the typed client that reports its outcome instead of throwing: the result, or the refusal's HTTP
 *  status, code and message (from TRPCClientError); 'timeout' when it did not end within `ms` (a hang is a result). */
export async function attempt<T>(
  call: (options: { signal: AbortSignal }) => Promise<T>,
  ms = 30_000,
): Promise<Attempt<T> | 'timeout'> {
  const signal = AbortSignal.timeout(ms);
  try {
    return { ok: true, data: await call({ signal }) };
  } catch (error) {
    if (signal.aborted) return 'timeout';
    if (!(error instanceof TRPCClientError)) throw error;
    const refused: TRPCClientError<AppRouter> = error;
    return {
      ok: false,
      status: refused.data?.httpStatus ?? 0,
      code: refused.data?.code ?? '',
      message: refused.message,
    };
  }
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
