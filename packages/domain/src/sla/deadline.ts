// Computes a step's deadline from its rule on the organisation's calendar; derived rules follow their target step.
import type { CalendarResult, Instant, WorkingCalendar } from '../calendar/types';
import type { Profile, StartEvent, StepId, StepRule } from '../profiles/schema';
import { zStepId } from '../profiles/schema';
import { refusal } from '../workflow/refusals';
import type { DomainError } from '../workflow/types';
import type { RuleContext } from './rules';
import { profileSteps, resolveRule } from './rules';
import type { DeadlineRule, StepDeadline, StepDeadlineOptions, StepDeadlineResult } from './types';

const MS_PER_HOUR = 3_600_000;

export interface DeadlineInputs extends RuleContext {
  /** The instant of each start event (a clock's own start for its step; other events for derived rules). */
  readonly startOf: (event: StartEvent) => Instant;
  /** When the clock started (the composer's receipt, for a draft): the lower bound of a derived deadline on a short
   *  track. */
  readonly routedAt: Instant;
  /** Applies a curator's shortening (NAO p.14) to a step's deadline, derived steps included. */
  readonly adjust?: (step: StepId, at: Instant) => Instant;
}

function applyDuration(
  calendar: WorkingCalendar,
  rule: Extract<StepRule, { kind: 'duration' }>,
  from: Instant,
): CalendarResult {
  switch (rule.unit) {
    case 'working-minutes':
      return calendar.addWorkingMinutes(from, rule.amount);
    case 'working-days':
      return calendar.addWorkingDays(from, rule.amount);
    case 'calendar-days':
      return calendar.addCalendarDays(from, rule.amount);
    case 'calendar-hours':
      // Calendar time runs regardless of the working schedule, so no decree data is involved.
      return { at: from + rule.amount * MS_PER_HOUR, confirmed: true };
    case 'idrinsky-24h':
      return calendar.addIdrinsky24Hours(from);
  }
}

export function unknownStepError(profile: Profile, step: string): DomainError {
  const steps = profileSteps(profile);
  return refusal('unknown-step', 'profile.no-step', { profile: profile.id, step, steps }, { step, steps });
}

/** The deadline of `step` under `inputs`; undefined when the profile sets no rule for it. References are acyclic
 *  (parseProfile checks), so the recursion ends. */
export function deadlineOf(
  profile: Profile,
  calendar: WorkingCalendar,
  step: StepId,
  inputs: DeadlineInputs,
): StepDeadline | undefined {
  const d = rawDeadlineOf(profile, calendar, step, inputs);
  if (!d || !inputs.adjust) return d;
  const at = inputs.adjust(step, d.at);
  if (at === d.at) return d;
  // The step's own part says so (its first); the parts of a target step it follows keep their own marks.
  const [own, ...rest] = d.rule;
  return { ...d, at, rule: own ? [{ ...own, shortened: true }, ...rest] : d.rule };
}

function rawDeadlineOf(
  profile: Profile,
  calendar: WorkingCalendar,
  step: StepId,
  inputs: DeadlineInputs,
): StepDeadline | undefined {
  const rule = resolveRule(profile, step, inputs);
  if (!rule) return undefined;
  const own = { step, rule };
  const after = (target: StepDeadline, shortTrack = false): DeadlineRule => [
    shortTrack ? { ...own, shortTrack: true } : own,
    ...target.rule,
  ];
  switch (rule.kind) {
    case 'duration': {
      const r = applyDuration(calendar, rule, inputs.startOf(rule.from));
      return { at: r.at, confirmed: r.confirmed, rule: [own] };
    }
    case 'same-as': {
      const target = deadlineOf(profile, calendar, rule.step, inputs);
      return target && { at: target.at, confirmed: target.confirmed, rule: after(target) };
    }
    case 'before': {
      const target = deadlineOf(profile, calendar, rule.step, inputs);
      if (!target) return undefined;
      const before = calendar.addWorkingMinutes(target.at, -rule.workingMinutes);
      if (before.at >= inputs.routedAt) {
        return { at: before.at, confirmed: target.confirmed && before.confirmed, rule: after(target) };
      }
      // Short track: halfway (in working time) between routing and the target deadline. When the target itself is
      // already over, there is nothing to halve: the step has no limit of its own and the target bounds it.
      const half = calendar.workingMinutesBetween(inputs.routedAt, target.at) / 2;
      if (half <= 0) return undefined;
      const mid = calendar.addWorkingMinutes(inputs.routedAt, half);
      return {
        at: mid.at,
        confirmed: target.confirmed && mid.confirmed,
        rule: after(target, true),
      };
    }
  }
}

/** The deadline of `step` counted from `from` (for derived steps, `from` is the detection/receipt instant).
 *  Used by the CLI `otklik deadline`. */
export function stepDeadline(
  profile: Profile,
  calendar: WorkingCalendar,
  step: string,
  from: Instant,
  options: StepDeadlineOptions = {},
): StepDeadlineResult {
  const parsed = zStepId.safeParse(step);
  if (!parsed.success) return { ok: false, error: unknownStepError(profile, step) };
  const value = deadlineOf(profile, calendar, parsed.data, {
    category: options.category === 'high' ? 'ordinary' : (options.category ?? null),
    high: options.high === true || options.category === 'high',
    topic: options.topic ?? null,
    topicListed: options.topicListed ?? false,
    startOf: () => from,
    routedAt: options.routedAt ?? from,
  });
  return value ? { ok: true, value } : { ok: false, error: unknownStepError(profile, step) };
}
