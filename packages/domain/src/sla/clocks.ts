// The active SLA clocks of a case: due instant, status, remaining working time and holders of every open clock
// record, computed from the state, the profile and the calendar at `now` (the same result on server, CLI and browser).
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Profile, StartEvent, StepId, StepRule } from '../profiles/schema';
import { clockHolders } from '../workflow/holders';
import { composerOf } from '../workflow/state';
import type { CaseState, ClockRecord } from '../workflow/types';
import type { DeadlineInputs } from './deadline';
import { deadlineOf } from './deadline';
import { resolveRule } from './rules';
import { clockStatus } from './status';
import type { CaseClocks, Clock, StepDeadline } from './types';

const MS_PER_HOUR = 3_600_000;

/** The step whose rule bounds a clock: the profile's clock model says; a clock the model does not know (an older
 *  record) is bounded by its own step. null: no limit of its own. */
export function limitStepOf(profile: Profile, step: StepId): StepId | null {
  const spec = profile.clocks[step as keyof Profile['clocks']];
  if (spec) return spec.limit;
  return profile.steps[step] ? step : null;
}

/** The receipt a clock counts from: its own department's for a department clock, the composer's otherwise. */
function receiptOf(state: CaseState, record: ClockRecord): Instant | null {
  const key = record.id.includes(':') ? record.id.slice(record.id.indexOf(':') + 1) : null;
  const a = key
    ? state.assignments.find((x) => x.departmentId === key)
    : record.holder === 'composer'
      ? composerOf(state)
      : undefined;
  return a?.receivedAt ?? null;
}

/** The instants a record's rule may count from; events that have not happened fall back to the clock's own start. */
function startOfFor(state: CaseState, record: ClockRecord): (event: StartEvent) => Instant {
  const detected = state.detectedAt ?? record.startedAt;
  return (event) => {
    switch (event) {
      case 'detected':
        return detected;
      case 'posted':
        return state.postedAt ?? detected;
      case 'received':
        return receiptOf(state, record) ?? record.startedAt;
      case 'returned':
        return state.returnedAt ?? record.startedAt;
      case 'draft-submitted':
        return state.draft?.submittedAt ?? record.startedAt;
      case 'approved':
        return state.approvedAt ?? record.startedAt;
      case 'revision-requested':
        return state.revisionRequestedAt ?? record.startedAt;
      case 'intermediate-published':
        return state.intermediatePublishedAt ?? record.startedAt;
    }
  };
}

/** Inputs for the deadline of one record; `shortened` false gives the profile's own limit. */
export function inputsFor(state: CaseState, record: ClockRecord, shortened = true): DeadlineInputs {
  const open = new Set(state.clocks.filter((c) => c.closedAt === null).map((c) => c.id));
  return {
    category: state.category,
    high: state.high,
    topic: state.topic,
    topicListed: state.topicListed,
    startOf: startOfFor(state, record),
    // A derived limit ("4 h before the answer") never falls before the clock starts (the composer's receipt).
    routedAt: record.startedAt,
    ...(shortened
      ? {
          adjust: (step: StepId, at: Instant) => {
            const s = state.shortenedDeadlines[step];
            return s && open.has(s.clockId) ? Math.min(at, s.dueAt) : at;
          },
        }
      : {}),
  };
}

/** A clock that runs only while the case is with its holder (idrinsky 3.2): the limit minus the time of earlier
 *  runs, counted from the start of the last run. */
function pausableDeadline(
  record: ClockRecord,
  rule: StepRule,
  calendar: WorkingCalendar,
  step: StepId,
): StepDeadline | undefined {
  const runs = record.runs ?? [];
  const last = runs[runs.length - 1];
  if (!last || rule.kind !== 'duration') return undefined;
  const earlier = runs.slice(0, -1);
  if (rule.unit === 'calendar-hours') {
    const used = earlier.reduce((n, r) => n + ((r.to ?? r.from) - r.from), 0);
    return { at: last.from + rule.amount * MS_PER_HOUR - used, confirmed: true, rule: [{ step, rule }] };
  }
  const used = earlier.reduce((n, r) => n + calendar.workingMinutesBetween(r.from, r.to ?? r.from), 0);
  const r = calendar.addWorkingMinutes(last.from, rule.amount - used);
  return { at: r.at, confirmed: r.confirmed, rule: [{ step, rule }] };
}

/** The due instant of a record under the state it runs in; undefined when the profile sets no limit for it. */
export function deadlineOfRecord(
  state: CaseState,
  record: ClockRecord,
  profile: Profile,
  calendar: WorkingCalendar,
  shortened = true,
): StepDeadline | undefined {
  const limit = limitStepOf(profile, record.step);
  if (limit === null) return undefined;
  if (record.runs) {
    const rule = resolveRule(profile, limit, state);
    return rule ? pausableDeadline(record, rule, calendar, limit) : undefined;
  }
  return deadlineOf(profile, calendar, limit, inputsFor(state, record, shortened));
}

/** A record's computed clock, or undefined when the profile sets no limit for its step (then a case-wide clock or
 *  no limit at all bounds it), or when it is paused (a department total while the curator has the case). */
export function clockOf(
  state: CaseState,
  record: ClockRecord,
  profile: Profile,
  calendar: WorkingCalendar,
  now: Instant,
): Clock | undefined {
  if (record.runs && record.closedAt === null && record.runs.every((r) => r.to !== null)) return undefined;
  const d = deadlineOfRecord(state, record, profile, calendar);
  if (!d) return undefined;
  const start = record.runs?.[record.runs.length - 1]?.from ?? record.startedAt;
  const rule = resolveRule(profile, limitStepOf(profile, record.step) ?? record.step, state);
  const calendarTime = rule?.kind === 'duration' && rule.unit === 'calendar-hours';
  const total = calendar.workingMinutesBetween(start, d.at);
  const remaining = calendar.workingMinutesBetween(now, d.at);
  // The at-risk moment: `atRiskShare` of the clock's time left, in working time (calendar time when the rule counts
  // calendar hours, or when the clock spans no working time).
  // A share of the time is a fraction of a millisecond more often than not: the moment is the next whole one, as
  // every instant the product stores (a timestamp keeps whole milliseconds).
  const atRiskAt = Math.ceil(
    total > 0 && !calendarTime
      ? calendar.addWorkingMinutes(d.at, -profile.atRiskShare * total).at
      : d.at - profile.atRiskShare * Math.max(0, d.at - start),
  );
  const breachAt = Math.max(d.at, record.notBefore ?? d.at);
  const holders = clockHolders(state, record);
  return {
    id: record.id,
    step: record.step,
    kind: record.kind,
    startedAt: record.startedAt,
    dueAt: d.at,
    confirmed: d.confirmed,
    status: clockStatus({ dueAt: breachAt, atRiskAt: Math.max(start, atRiskAt), breachedAt: record.breachedAt }, now),
    remainingWorkingMinutes: remaining,
    totalWorkingMinutes: total,
    atRiskAt: Math.max(start, atRiskAt),
    responsible: holders[0] ?? record.responsible,
    holders,
    holder: record.holder,
    breachAt,
    rule: d.rule,
  };
}

export function computeClocks(state: CaseState, profile: Profile, calendar: WorkingCalendar, now: Instant): CaseClocks {
  const active: Clock[] = [];
  for (const record of state.clocks) {
    if (record.closedAt !== null) continue;
    const c = clockOf(state, record, profile, calendar, now);
    if (c) active.push(c);
  }
  active.sort((a, b) => a.dueAt - b.dueAt);
  return { active, overall: active.find((c) => c.kind === 'overall') ?? null };
}
