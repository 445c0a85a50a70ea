// What a countdown shows at a given server instant, computed in the browser with the shared calendar engine: the same
// working-time arithmetic the server records breaches with, so the wall and the scheduler never disagree.
import {
  type ClockStatus,
  clockStatus,
  firstBreachedInstant,
  type Instant,
  type WorkingCalendar,
} from '@otklik/domain';
import { resumeTextChangesAt } from './format';

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

/**
 * Working milliseconds until a running clock's duration reads differently at the precision formatWorkingDuration
 * shows (seconds under an hour, minutes from an hour up): a remaining time changes when it falls below the whole
 * second (minute) it shows, an overdue time when it reaches the next one. At least 1: it has already changed when it
 * sits exactly on a boundary. May be a millisecond early (a redraw that shows the same), never late.
 */
export function workingMsUntilDurationChanges(remainingMinutes: number): number {
  const seconds = Math.abs(remainingMinutes) * 60;
  const shown = Math.floor(seconds); // what formatWorkingDuration reads
  let untilSeconds: number;
  if (remainingMinutes > 0) untilSeconds = seconds - (shown >= 3600 ? Math.floor(shown / 60) * 60 : shown);
  else untilSeconds = (shown >= 3600 ? (Math.floor(shown / 60) + 1) * 60 : shown + 1) - seconds;
  // Instants are whole milliseconds: the boundary is reached after a whole number of them (rounding drops the
  // float error). A remaining time still reads the same on the boundary itself, so this is that one millisecond early.
  return Math.max(1, Math.round(untilSeconds * 1000));
}

/**
 * The first instant after `now` at which a countdown may show something else (Infinity: never), so a view redraws
 * then and not every second: its status (at risk, breached), its pause (starting or ending), its duration at the
 * precision shown, and the wording of a resume or overdue-since time (formatResume). Never later than the change
 * itself; a little earlier only costs a redraw that shows the same.
 */
export function nextCountdownChange(
  calendar: WorkingCalendar,
  dueAt: Instant,
  now: Instant,
  atRiskAt?: Instant | null,
  state: CountdownState = countdownState(calendar, dueAt, now, atRiskAt),
): Instant {
  return nextChangeOf(calendar, dueAt, now, atRiskAt, state, true);
}

/**
 * nextCountdownChange without the moves of its time text (the duration and an overdue-since time): the first instant
 * after `now` at which the countdown's status, its pause or its resume line may change. A view that writes the time
 * text on its own (Countdown) redraws the rest only then.
 */
export const nextCountdownLookChange: typeof nextCountdownChange = (calendar, dueAt, now, atRiskAt, state) =>
  nextChangeOf(calendar, dueAt, now, atRiskAt, state ?? countdownState(calendar, dueAt, now, atRiskAt), false);

/** The first of the instants `consider`ed after `now` (Infinity: none), starting with the status's own changes (at
 *  risk, breached), which every view of a clock shows. */
function firstChangeFrom(now: Instant, dueAt: Instant, atRiskAt: Instant | null | undefined) {
  let next = Number.POSITIVE_INFINITY;
  const consider = (at: Instant) => {
    if (at > now && at < next) next = at;
  };
  if (atRiskAt != null) consider(atRiskAt);
  consider(firstBreachedInstant(dueAt));
  return { consider, first: () => next };
}

function nextChangeOf(
  calendar: WorkingCalendar,
  dueAt: Instant,
  now: Instant,
  atRiskAt: Instant | null | undefined,
  state: CountdownState,
  withTimeText: boolean,
): Instant {
  const { consider, first } = firstChangeFrom(now, dueAt, atRiskAt);
  if (state.resumesAt !== null) {
    // Paused: the remaining time stands still; the clock starts again, and the resume time may be worded anew.
    consider(state.resumesAt);
    consider(resumeTextChangesAt(state.resumesAt, now, calendar.timeZone));
  } else {
    // Running: it pauses at the end of the working time, and its duration moves by working time, which until then
    // is wall time.
    consider(calendar.nextNonWorkingMoment(now));
    if (withTimeText) consider(now + workingMsUntilDurationChanges(state.remainingMinutes));
  }
  if (withTimeText && state.overdueUnworked) consider(resumeTextChangesAt(dueAt, now, calendar.timeZone));
  return first();
}

/** Share of the clock's working time already used, 0…1 (1 once breached). */
export function usedShare(calendar: WorkingCalendar, startedAt: Instant, dueAt: Instant, now: Instant): number {
  const total = calendar.workingMinutesBetween(startedAt, dueAt);
  if (total <= 0) return now >= dueAt ? 1 : 0;
  const used = calendar.workingMinutesBetween(startedAt, Math.min(now, dueAt));
  return Math.min(1, Math.max(0, used / total));
}

/** The used share as a deadline bar shows it: whole percent. */
export function usedPercent(calendar: WorkingCalendar, startedAt: Instant, dueAt: Instant, now: Instant): number {
  return Math.round(usedShare(calendar, startedAt, dueAt, now) * 100);
}

/**
 * The first instant after `now` at which a deadline bar may show something else (Infinity: never): its status (at
 * risk, breached) or its used share at whole percent (usedPercent), which moves by working time only. Never later
 * than the change; at most a millisecond earlier.
 */
export function nextDeadlineBarChange(
  calendar: WorkingCalendar,
  startedAt: Instant,
  dueAt: Instant,
  now: Instant,
  atRiskAt?: Instant | null,
): Instant {
  const { consider, first } = firstChangeFrom(now, dueAt, atRiskAt);
  const total = calendar.workingMinutesBetween(startedAt, dueAt);
  if (total > 0 && now < dueAt) {
    // The shown percent p turns into p + 1 once the used minutes reach (p + 0.5) % of the total (Math.round).
    const used = calendar.workingMinutesBetween(startedAt, now);
    const shown = usedPercent(calendar, startedAt, dueAt, now);
    const minutes = ((shown + 0.5) / 100) * total - used;
    // Counted from `now` (from the next working moment while paused); whole milliseconds, rounded down (the float's
    // last bits must not make it late), never `now` itself.
    consider(minutes > 0 ? Math.max(now + 1, Math.floor(calendar.addWorkingMinutes(now, minutes).at)) : now + 1);
  }
  return first();
}
