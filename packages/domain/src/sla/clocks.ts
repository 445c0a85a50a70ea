// The active SLA clocks of a case: due instant, status and remaining working time of every open clock record,
// computed from the state, the profile and the calendar at `now` (the same result on server, CLI and browser).
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Profile, StartEvent, StepId } from '../profiles/schema';
import type { CaseState, ClockRecord } from '../workflow/types';
import type { DeadlineInputs } from './deadline';
import { deadlineOf } from './deadline';
import { resolveRule } from './rules';
import type { CaseClocks, Clock, ClockStatus } from './types';

/** The instants a record's rule may count from; events that have not happened fall back to the clock's own start. */
function startOfFor(state: CaseState, record: ClockRecord): (event: StartEvent) => Instant {
  const detected = state.detectedAt ?? record.startedAt;
  return (event) => {
    switch (event) {
      case 'detected':
        return detected;
      case 'posted':
        return state.postedAt ?? detected;
      case 'received': {
        // A department's own clock counts from its receipt; the overall clock from the (latest) routing. Before
        // routing (slavgorod's overall clock) receipt has not happened: count from detection meanwhile.
        const a =
          record.kind === 'step'
            ? state.assignments.find((x) => x.departmentId === record.responsible.departmentId)
            : undefined;
        return a?.receivedAt ?? state.routedAt ?? detected;
      }
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
    topic: state.topic,
    startOf: startOfFor(state, record),
    routedAt: state.routedAt ?? state.detectedAt ?? record.startedAt,
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

function statusOf(record: ClockRecord, now: Instant, dueAt: Instant, atRiskAt: Instant): ClockStatus {
  if (record.breachedAt !== null || now > dueAt) return 'breached';
  return now >= atRiskAt ? 'at-risk' : 'on-track';
}

/** A record's computed clock, or undefined when the profile sets no limit for its step (then the overall deadline
 *  bounds it) or when it merely repeats the overall deadline (krasnoufimsk p.13 draft = answer). */
export function clockOf(
  state: CaseState,
  record: ClockRecord,
  profile: Profile,
  calendar: WorkingCalendar,
  now: Instant,
): Clock | undefined {
  const d = deadlineOf(profile, calendar, record.step, inputsFor(state, record));
  if (!d) return undefined;
  if (record.kind === 'step' && state.stage === 'answer') {
    // slavgorod: the draft step is itself the overall deadline; krasnoufimsk p.13 / idrinsky 3.3: "due with answer".
    if (record.step === state.overallStep) return undefined;
    const rule = resolveRule(profile, record.step, state);
    if (rule?.kind === 'same-as' && rule.step === state.overallStep) return undefined;
  }
  const total = calendar.workingMinutesBetween(record.startedAt, d.at);
  const remaining = calendar.workingMinutesBetween(now, d.at);
  // The at-risk moment: `atRiskShare` of the clock's working time left (calendar time when it spans no work).
  const atRiskAt =
    total > 0
      ? calendar.addWorkingMinutes(d.at, -profile.atRiskShare * total).at
      : d.at - profile.atRiskShare * Math.max(0, d.at - record.startedAt);
  return {
    id: record.id,
    step: record.step,
    kind: record.kind,
    startedAt: record.startedAt,
    dueAt: d.at,
    confirmed: d.confirmed,
    status: statusOf(record, now, d.at, Math.max(record.startedAt, atRiskAt)),
    remainingWorkingMinutes: remaining,
    totalWorkingMinutes: total,
    atRiskAt: Math.max(record.startedAt, atRiskAt),
    responsible: record.responsible,
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
