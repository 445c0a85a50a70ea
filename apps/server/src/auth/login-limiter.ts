// Limits failed sign-ins, in the database so every node counts the same attempts (rate-limiter-flexible's Drizzle
// store: one atomic upsert per failure, on PGlite and PostgreSQL alike; its `pg`-client PostgreSQL store cannot run on
// the embedded database). Three counters, as the library's login-protection recipe suggests:
// - one account from one address: a few guesses, then that pair waits (the owner elsewhere can still sign in);
// - one address across all accounts: stops spraying one password over many logins;
// - one account from everywhere: stops a distributed guess, with a limit high enough that nobody locks a colleague
//   out by typing a few wrong passwords.
// The address is the client's as seen through the trusted proxies (OTKLIK_TRUST_PROXY), never a forged header.
import { RateLimiterDrizzle, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/connect';
import { loginLimits } from '../db/schema-security';

export interface LimitRule {
  /** Failures allowed within the window. */
  readonly failures: number;
  readonly windowMs: number;
}

export interface LoginLimits {
  readonly accountAddress: LimitRule;
  readonly address: LimitRule;
  readonly account: LimitRule;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  accountAddress: { failures: 5, windowMs: 15 * 60_000 },
  address: { failures: 30, windowMs: 60 * 60_000 },
  account: { failures: 50, windowMs: 60 * 60_000 },
};

export type LimitScope = keyof LoginLimits;

export interface LoginLimiter {
  /** How long this attempt must wait, and which counter says so; null = go ahead. */
  blocked(login: string, ip: string): Promise<{ scope: LimitScope; retryAfterMs: number } | null>;
  /** Counts a failure; returns the counters this failure just filled (a lock-out begins). */
  failed(login: string, ip: string): Promise<LimitScope[]>;
  /** A successful sign-in clears the account+address counter. */
  succeeded(login: string, ip: string): Promise<void>;
}

export function createLoginLimiter(db: Db, limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginLimiter {
  const make = (scope: LimitScope) =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: loginLimits,
      keyPrefix: `login:${scope}`,
      points: limits[scope].failures,
      duration: limits[scope].windowMs / 1000,
      // Expired rows are deleted by the library's own timer (unref'd).
      clearExpiredByTimeout: true,
    });
  const counters = { accountAddress: make('accountAddress'), address: make('address'), account: make('account') };
  const keys = (login: string, ip: string): Record<LimitScope, string> => ({
    accountAddress: `${login}|${ip}`,
    address: ip,
    account: login,
  });
  const scopes = Object.keys(counters) as LimitScope[];
  return {
    async blocked(login, ip) {
      const k = keys(login, ip);
      for (const scope of scopes) {
        const res = await counters[scope].get(k[scope]);
        if (res && res.consumedPoints >= limits[scope].failures) {
          return { scope, retryAfterMs: Math.max(1000, res.msBeforeNext) };
        }
      }
      return null;
    },
    async failed(login, ip) {
      const k = keys(login, ip);
      const filled: LimitScope[] = [];
      for (const scope of scopes) {
        let res: RateLimiterRes;
        try {
          res = await counters[scope].consume(k[scope]);
        } catch (rejected) {
          // Consuming past the limit rejects with the counter's state; a database error is a real error.
          if (rejected instanceof Error) throw rejected;
          res = rejected as RateLimiterRes;
        }
        if (res.consumedPoints === limits[scope].failures) filled.push(scope);
      }
      return filled;
    },
    async succeeded(login, ip) {
      await counters.accountAddress.delete(keys(login, ip).accountAddress);
    },
  };
}
