// What every request handler and service needs, created once per server (and per test file).
import type { LdapSettings } from './auth/ldap';
import type { Oidc } from './auth/oidc';
import type { RateLimiter } from './auth/rate-limit';
import { createRateLimiter } from './auth/rate-limit';
import type { Database, Db } from './db/connect';
import { createEventsBus, type EventsBus } from './events-bus';
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
  readonly loginLimiter: RateLimiter;
  readonly bus: EventsBus;
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
  metricsToken?: string;
  signIn?: SignInMethods;
  secretKey?: Buffer | null;
}

export function createDeps(options: DepsOptions): ServerDeps {
  const now = options.now ?? Date.now;
  const bus = options.bus ?? createEventsBus();
  return {
    database: options.database,
    db: options.database.db,
    now,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3600_000,
    cookieSecure: options.cookieSecure ?? false,
    attachmentsDir: options.attachmentsDir ?? null,
    // 5 failed attempts per login and address within 15 minutes, then wait.
    loginLimiter: createRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000 }),
    bus,
    setup: createSetupGate(),
    metrics: createMetrics({ database: options.database, now, bus }),
    metricsToken: options.metricsToken,
    signIn: options.signIn ?? { oidc: null, ldap: null },
    secretKey: options.secretKey ?? null,
  };
}
