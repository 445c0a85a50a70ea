// Helpers of the fault tests: a database of the test's own PostgreSQL server, HTTP probes that never hang, and the
// realtime harness's node processes (tests/realtime/support).
import { type Database, openDatabase } from '../../../apps/server/src/db/connect';
import type { PgServer } from './pg-server';

/** Runs `fn` with a connection of its own to `url` (the server's driver), closed afterwards. */
export async function withSql<T>(
  url: string,
  fn: (sql: Extract<Database['raw'], { kind: 'postgres' }>['client']) => Promise<T>,
) {
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
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

/** A tRPC mutation over HTTP that reports the outcome instead of throwing (status, code, message). */
export async function mutation(
  url: string,
  path: string,
  input: unknown,
  cookie: string,
  ms = 30_000,
): Promise<{ status: number; code: string | null; message: string; data: unknown } | 'timeout'> {
  try {
    const res = await fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: new URL(url).origin },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(ms),
    });
    const body = (await res.json()) as {
      result?: { data: unknown };
      error?: { message: string; data?: { code?: string } };
    };
    return {
      status: res.status,
      code: body.error?.data?.code ?? null,
      message: body.error?.message ?? '',
      data: body.result?.data ?? null,
    };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return 'timeout';
    throw error;
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
