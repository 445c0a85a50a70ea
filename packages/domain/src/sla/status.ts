// The one boundary of "breached", used by the decider, the sandbox, the server's scheduler, the board and every
// countdown. A limit includes its last instant: "within 30 minutes" of 15:30 lets the action happen at 16:00:00.000,
// and REGULATIONS.md "Time" makes a deadline on the end of a working period that very instant (18:00, not the next
// morning). So a clock due at 16:00 is still on time at 16:00:00.000 and breached from the next millisecond on.
import type { Instant } from '../calendar/types';

export type ClockStatus = 'on-track' | 'at-risk' | 'breached';

/** true once `now` is past the last instant the limit allows. */
export function isPastDue(dueAt: Instant, now: Instant): boolean {
  return now > dueAt;
}

/** The first instant at which a clock due at `dueAt` is breached (instants are epoch milliseconds). */
export function firstBreachedInstant(dueAt: Instant): Instant {
  return dueAt + 1;
}

export interface ClockInstants {
  /** The last on-time instant (a clock's due instant, or the later instant a re-categorisation set). */
  readonly dueAt: Instant;
  /** From this instant on the clock is at risk; null or absent: no at-risk stage is known. */
  readonly atRiskAt?: Instant | null;
  /** A breach already recorded keeps the clock breached whatever the instants say. */
  readonly breachedAt?: Instant | null;
}

/** A clock's status at `now`: breached past its due instant (or once a breach is recorded), at risk from its
 *  at-risk instant on, on track before that. */
export function clockStatus(clock: ClockInstants, now: Instant): ClockStatus {
  if ((clock.breachedAt ?? null) !== null || isPastDue(clock.dueAt, now)) return 'breached';
  return clock.atRiskAt != null && now >= clock.atRiskAt ? 'at-risk' : 'on-track';
}
