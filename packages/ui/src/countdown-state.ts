// What a countdown shows at a given server instant, computed in the browser with the shared calendar engine: the same
// working-time arithmetic the server records breaches with, so the wall and the scheduler never disagree.
import { type ClockStatus, clockStatus, type Instant, type WorkingCalendar } from '@otklik/domain';

export type { ClockStatus };

export interface CountdownState {
  /** Working minutes from now to the deadline (negative once breached), fractional. */
  readonly remainingMinutes: number;
  readonly status: ClockStatus;
  /** Outside working time the clock does not run (REGULATIONS "Time"). */
  readonly paused: boolean;
  /** When a paused clock starts running again; null while it runs. */
  readonly resumesAt: Instant | null;
  /** Breached, yet not one working second has passed since the deadline (a deadline at the start of lunch, read
   *  during lunch): "overdue by 0 min 00 s" would say nothing, the deadline's time says when it was missed. */
  readonly overdueUnworked: boolean;
}

/** `atRiskAt` comes from the server's clock (the profile's at-risk share); without it only breach is shown. */
export function countdownState(
  calendar: WorkingCalendar,
  dueAt: Instant,
  now: Instant,
  atRiskAt?: Instant | null,
): CountdownState {
  const remainingMinutes = calendar.workingMinutesBetween(now, dueAt);
  // The domain's one boundary: due at 16:00 is still on time at 16:00:00.000.
  const status = clockStatus({ dueAt, atRiskAt: atRiskAt ?? null }, now);
  const paused = !calendar.isWorkingTime(now);
  return {
    remainingMinutes,
    status,
    paused,
    resumesAt: paused ? calendar.nextWorkingMoment(now) : null,
    overdueUnworked: status === 'breached' && Math.floor(Math.abs(remainingMinutes) * 60) === 0,
  };
}

/** Share of the clock's working time already used, 0…1 (1 once breached). */
export function usedShare(calendar: WorkingCalendar, startedAt: Instant, dueAt: Instant, now: Instant): number {
  const total = calendar.workingMinutesBetween(startedAt, dueAt);
  if (total <= 0) return now >= dueAt ? 1 : 0;
  const used = calendar.workingMinutesBetween(startedAt, Math.min(now, dueAt));
  return Math.min(1, Math.max(0, used / total));
}
