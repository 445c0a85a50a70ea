// Limits failed logins per (login, IP) within a sliding window, in memory: enough to stop guessing from one place;
// each node keeps its own counts.
export interface RateLimiter {
  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfter(key: string, now: number): number;
  recordFailure(key: string, now: number): void;
  reset(key: string): void;
}

export function createRateLimiter(options: { maxFailures: number; windowMs: number }): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);
  return {
    retryAfter(key, now) {
      const times = recent(key, now);
      if (times.length === 0) failures.delete(key);
      else failures.set(key, times);
      if (times.length < options.maxFailures) return 0;
      return options.windowMs - (now - times[0]!);
    },
    recordFailure(key, now) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
