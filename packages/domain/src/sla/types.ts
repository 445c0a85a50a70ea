// What an SLA clock looks like to the server's scheduler, the board and the wall display.
// Instants are epoch milliseconds (UTC).
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { CategoryChoice, HolderKind, Profile, StepId, StepRule } from '../profiles/schema';
import type { CaseState, DomainError, Responsible } from '../workflow/types';

import type { ClockStatus } from './status';

export interface Clock {
  /** Same id as the ClockRecord in the state (the scheduler records at-risk/breach events against it). */
  readonly id: string;
  readonly step: StepId;
  readonly kind: 'step' | 'overall';
  readonly startedAt: Instant;
  readonly dueAt: Instant;
  /** false when the calendar had no decree data for a day the deadline depends on. */
  readonly confirmed: boolean;
  readonly status: ClockStatus;
  /** Working minutes from `now` to `dueAt` (negative once breached). */
  readonly remainingWorkingMinutes: number;
  /** Working minutes from start to due, the base of the at-risk share. */
  readonly totalWorkingMinutes: number;
  /** When the clock becomes at risk (at most `atRiskShare` of its working time left). */
  readonly atRiskAt: Instant;
  /** Who must act now: the first of `holders`. */
  readonly responsible: Responsible;
  /** Everyone holding the clock now (several departments of a parallel set hold the case-wide clock at once). */
  readonly holders: readonly Responsible[];
  /** The kind of party the profile makes hold the clock. */
  readonly holder: HolderKind;
  /** The first instant it counts as breached after: its due instant, or a later re-categorisation (never earlier). */
  readonly breachAt: Instant;
  /** How the deadline was reached, worded by the reader (sla/rules.ts deadlineRuleText, the web's rule-text.ts). A
   *  clock stored before the parts were kept has its rule as one two-language text. */
  readonly rule: DeadlineRule | string;
}

/** One step of how a deadline was reached: the rule of `step` that applied (an override included), whether it ran a
 *  short track (a 'before' rule that fell before the clock's start: halfway) and whether the curator shortened it
 *  (NAO p.14). */
export interface DeadlineRulePart {
  readonly step: StepId;
  readonly rule: StepRule;
  readonly shortTrack?: true;
  readonly shortened?: true;
}

/** How a deadline was reached: its own step's rule first, then, for a rule derived from another step ('before',
 *  'same-as'), the parts of that step's deadline. Plain data, so a stored clock keeps it and any reader words it. */
export type DeadlineRule = readonly DeadlineRulePart[];

export interface CaseClocks {
  /** Every active clock of the case (several may run at once: a chain executor's and the overall one). */
  readonly active: readonly Clock[];
  /** The case-wide deadline (answer, explanation, or final after an intermediate answer); null for a closed case and
   *  for a profile with no case-wide limit (slavgorod, krasnoufimsk). */
  readonly overall: Clock | null;
}

export interface StepDeadlineOptions {
  /** 'high' (the CLI's --category high) is an ordinary message of high importance. */
  readonly category?: CategoryChoice;
  readonly high?: boolean;
  readonly topic?: string;
  readonly topicListed?: boolean;
  /** For derived rules on a short track: when the case was routed (defaults to `from`). */
  readonly routedAt?: Instant;
}

export interface StepDeadline {
  readonly at: Instant;
  readonly confirmed: boolean;
  readonly rule: DeadlineRule;
}

export type StepDeadlineResult =
  | { readonly ok: true; readonly value: StepDeadline }
  | { readonly ok: false; readonly error: DomainError };

export type ComputeClocks = (state: CaseState, profile: Profile, calendar: WorkingCalendar, now: Instant) => CaseClocks;
export type StepDeadlineFn = (
  profile: Profile,
  calendar: WorkingCalendar,
  step: string,
  from: Instant,
  options?: StepDeadlineOptions,
) => StepDeadlineResult;
