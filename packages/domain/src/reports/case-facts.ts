// What the reports need to know about one case, read from its event history: every clock with its due instant,
// the person and department that held it, and how it ended; returns, participants and publications.
// Time is attributed to whoever held each clock, so a department is not charged with the curator's time.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Category, Profile, StepId } from '../profiles/schema';
import { clockOf } from '../sla/clocks';
import { deadlineOf } from '../sla/deadline';
import type { CaseEvent, CaseEventType } from '../workflow/events';
import { evolve } from '../workflow/evolve';
import { initialState } from '../workflow/state';
import type { CaseState, ClockRecord, Responsible } from '../workflow/types';

/** Who held a clock: the responsible of the record; for "any curator/operator" clocks, the person who closed it. */
export interface Holder {
  readonly role: Responsible['role'];
  readonly personId: string | null;
  readonly departmentId: string | null;
}

export type StepOutcome = 'on-time' | 'overdue' | 'open' | 'no-limit' | 'cancelled';

export interface HeldClock {
  readonly clockId: string;
  readonly step: StepId;
  readonly kind: 'step' | 'overall';
  readonly holder: Holder;
  readonly startedAt: Instant;
  /** When the holder had the case: an executor's clock may open before their department receives the message (a
   *  sequential composer's draft clock starts at routing), and that time is not theirs. */
  readonly heldFrom: Instant;
  readonly closedAt: Instant | null;
  /** null when the profile sets no limit of its own for the step (the overall deadline bounds it). */
  readonly dueAt: Instant | null;
  readonly outcome: StepOutcome;
  /** When the outcome became known: the closing instant, or the due instant of a clock still open past it. */
  readonly decidedAt: Instant | null;
  /** Working minutes past the due instant (0 when on time). */
  readonly overdueWorkingMinutes: number;
}

export interface Participation {
  readonly departmentId: string;
  readonly executorIds: readonly string[];
  readonly receivedAt: Instant;
  /** Still assigned at the end (false for a department that returned the message and was replaced). */
  readonly inFinal: boolean;
}

export interface CaseFacts {
  readonly caseId: string;
  readonly profileId: string | null;
  readonly detectedAt: Instant;
  readonly network: string;
  readonly topic: string | null;
  readonly location: string | null;
  readonly category: Category | null;
  readonly authorName: string;
  readonly sociallySignificant: boolean;
  readonly ending: CaseState['ending'];
  readonly closedAt: Instant | null;
  /** First publication to the author (intermediate or answer): the "answer time" of the case. */
  readonly firstAnswerAt: Instant | null;
  readonly answeredAt: Instant | null;
  readonly intermediateAt: Instant | null;
  readonly participants: readonly Participation[];
  readonly clocks: readonly HeldClock[];
  readonly returns: readonly { readonly departmentId: string; readonly by: string; readonly at: Instant }[];
}

/** The events that complete each step; any other event that closes a clock (a return, an intermediate answer
 *  closing a draft, a rejection) cancels it, which is neither on time nor overdue unless it was already late. */
const COMPLETES: Partial<Record<StepId, readonly CaseEventType[]>> = {
  triage: ['case-triaged', 'case-routed', 'case-rejected'],
  reroute: ['case-routed'],
  contribution: ['contribution-submitted', 'draft-submitted'],
  draft: ['draft-submitted'],
  approve: ['draft-approved', 'revision-requested'],
  revise: ['draft-submitted'],
  publish: ['answer-published', 'intermediate-published'],
  // konyshevsky p.15: an intermediate answer within the answer deadline meets it; the final has its own clock.
  answer: [
    'answer-published',
    'intermediate-published',
    'explanation-sent',
    'linked-to-published',
    'converted-to-appeal',
    'case-rejected',
  ],
  final: ['answer-published', 'explanation-sent', 'linked-to-published', 'converted-to-appeal'],
  'fast-track': ['answer-published'],
};

export interface FactsOptions {
  readonly profile: Profile;
  readonly calendar: WorkingCalendar;
  /** Open clocks past due at `now` count as overdue. */
  readonly now: Instant;
}

function holderOf(record: ClockRecord, closer: string | null): Holder {
  const r = record.responsible;
  if (r.personId !== null || closer === null || closer === 'system') return r;
  return { ...r, personId: closer };
}

function receiptOf(state: CaseState, record: ClockRecord): Instant | null {
  const dept = record.responsible.departmentId;
  if (record.responsible.role !== 'executor' || dept === null) return null;
  return state.assignments.find((a) => a.departmentId === dept)?.receivedAt ?? null;
}

function settle(
  record: ClockRecord,
  dueAt: Instant | null,
  closing: CaseEvent | null,
  calendar: WorkingCalendar,
  now: Instant,
  receivedAt: Instant | null = null,
): HeldClock {
  const closedAt = closing ? closing.at : null;
  const base = {
    clockId: record.id,
    step: record.step,
    kind: record.kind,
    holder: holderOf(record, closing?.by ?? null),
    startedAt: record.startedAt,
    heldFrom: Math.max(record.startedAt, receivedAt ?? record.startedAt),
    closedAt,
  };
  if (dueAt === null) {
    return { ...base, dueAt, outcome: 'no-limit', decidedAt: closedAt, overdueWorkingMinutes: 0 };
  }
  const end = closedAt ?? now;
  // The scheduler's breach record counts even if a later recomputation moved the due instant.
  const late = end > dueAt || (record.breachedAt !== null && (closedAt === null || closedAt > record.breachedAt));
  // Whole minutes: instants carry seconds, and a report shows minutes at most.
  const overdueWorkingMinutes = late ? Math.max(0, Math.round(calendar.workingMinutesBetween(dueAt, end))) : 0;
  if (late) return { ...base, dueAt, outcome: 'overdue', decidedAt: closedAt ?? dueAt, overdueWorkingMinutes };
  if (closing === null) return { ...base, dueAt, outcome: 'open', decidedAt: null, overdueWorkingMinutes: 0 };
  const completed = COMPLETES[record.step]?.includes(closing.type) ?? false;
  return {
    ...base,
    dueAt,
    outcome: completed ? 'on-time' : 'cancelled',
    decidedAt: closedAt,
    overdueWorkingMinutes: 0,
  };
}

function dueOf(state: CaseState, record: ClockRecord, o: FactsOptions): Instant | null {
  return clockOf(state, record, o.profile, o.calendar, record.startedAt)?.dueAt ?? null;
}

/** krasnoufimsk p.11, konyshevsky p.8, NAO p.15: a return is due within the profile's `return` limit from receipt. */
function returnClock(prev: CaseState, event: Extract<CaseEvent, { type: 'case-returned' }>, o: FactsOptions) {
  const a = prev.assignments.find((x) => x.departmentId === event.departmentId);
  const receivedAt = a?.receivedAt ?? prev.routedAt ?? event.at;
  const due = deadlineOf(o.profile, o.calendar, 'return', {
    category: prev.category,
    topic: prev.topic,
    startOf: () => receivedAt,
    routedAt: prev.routedAt ?? receivedAt,
  });
  const record: ClockRecord = {
    id: `return@${prev.version + 1}:${event.departmentId}`,
    step: 'return',
    kind: 'step',
    startedAt: receivedAt,
    responsible: { role: 'executor', personId: event.by, departmentId: event.departmentId },
    closedAt: event.at,
    atRiskAt: null,
    breachedAt: null,
    dueAt: null,
  };
  return settle(record, due?.at ?? null, event, o.calendar, o.now);
}

/** Folds the events of one case and reads its facts; null when the history does not start with a registration. */
export function caseFacts(events: readonly CaseEvent[], o: FactsOptions): CaseFacts | null {
  let state = initialState;
  const settled: HeldClock[] = [];
  const participants = new Map<string, { receivedAt: Instant; executorIds: Set<string> }>();
  for (const event of events) {
    const prev = state;
    state = evolve(prev, event);
    if (event.type === 'case-returned') settled.push(returnClock(prev, event, o));
    // Clocks this event closed are settled against the state they ran in (shortened deadlines, the draft being
    // approved), not against the final state.
    const nowClosed = new Set(state.clocks.filter((c) => c.closedAt !== null).map((c) => c.id));
    for (const record of prev.clocks) {
      if (record.closedAt !== null || !nowClosed.has(record.id)) continue;
      const after = state.clocks.find((c) => c.id === record.id) ?? record;
      const due = dueOf(prev, record, o);
      settled.push(
        settle({ ...record, breachedAt: after.breachedAt }, due, event, o.calendar, o.now, receiptOf(prev, record)),
      );
    }
    for (const a of state.assignments) {
      if (a.receivedAt === null) continue;
      const p = participants.get(a.departmentId) ?? { receivedAt: a.receivedAt, executorIds: new Set<string>() };
      p.executorIds.add(a.executorId);
      participants.set(a.departmentId, p);
    }
  }
  if (state.caseId === null || state.detectedAt === null || state.message === null) return null;
  for (const record of state.clocks) {
    if (record.closedAt !== null) continue;
    settled.push(settle(record, dueOf(state, record, o), null, o.calendar, o.now, receiptOf(state, record)));
  }
  const firstPublication = (kinds: readonly string[]) => state.publications.find((p) => kinds.includes(p.kind))?.at;
  return {
    caseId: state.caseId,
    profileId: state.profileId,
    detectedAt: state.detectedAt,
    network: state.message.network,
    topic: state.topic,
    location: state.location,
    category: state.category,
    authorName: state.message.author.name,
    sociallySignificant: state.sociallySignificant,
    ending: state.ending,
    closedAt: state.closedAt,
    firstAnswerAt: firstPublication(['intermediate', 'answer']) ?? null,
    answeredAt: firstPublication(['answer']) ?? null,
    intermediateAt: state.intermediatePublishedAt,
    participants: [...participants].map(([departmentId, p]) => ({
      departmentId,
      receivedAt: p.receivedAt,
      executorIds: [...p.executorIds],
      inFinal: state.assignments.some((a) => a.departmentId === departmentId),
    })),
    clocks: settled,
    returns: state.returns.map((r) => ({ departmentId: r.departmentId, by: r.by, at: r.at })),
  };
}
