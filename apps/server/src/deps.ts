// What every request handler and service needs, created once per server (and per test file).
import type { RateLimiter } from './auth/rate-limit';
import { createRateLimiter } from './auth/rate-limit';
import type { Database, Db } from './db/connect';
import { createEventsBus, type EventsBus } from './events-bus';

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
  /** Encrypts channel tokens at rest (OTKLIK_SECRET_KEY); null = tokens cannot be stored or used. */
  readonly secretKey: Buffer | null;
}

export interface DepsOptions {
  database: Database;
  now?: () => number;
  sessionTtlMs?: number;
  cookieSecure?: boolean;
  attachmentsDir?: string | null;
  bus?: EventsBus;
  secretKey?: Buffer | null;
}

export function createDeps(options: DepsOptions): ServerDeps {
  return {
    database: options.database,
    db: options.database.db,
    now: options.now ?? Date.now,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3600_000,
    cookieSecure: options.cookieSecure ?? false,
    attachmentsDir: options.attachmentsDir ?? null,
    // 5 failed attempts per login and address within 15 minutes, then wait.
    loginLimiter: createRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000 }),
    bus: options.bus ?? createEventsBus(),
    secretKey: options.secretKey ?? null,
  };
}
