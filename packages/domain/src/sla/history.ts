// The life of every clock of one case, read from its event history: when it started, its due instant in the state it
// ran in, when it stopped, whether and when it was breached and whom the breach is charged to; and every holder's
// share of the case's time. The regulation sandbox (`otklik replay`), the reports and the case screen read this.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { HolderKind, Profile, StepId } from '../profiles/schema';
import type { CaseEvent } from '../workflow/events';
import { evolve } from '../workflow/evolve';
import { clockHolders, holderKey } from '../workflow/holders';
import { initialState } from '../workflow/state';
import type { CaseState, ClockRecord, Responsible } from '../workflow/types';
import { deadlineOfRecord } from './clocks';
import { deadlineOf } from './deadline';

export type ClockOutcome = 'on-time' | 'overdue' | 'open' | 'no-limit' | 'cancelled';

export interface ClockLife {
  readonly clockId: string;
  readonly step: StepId;
  readonly kind: 'step' | 'overall';
  readonly holder: HolderKind;
  readonly startedAt: Instant;
  /** The due instant in the state the clock ran in (at its stop, or at the end); null: no limit of its own. */
  readonly dueAt: Instant | null;
  readonly stoppedAt: Instant | null;
  readonly closedAs: 'stopped' | 'cancelled' | null;
  /** The breach instant (due, or a re-categorisation); null when not breached. */
  readonly breachAt: Instant | null;
  /** Whom the breach is charged to (the holders at the breach instant). */
  readonly breachHolders: readonly Responsible[];
  /** Who held it when it stopped (or at the end): for a case-wide clock, whoever had the case then. */
  readonly holders: readonly Responsible[];
  readonly outcome: ClockOutcome;
  /** When the outcome became known: the stop, or the breach of a clock still open. */
  readonly decidedAt: Instant | null;
  /** Working minutes past the due instant (0 when on time). */
  readonly overdueWorkingMinutes: number;
  /** The person who stopped it (a curator clock is held by "any curator" until someone acts). */
  readonly stoppedBy: string | null;
}

export interface HolderShare {
  readonly holder: Responsible;
  /** 'operator' | 'curator' | department id. */
  readonly key: string;
  /** Working minutes the holder had the case (parallel departments holding at once each count the time). */
  readonly minutes: number;
}

export interface CaseHistory {
  readonly state: CaseState;
  readonly clocks: readonly ClockLife[];
  readonly shares: readonly HolderShare[];
}

export interface HistoryOptions {
  readonly profile: Profile;
  readonly calendar: WorkingCalendar;
  /** The end of the history for clocks still open (and for the time of a case still open). */
  readonly until: Instant;
}

function settle(state: CaseState, record: ClockRecord, o: HistoryOptions, stoppedBy: string | null): ClockLife {
  const { profile, calendar } = o;
  let due = deadlineOfRecord(state, record, profile, calendar)?.at ?? null;
  let breachAt = record.breachAt;
  let breachHolders = record.breachHolders ?? [];
  if (record.step === 'return' && due === null && record.dueAt === null) {
    // An older return event did not carry its window: the profile's limit from the receipt says.
    due =
      deadlineOf(profile, calendar, 'return', {
        startOf: () => record.startedAt,
        routedAt: record.startedAt,
        category: state.category,
        high: state.high,
      })?.at ?? null;
  }
  if (record.step === 'return') due = record.dueAt ?? due;
  const holders = clockHolders(state, record);
  const end = record.closedAt ?? o.until;
  if (breachAt === null && due !== null) {
    const limitAt = Math.max(due, record.notBefore ?? due);
    // Not recorded (older data, or a clock still open at the end): past its limit is past its limit.
    if (end > limitAt && (record.closedAt === null || record.step === 'return' || record.closedAs === 'stopped')) {
      breachAt = record.step === 'return' ? end : limitAt;
      breachHolders = holders;
    }
  }
  const base = {
    clockId: record.id,
    step: record.step,
    kind: record.kind,
    holder: record.holder,
    startedAt: record.startedAt,
    dueAt: due,
    stoppedAt: record.closedAt,
    closedAs: record.closedAs,
    breachAt,
    breachHolders,
    holders,
    stoppedBy,
  };
  if (breachAt !== null) {
    const from = due ?? breachAt;
    return {
      ...base,
      outcome: 'overdue',
      decidedAt: record.closedAt ?? breachAt,
      // Whole minutes: instants carry seconds, and a report shows minutes at most.
      overdueWorkingMinutes: Math.max(0, Math.round(calendar.workingMinutesBetween(from, end))),
    };
  }
  if (due === null) return { ...base, outcome: 'no-limit', decidedAt: record.closedAt, overdueWorkingMinutes: 0 };
  if (record.closedAt === null) return { ...base, outcome: 'open', decidedAt: null, overdueWorkingMinutes: 0 };
  return {
    ...base,
    outcome: record.closedAs === 'stopped' ? 'on-time' : 'cancelled',
    decidedAt: record.closedAt,
    overdueWorkingMinutes: 0,
  };
}

/** Every holder's working minutes with the case, from its custody timeline up to its closing (or `until`). */
export function holderShares(state: CaseState, calendar: WorkingCalendar, until: Instant): HolderShare[] {
  const end = state.closedAt ?? until;
  const totals = new Map<string, HolderShare>();
  state.custody.forEach((entry, i) => {
    const to = Math.min(state.custody[i + 1]?.from ?? end, end);
    if (to <= entry.from) return;
    const minutes = calendar.workingMinutesBetween(entry.from, to);
    for (const holder of entry.holders) {
      const key = holderKey(holder);
      const id = `${key}|${holder.personId ?? ''}`;
      const prev = totals.get(id);
      totals.set(id, { holder, key, minutes: (prev?.minutes ?? 0) + minutes });
    }
  });
  return [...totals.values()];
}

/** Folds the events of one case; each clock is settled against the state it ran in when it stopped. */
export function caseHistory(events: readonly CaseEvent[], o: HistoryOptions): CaseHistory {
  let state = initialState;
  const lives = new Map<string, ClockLife>();
  for (const event of events) {
    const prev = state;
    state = evolve(prev, event);
    for (const record of state.clocks) {
      if (record.closedAt === null || lives.has(record.id)) continue;
      const before = prev.clocks.find((c) => c.id === record.id);
      // Settled in the state it ran in (its deadline, its holders), with what the event recorded on it.
      const ranIn = before ? { ...prev, clocks: prev.clocks } : state;
      lives.set(record.id, settle(ranIn, record, o, event.by === 'system' ? null : event.by));
    }
    // A breach recorded on a clock already settled (a late return is closed and breached at once) is kept as is.
  }
  for (const record of state.clocks) {
    if (record.closedAt !== null) continue;
    lives.set(record.id, settle(state, record, o, null));
  }
  const order = new Map(state.clocks.map((c, i) => [c.id, i]));
  const clocks = [...lives.values()].sort(
    (a, b) => a.startedAt - b.startedAt || (order.get(a.clockId) ?? 0) - (order.get(b.clockId) ?? 0),
  );
  return { state, clocks, shares: holderShares(state, o.calendar, o.until) };
}
