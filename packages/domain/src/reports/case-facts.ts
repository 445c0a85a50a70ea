// What the reports need to know about one case, read from its event history (sla/history.ts): every clock with its
// due instant and outcome, the parties it is charged to (a breach to whoever held the clock at the breach instant,
// REGULATIONS.md "Clocks exactly"), every holder's share of the case's time, returns, participants, publications.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Category, Profile, StepId } from '../profiles/schema';
import { type ClockLife, type ClockOutcome, caseHistory } from '../sla/history';
import type { CaseEvent } from '../workflow/events';
import type { CaseState, Responsible } from '../workflow/types';

/** Who a clock is charged to: a person and department, or "any curator/operator" (personId null). */
export interface Holder {
  readonly role: Responsible['role'];
  readonly personId: string | null;
  readonly departmentId: string | null;
}

export type StepOutcome = ClockOutcome;

export interface HeldClock {
  readonly clockId: string;
  readonly step: StepId;
  readonly kind: 'step' | 'overall';
  /** The first of `charged` (the top-overdue list names one). */
  readonly holder: Holder;
  /** Whom the outcome counts for: the holders at the breach instant of an overdue clock; the holders while it ran
   *  of a clock met on time. */
  readonly charged: readonly Holder[];
  readonly startedAt: Instant;
  readonly closedAt: Instant | null;
  /** null when the profile sets no limit of its own for the clock. */
  readonly dueAt: Instant | null;
  readonly outcome: StepOutcome;
  /** When the outcome became known: the closing instant, or the breach of a clock still open past it. */
  readonly decidedAt: Instant | null;
  /** Working minutes past the due instant (0 when on time). */
  readonly overdueWorkingMinutes: number;
}

export interface Participation {
  readonly departmentId: string;
  readonly executorIds: readonly string[];
  readonly receivedAt: Instant;
  /** Still assigned at the end (false for a department that returned the message or was moved off it). */
  readonly inFinal: boolean;
}

export interface CaseShare {
  readonly holder: Holder;
  /** 'operator' | 'curator' | department id. */
  readonly key: string;
  readonly minutes: number;
}

export interface CaseFacts {
  readonly caseId: string;
  readonly profileId: string | null;
  readonly detectedAt: Instant;
  readonly network: string;
  readonly topic: string | null;
  readonly location: string | null;
  readonly category: Category | null;
  readonly high: boolean;
  readonly authorName: string;
  readonly sociallySignificant: boolean;
  readonly ending: CaseState['ending'];
  readonly closedAt: Instant | null;
  /** First publication to the author (intermediate or answer): the "answer time" of the case. */
  readonly firstAnswerAt: Instant | null;
  readonly answeredAt: Instant | null;
  readonly intermediateAt: Instant | null;
  /** Was the first answer on time: the case-wide clock met, or — where the profile sets none (slavgorod,
   *  krasnoufimsk) — every clock up to the first publication met. null while unanswered. */
  readonly answerOnTime: boolean | null;
  readonly participants: readonly Participation[];
  readonly clocks: readonly HeldClock[];
  readonly returns: readonly { readonly departmentId: string; readonly by: string; readonly at: Instant }[];
  /** Every holder's working minutes with the case (operator, curator, each department). */
  readonly shares: readonly CaseShare[];
}

export interface FactsOptions {
  readonly profile: Profile;
  readonly calendar: WorkingCalendar;
  /** Open clocks past due at `now` count as overdue. */
  readonly now: Instant;
}

/** A curator's or operator's clock is "any curator's" until someone acts: then it is the person who stopped it. */
function named(r: Responsible, stoppedBy: string | null): Holder {
  if (r.personId !== null || stoppedBy === null || r.role === 'executor') return r;
  return { ...r, personId: stoppedBy };
}

function uniqueHolders(list: readonly Holder[]): Holder[] {
  const seen = new Set<string>();
  return list.filter((h) => {
    const key = `${h.role}|${h.personId ?? ''}|${h.departmentId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Everyone who held the case while a case-wide clock ran. */
function custodyBetween(state: CaseState, from: Instant, to: Instant): Holder[] {
  return uniqueHolders(
    state.custody.flatMap((entry, i) => {
      const end = state.custody[i + 1]?.from ?? Number.POSITIVE_INFINITY;
      return end > from && entry.from < to ? entry.holders : [];
    }),
  );
}

function held(state: CaseState, life: ClockLife): HeldClock {
  let charged: Holder[];
  if (life.outcome === 'overdue') {
    charged = life.breachHolders.map((h) => named(h, life.stoppedBy));
  } else if ((life.holder === 'case' || life.holder === 'composer') && life.outcome === 'on-time') {
    charged = custodyBetween(state, life.startedAt, life.stoppedAt ?? life.startedAt);
  } else {
    charged = life.holders.map((h) => named(h, life.stoppedBy));
  }
  const fallback: Holder = { role: 'curator', personId: null, departmentId: null };
  return {
    clockId: life.clockId,
    step: life.step,
    kind: life.kind,
    holder: charged[0] ?? fallback,
    charged: uniqueHolders(charged),
    startedAt: life.startedAt,
    closedAt: life.stoppedAt,
    dueAt: life.dueAt,
    outcome: life.outcome,
    decidedAt: life.decidedAt,
    overdueWorkingMinutes: life.overdueWorkingMinutes,
  };
}

/** Folds the events of one case and reads its facts; null when the history does not start with a registration. */
export function caseFacts(events: readonly CaseEvent[], o: FactsOptions): CaseFacts | null {
  const history = caseHistory(events, { profile: o.profile, calendar: o.calendar, until: o.now });
  const { state } = history;
  if (state.caseId === null || state.detectedAt === null || state.message === null) return null;
  const participants = new Map<string, { receivedAt: Instant; executorIds: Set<string> }>();
  // Every department that had the case, also one that returned it or was moved off it (custody remembers).
  for (const entry of state.custody) {
    for (const h of entry.holders) {
      if (h.role !== 'executor' || h.departmentId === null) continue;
      const p = participants.get(h.departmentId) ?? { receivedAt: entry.from, executorIds: new Set<string>() };
      if (h.personId) p.executorIds.add(h.personId);
      participants.set(h.departmentId, p);
    }
  }
  for (const a of state.assignments) {
    if (a.receivedAt === null) continue;
    const p = participants.get(a.departmentId) ?? { receivedAt: a.receivedAt, executorIds: new Set<string>() };
    p.executorIds.add(a.executorId);
    p.receivedAt = Math.min(p.receivedAt, a.receivedAt);
    participants.set(a.departmentId, p);
  }
  for (const r of state.returns) {
    const p = participants.get(r.departmentId);
    if (p) p.executorIds.add(r.by);
  }
  const firstPublication = (kinds: readonly string[]) => state.publications.find((p) => kinds.includes(p.kind))?.at;
  const firstAnswerAt = firstPublication(['intermediate', 'answer']) ?? null;
  const clocks = history.clocks.map((life) => held(state, life));
  const answer = clocks.find((c) => c.step === 'answer');
  let answerOnTime: boolean | null = null;
  if (firstAnswerAt !== null) {
    answerOnTime =
      answer && answer.outcome !== 'no-limit'
        ? answer.outcome === 'on-time'
        : !clocks.some(
            (c) =>
              c.outcome === 'overdue' && c.startedAt <= firstAnswerAt && c.step !== 'final' && c.step !== 'fast-track',
          );
  }
  return {
    caseId: state.caseId,
    profileId: state.profileId,
    detectedAt: state.detectedAt,
    network: state.message.network,
    topic: state.topic,
    location: state.location,
    category: state.category,
    high: state.high,
    authorName: state.message.author.name,
    sociallySignificant: state.sociallySignificant,
    ending: state.ending,
    closedAt: state.closedAt,
    firstAnswerAt,
    answeredAt: firstPublication(['answer']) ?? null,
    intermediateAt: state.intermediatePublishedAt,
    answerOnTime,
    participants: [...participants].map(([departmentId, p]) => ({
      departmentId,
      receivedAt: p.receivedAt,
      executorIds: [...p.executorIds],
      inFinal: state.assignments.some((a) => a.departmentId === departmentId),
    })),
    clocks,
    returns: state.returns.map((r) => ({ departmentId: r.departmentId, by: r.by, at: r.at })),
    shares: history.shares.map((s) => ({ holder: s.holder, key: s.key, minutes: s.minutes })),
  };
}
