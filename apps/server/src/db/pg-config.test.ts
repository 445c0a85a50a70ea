// A connection URL's libpq parameters as each driver needs them: `?host=/dir` is the server's Unix socket (a server on
// this machine), and connections through it work with both drivers (postgres.js for the pool, pg for the adapter).

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { rowsOf } from './driver-values';
import { pgClientConfig, postgresConnection, postgresJsOptions } from './pg-config';

describe('libpq host parameter', () => {
  it('a directory is the Unix socket: postgres.js gets it as its host, pg in its connection string', () => {
    const conn = postgresConnection('postgres://otklik@localhost:5433/otklik?host=/var/run/postgresql');
    expect(conn.socketDir).toBe('/var/run/postgresql');
    expect(new URL(conn.url).searchParams.has('host')).toBe(false);
    expect(postgresJsOptions(conn).host).toBe('/var/run/postgresql');
    expect(new URL(pgClientConfig(conn).connectionString as string).searchParams.get('host')).toBe(
      '/var/run/postgresql',
    );
  });

  it('a name is the host; without the parameter nothing changes', () => {
    const named = postgresConnection('postgres://otklik@localhost:5433/otklik?host=db.internal');
    expect(named.socketDir).toBeNull();
    expect(new URL(named.url).hostname).toBe('db.internal');
    expect(new URL(named.url).searchParams.has('host')).toBe(false);
    const plain = postgresConnection('postgres://otklik@127.0.0.1:5433/otklik');
    expect(plain.socketDir).toBeNull();
    expect(plain.url).toBe('postgres://otklik@127.0.0.1:5433/otklik');
    expect('host' in postgresJsOptions(plain)).toBe(false);
  });
});

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!TEST_DATABASE_URL)('through the Unix socket on PostgreSQL', () => {
  it('the pool and a pg client connect through the socket directory the server reports', async () => {
    const tcp = await openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL as string, settings: { poolSize: 1 } });
    let socketDir: string;
    try {
      const rows = rowsOf<{ dirs: string }>(
        await tcp.db.execute(sql`select current_setting('unix_socket_directories') as dirs`),
      );
      socketDir = String(rows[0]?.dirs).split(',')[0]!.trim();
    } finally {
      await tcp.close();
    }
    expect(socketDir.startsWith('/')).toBe(true);
    const url = new URL(TEST_DATABASE_URL as string);
    url.searchParams.set('host', socketDir);
    // A Unix socket connection has no server address.
    const viaSocket = await openDatabase({ kind: 'postgres', url: url.toString(), settings: { poolSize: 1 } });
    try {
      const rows = rowsOf<{ addr: string | null }>(
        await viaSocket.db.execute(sql`select inet_server_addr()::text as addr`),
      );
      expect(rows[0]?.addr).toBeNull();
    } finally {
      await viaSocket.close();
    }
    const client = new pg.Client(pgClientConfig(postgresConnection(url.toString())));
    await client.connect();
    try {
      const result = await client.query<{ addr: string | null }>('select inet_server_addr()::text as addr');
      expect(result.rows[0]?.addr).toBeNull();
    } finally {
      await client.end();
    }
  });
});
