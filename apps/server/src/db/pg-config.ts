// How Otklik connects to a PostgreSQL server, decided once for both drivers: the `postgres` driver (queries) and
// `pg` (the scheduler's leader lock, the socket.io adapter). sslmode follows libpq's meaning for both, so
// `sslmode=require` against a self-signed certificate works everywhere or nowhere, never half (issue: the scheduler
// silently never led while queries worked). Connection and statement timeouts are bounded here too.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type pg from 'pg';
import type postgres from 'postgres';
import { say } from '../cli/messages';

export interface PostgresSettings {
  /** Longest wait for a new connection. */
  readonly connectTimeoutMs: number;
  /** statement_timeout of every session: a query on a stuck server fails instead of hanging. */
  readonly statementTimeoutMs: number;
  /** Connections of the query pool. Statements that find every connection busy are pipelined on them (sent without
   *  waiting for the ones before): with the server on the same small machine, fewer backends did more commands
   *  (BENCHMARKS.md note 31); with many cores or a remote server, more connections run more statements at once. */
  readonly poolSize: number;
}

export const DEFAULT_POSTGRES_SETTINGS: PostgresSettings = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  poolSize: 10,
};

/** ssl parameters of a connection URL that are ours to interpret (libpq names). */
const SSL_PARAMS = ['sslmode', 'ssl', 'sslrootcert', 'sslcert', 'sslkey', 'uselibpqcompat'];

export interface PostgresConnection {
  /** The URL without its ssl parameters (each driver gets `tls` explicitly). */
  readonly url: string;
  /** null: no TLS; 'prefer': TLS when the server offers it (postgres.js only; pg gets no-verify TLS). */
  readonly tls: null | { readonly mode: 'prefer' | 'require' | 'verify'; readonly options: ConnectionOptions };
  /** The server's Unix socket directory, from libpq's `?host=/dir` (a server on this machine); null: TCP. */
  readonly socketDir: string | null;
  readonly settings: PostgresSettings;
}

export function postgresConnection(urlText: string, settings: Partial<PostgresSettings> = {}): PostgresConnection {
  const url = new URL(urlText);
  const param = (name: string) => url.searchParams.get(name) ?? undefined;
  const mode = (param('sslmode') ?? (param('ssl') === 'true' ? 'require' : undefined))?.toLowerCase();
  const ca = param('sslrootcert');
  for (const name of SSL_PARAMS) url.searchParams.delete(name);
  // libpq's `?host=`: a directory names a Unix socket, anything else the server's host. postgres.js would send the
  // parameter as a setting the server refuses: it gets the socket as its `host` option, or the host in the URL.
  const host = param('host');
  const socketDir = host?.startsWith('/') ? host : null;
  url.searchParams.delete('host');
  if (host && !socketDir) url.hostname = host;
  const resolved = { ...DEFAULT_POSTGRES_SETTINGS, ...settings };
  const noVerify: ConnectionOptions = { rejectUnauthorized: false };
  const verify = (hostname: boolean): ConnectionOptions => ({
    rejectUnauthorized: true,
    ...(ca && ca !== 'system' ? { ca: readFileSync(ca, 'utf8') } : {}),
    ...(hostname ? {} : { checkServerIdentity: () => undefined }),
  });
  let tls: PostgresConnection['tls'];
  switch (mode) {
    case undefined:
    case 'disable':
    case 'false':
      tls = null;
      break;
    case 'allow':
    case 'prefer':
      tls = { mode: 'prefer', options: noVerify };
      break;
    case 'require':
      // libpq: require encrypts without checking the certificate, unless a root certificate is given.
      tls = ca ? { mode: 'verify', options: verify(false) } : { mode: 'require', options: noVerify };
      break;
    case 'verify-ca':
      tls = { mode: 'verify', options: verify(false) };
      break;
    case 'verify-full':
      tls = { mode: 'verify', options: verify(true) };
      break;
    default:
      throw new Error(say('db.unknown-sslmode', { mode }));
  }
  return { url: url.toString(), tls, settings: resolved, socketDir };
}

/** Options of the `postgres` driver for this connection. */
export function postgresJsOptions(conn: PostgresConnection, extra: postgres.Options<Record<string, never>> = {}) {
  return {
    onnotice: () => {},
    connect_timeout: Math.max(1, Math.ceil(conn.settings.connectTimeoutMs / 1000)),
    ssl: conn.tls === null ? false : conn.tls.mode === 'prefer' ? ('prefer' as const) : conn.tls.options,
    // A host with a slash is the socket's directory (postgres.js adds `.s.PGSQL.<port>`).
    ...(conn.socketDir ? { host: conn.socketDir } : {}),
    ...extra,
    connection: {
      statement_timeout: conn.settings.statementTimeoutMs,
      // A transaction left open by a stuck client must not hold row locks for ever.
      idle_in_transaction_session_timeout: Math.max(60_000, conn.settings.statementTimeoutMs * 4),
      // No JIT compilation: the notification outbox's one statement is estimated above jit_above_cost (its subplans
      // per case), and compiling it cost ~100 ms of a backend's CPU on every pass, for a statement that runs in under
      // a millisecond. Otklik's statements read an organisation's rows through indexes; none gains from JIT.
      jit: 'off',
      ...extra.connection,
    },
  } satisfies postgres.Options<Record<string, never>>;
}

/** Configuration of a `pg` client or pool for this connection. */
export function pgClientConfig(conn: PostgresConnection, extra: pg.ClientConfig = {}): pg.ClientConfig {
  return {
    // pg reads libpq's `?host=/dir` itself (in its connection string, which wins over the options).
    connectionString: conn.socketDir ? withSocketDir(conn.url, conn.socketDir) : conn.url,
    ssl: conn.tls === null ? false : conn.tls.options,
    connectionTimeoutMillis: conn.settings.connectTimeoutMs,
    statement_timeout: conn.settings.statementTimeoutMs,
    // Client side too: a frozen server never enforces its statement_timeout.
    query_timeout: conn.settings.statementTimeoutMs + 2_000,
    // A dead peer (frozen or unplugged server) is noticed by TCP keepalive instead of never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...extra,
  };
}

function withSocketDir(urlText: string, socketDir: string): string {
  const url = new URL(urlText);
  url.searchParams.set('host', socketDir);
  return url.toString();
}
