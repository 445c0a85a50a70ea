// What every request handler and service needs, created once per server (and per test file).
import proxyAddr from 'proxy-addr';
import type { LdapSettings } from './auth/ldap';
import { createLoginLimiter, type LoginLimiter, type LoginLimits } from './auth/login-limiter';
import type { Oidc } from './auth/oidc';
import type { Database, Db } from './db/connect';
import { createEventsBus, type EventsBus } from './events-bus';
import { createHealth, type Health } from './health/registry';
import { createOrigins, type Origins } from './http/origin';
import { createMetrics, type ServerMetrics } from './metrics/metrics';
import { createSetupGate, type SetupGate } from './setup/setup-gate';

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
  /** The one-time code of the first-run page (issued by `otklik serve` while no organisation exists). */
  readonly setup: SetupGate;
  readonly metrics: ServerMetrics;
  /** OTKLIK_METRICS_TOKEN: Prometheus sends it as a bearer token; unset = /metrics for this machine only. */
  readonly metricsToken: string | undefined;
  /** Sign-in with the administration's directory, besides local passwords (none configured: local only). */
  readonly signIn: SignInMethods;
  /** Encrypts channel tokens at rest (OTKLIK_SECRET_KEY); null = tokens cannot be stored or used. */
  readonly secretKey: Buffer | null;
}

export interface SignInMethods {
  readonly oidc: Oidc | null;
  readonly ldap: LdapSettings | null;
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
  metricsToken?: string;
  signIn?: SignInMethods;
  secretKey?: Buffer | null;
}

export function createDeps(options: DepsOptions): ServerDeps {
  const now = options.now ?? Date.now;
  const bus = options.bus ?? createEventsBus();
  const origins = createOrigins(options.publicUrl);
  return {
    database: options.database,
    db: options.database.db,
    now,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3600_000,
    // Behind https the cookie is Secure whatever COOKIE_SECURE says.
    cookieSecure: (options.cookieSecure ?? false) || origins.publicUrl?.protocol === 'https:',
    attachmentsDir: options.attachmentsDir ?? null,
    loginLimiter: createLoginLimiter(options.database.db, options.loginLimits),
    bus,
    origins,
    trustProxy: proxyAddr.compile([...(options.trustProxy ?? [])]),
    requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
    health: options.health ?? createHealth(),
    setup: createSetupGate(),
    metrics: createMetrics({ database: options.database, now, bus }),
    metricsToken: options.metricsToken,
    signIn: options.signIn ?? { oidc: null, ldap: null },
    secretKey: options.secretKey ?? null,
  };
}
