// What every request handler and service needs, created once per server (and per test file).
import proxyAddr from 'proxy-addr';
import { createLoginLimiter, type LoginLimiter, type LoginLimits } from './auth/login-limiter';
import type { Database, Db } from './db/connect';
import { createEventsBus, type EventsBus } from './events-bus';
import { createHealth, type Health } from './health/registry';
import { createOrigins, type Origins } from './http/origin';

export interface ServerDeps {
  readonly database: Database;
  readonly db: Db;
  /** The server clock; tests pass a fixed or movable one. */
  readonly now: () => number;
  readonly sessionTtlMs: number;
  readonly cookieSecure: boolean;
  /** Where uploaded attachments are stored; null keeps them out of the file system (in-memory tests). */
  readonly attachmentsDir: string | null;
  readonly loginLimiter: LoginLimiter;
  readonly bus: EventsBus;
  /** The origins allowed to change anything (OTKLIK_PUBLIC_URL, or the listening address). */
  readonly origins: Origins;
  /** Which peer addresses are reverse proxies whose X-Forwarded-For is believed (OTKLIK_TRUST_PROXY). */
  readonly trustProxy: (address: string, hop: number) => boolean;
  /** Longest a request waits for the database before it is answered UNAVAILABLE. */
  readonly requestTimeoutMs: number;
  readonly health: Health;
}

export interface DepsOptions {
  database: Database;
  now?: () => number;
  sessionTtlMs?: number;
  cookieSecure?: boolean;
  attachmentsDir?: string | null;
  bus?: EventsBus;
  /** OTKLIK_PUBLIC_URL. */
  publicUrl?: string;
  /** OTKLIK_TRUST_PROXY, parsed (addresses, CIDRs, proxy-addr keywords). */
  trustProxy?: readonly string[];
  requestTimeoutMs?: number;
  loginLimits?: LoginLimits;
  health?: Health;
}

export function createDeps(options: DepsOptions): ServerDeps {
  const origins = createOrigins(options.publicUrl);
  return {
    database: options.database,
    db: options.database.db,
    now: options.now ?? Date.now,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3600_000,
    // Behind https the cookie is Secure whatever COOKIE_SECURE says.
    cookieSecure: (options.cookieSecure ?? false) || origins.publicUrl?.protocol === 'https:',
    attachmentsDir: options.attachmentsDir ?? null,
    loginLimiter: createLoginLimiter(options.database.db, options.loginLimits),
    bus: options.bus ?? createEventsBus(),
    origins,
    trustProxy: proxyAddr.compile([...(options.trustProxy ?? [])]),
    requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
    health: options.health ?? createHealth(),
  };
}
