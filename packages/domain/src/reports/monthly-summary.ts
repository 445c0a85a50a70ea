// The monthly summary as a pure function of the cases' facts: counts per person, per department and for the
// organisation, dynamics against the previous month, the most overdue cases, and the cases behind every number.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { CaseFacts, HeldClock } from './case-facts';
import { inRange, type MonthRange } from './month';
import { median, percentile } from './stats';
import {
  type CaseTime,
  CURATORS_KEY,
  cellKey,
  type DynamicsRow,
  type HolderRow,
  type MonthlySummary,
  ORGANISATION_KEY,
  type OverdueCase,
  REPORT_STEPS,
  type ReportStep,
  type Scope,
  type StepTally,
} from './summary-types';

export interface SummaryInput {
  /** Facts of every case with anything in the month or the previous one (extra cases are ignored). */
  readonly facts: readonly CaseFacts[];
  readonly month: MonthRange;
  readonly previous: MonthRange;
  readonly timeZone: string;
  readonly calendar: WorkingCalendar;
  readonly computedAt: Instant;
  /** How many of the most overdue cases to list (default 10). */
  readonly topOverdue?: number;
}

const isReportStep = (s: string): s is ReportStep => (REPORT_STEPS as readonly string[]).includes(s);
const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 10) / 10);

/** Accumulates one row and the drill-down lists of its cells. */
class RowBuilder {
  received = new Set<string>();
  answered = new Set<string>();
  steps = new Map<ReportStep, { onTime: number; overdue: number }>();
  returns = 0;
  revisionRounds = 0;
  intermediate = new Set<string>();
  finalOnTime = new Set<string>();
  finalLate = new Set<string>();
  answeredOnTime = new Set<string>();
  answeredLate = new Set<string>();
  /** Per case: the working minutes the holder had it (custody; for the held-time median). */
  held = new Map<string, number>();
  /** Organisation only: detection → first answer, per case. */
  answerMinutes: number[] = [];
  drill = new Map<string, Set<string>>();

  constructor(
    readonly scope: Scope,
    readonly key: string,
  ) {}

  mark(metric: string, caseId: string, step?: string) {
    const k = cellKey(this.scope, this.key, metric, step);
    const set = this.drill.get(k) ?? new Set<string>();
    set.add(caseId);
    this.drill.set(k, set);
  }

  tally(clock: HeldClock, caseId: string) {
    if (!isReportStep(clock.step) || (clock.outcome !== 'on-time' && clock.outcome !== 'overdue')) return;
    const t = this.steps.get(clock.step) ?? { onTime: 0, overdue: 0 };
    if (clock.outcome === 'on-time') t.onTime += 1;
    else t.overdue += 1;
    this.steps.set(clock.step, t);
    this.mark(clock.outcome === 'on-time' ? 'onTime' : 'overdue', caseId, clock.step);
    this.mark(clock.outcome === 'on-time' ? 'onTime' : 'overdue', caseId);
  }

  hold(caseId: string, minutes: number) {
    this.held.set(caseId, (this.held.get(caseId) ?? 0) + minutes);
  }

  build(): HolderRow {
    const steps = Object.fromEntries(
      REPORT_STEPS.map((s) => [s, this.steps.get(s) ?? { onTime: 0, overdue: 0 }]),
    ) as Record<ReportStep, StepTally>;
    const all = [...this.steps.values()];
    const durations = this.scope === 'organisation' ? this.answerMinutes : [...this.held.values()];
    return {
      key: this.key,
      received: this.received.size,
      answered: this.answered.size,
      steps,
      onTime: all.reduce((n, t) => n + t.onTime, 0),
      overdue: all.reduce((n, t) => n + t.overdue, 0),
      returns: this.returns,
      revisionRounds: this.revisionRounds,
      medianHours: hours(median(durations)),
      p90Hours: hours(percentile(durations, 90)),
      intermediate: this.intermediate.size,
      finalOnTime: this.finalOnTime.size,
      finalLate: this.finalLate.size,
      answeredOnTime: this.answeredOnTime.size,
      answeredLate: this.answeredLate.size,
      heldMinutes: Math.round([...this.held.values()].reduce((n, m) => n + m, 0)),
    };
  }
}

function dynamics(
  facts: readonly CaseFacts[],
  pick: (f: CaseFacts) => string | null,
  month: MonthRange,
  previous: MonthRange,
  scope: Scope,
  drill: Map<string, Set<string>>,
): DynamicsRow[] {
  const rows = new Map<string, { current: number; previous: number }>();
  for (const f of facts) {
    const cur = inRange(f.detectedAt, month);
    if (!cur && !inRange(f.detectedAt, previous)) continue;
    const value = pick(f) ?? '';
    const r = rows.get(value) ?? { current: 0, previous: 0 };
    if (cur) r.current += 1;
    else r.previous += 1;
    rows.set(value, r);
    const k = cellKey(scope, value, cur ? 'current' : 'previous');
    drill.set(k, (drill.get(k) ?? new Set()).add(f.caseId));
  }
  return [...rows]
    .map(([value, r]) => ({ value, current: r.current, previous: r.previous, delta: r.current - r.previous }))
    .sort((a, b) => b.current - a.current || b.previous - a.previous || a.value.localeCompare(b.value));
}

/** A row with anything in the month (participants of a case that only had activity in another month are dropped). */
const isActive = (r: HolderRow) =>
  r.received +
    r.answered +
    r.heldMinutes +
    r.onTime +
    r.overdue +
    r.returns +
    r.revisionRounds +
    r.intermediate +
    r.finalOnTime +
    r.finalLate >
  0;

/** The clock's instant for the month: when its outcome became known (closing, or the due instant passed). */
const decidedIn = (c: HeldClock, m: MonthRange) => inRange(c.decidedAt, m);

export function monthlySummary(input: SummaryInput): MonthlySummary {
  const { month, calendar } = input;
  const org = new RowBuilder('organisation', ORGANISATION_KEY);
  const people = new Map<string, RowBuilder>();
  const departments = new Map<string, RowBuilder>();
  const rowOf = (map: Map<string, RowBuilder>, scope: Scope, key: string) => {
    const found = map.get(key);
    if (found) return found;
    const r = new RowBuilder(scope, key);
    map.set(key, r);
    return r;
  };
  const person = (id: string) => rowOf(people, 'person', id);
  const department = (id: string | null) => rowOf(departments, 'department', id ?? CURATORS_KEY);
  const overdue = new Map<string, OverdueCase>();
  const caseShares: CaseTime[] = [];

  for (const f of input.facts) {
    const id = f.caseId;
    // Answers and the final's timeliness belong to the departments still on the case, not to one that returned it.
    const participantRows = f.participants
      .filter((p) => p.inFinal)
      .flatMap((p) => [department(p.departmentId), ...p.executorIds.map(person)]);
    if (inRange(f.detectedAt, month)) {
      org.received.add(id);
      org.mark('received', id);
    }
    for (const p of f.participants) {
      if (!inRange(p.receivedAt, month)) continue;
      for (const r of [department(p.departmentId), ...p.executorIds.map(person)]) {
        r.received.add(id);
        r.mark('received', id);
      }
    }
    if (inRange(f.answeredAt, month)) {
      for (const r of [org, ...participantRows]) {
        r.answered.add(id);
        r.mark('answered', id);
      }
    }
    if (inRange(f.firstAnswerAt, month)) {
      org.answerMinutes.push(calendar.workingMinutesBetween(f.detectedAt, f.firstAnswerAt));
      if (f.answerOnTime !== null) {
        // slavgorod, krasnoufimsk: no case-wide limit, so an answer is on time when every duty before it was met.
        const metric = f.answerOnTime ? 'answeredOnTime' : 'answeredLate';
        for (const r of [org, ...participantRows]) {
          (f.answerOnTime ? r.answeredOnTime : r.answeredLate).add(id);
          r.mark(metric, id);
        }
      }
    }
    if (inRange(f.detectedAt, month)) {
      // Every holder's share of the case's time (operator, curator, each department and its executors).
      caseShares.push({
        caseId: id,
        shares: f.shares.map((sh) => ({ key: sh.key, minutes: Math.round(sh.minutes) })),
      });
      for (const sh of f.shares) {
        const rows =
          sh.holder.role === 'executor'
            ? [department(sh.holder.departmentId), ...(sh.holder.personId ? [person(sh.holder.personId)] : [])]
            : [department(null)];
        for (const r of rows) r.hold(id, sh.minutes);
      }
    }
    if (inRange(f.intermediateAt, month)) {
      for (const r of [org, ...participantRows]) {
        r.intermediate.add(id);
        r.mark('intermediate', id);
      }
    }
    for (const ret of f.returns) {
      if (!inRange(ret.at, month)) continue;
      for (const r of [org, department(ret.departmentId), person(ret.by)]) {
        r.returns += 1;
        r.mark('returns', id);
      }
    }
    for (const c of f.clocks) {
      // The final answer's timeliness belongs to everyone who worked on the case (konyshevsky p.15).
      if (c.step === 'final' && decidedIn(c, month) && (c.outcome === 'on-time' || c.outcome === 'overdue')) {
        const metric = c.outcome === 'on-time' ? 'finalOnTime' : 'finalLate';
        for (const r of [org, ...participantRows]) {
          (c.outcome === 'on-time' ? r.finalOnTime : r.finalLate).add(id);
          r.mark(metric, id);
        }
      }
      if (c.step === 'revise' && inRange(c.startedAt, month)) {
        for (const r of [org, ...holderRows(c)]) {
          r.revisionRounds += 1;
          r.mark('revisionRounds', id);
        }
      }
      if (!decidedIn(c, month)) continue;
      org.tally(c, id);
      // Each clock counts against its holders: a breach against whoever held it at the breach instant (the case-wide
      // answer clock included), a clock met on time for whoever held it.
      for (const r of holderRows(c)) r.tally(c, id);
      if (c.outcome === 'overdue') {
        const prev = overdue.get(id);
        if (!prev || prev.overdueWorkingMinutes < c.overdueWorkingMinutes) {
          overdue.set(id, {
            caseId: id,
            step: c.step,
            holder: c.holder,
            dueAt: c.dueAt ?? c.startedAt,
            closedAt: c.closedAt,
            overdueWorkingMinutes: c.overdueWorkingMinutes,
          });
        }
      }
    }
  }

  function holderRows(c: HeldClock): RowBuilder[] {
    const rows = new Set<RowBuilder>();
    for (const h of c.charged) {
      rows.add(department(h.departmentId));
      if (h.personId) rows.add(person(h.personId));
    }
    return [...rows];
  }

  const drill = new Map<string, Set<string>>();
  const dyn = (pick: (f: CaseFacts) => string | null, scope: Scope) =>
    dynamics(input.facts, pick, month, input.previous, scope, drill);
  const result = {
    topic: dyn((f) => f.topic, 'topic'),
    location: dyn((f) => f.location, 'location'),
    network: dyn((f) => f.network, 'network'),
    category: dyn((f) => f.category, 'category'),
  };
  const builders = [org, ...people.values(), ...departments.values()];
  for (const b of builders) for (const [k, v] of b.drill) drill.set(k, v);
  const byActivity = (a: HolderRow, b: HolderRow) =>
    b.received + b.onTime + b.overdue - (a.received + a.onTime + a.overdue) || a.key.localeCompare(b.key);
  const top = [...overdue.values()]
    .sort((a, b) => b.overdueWorkingMinutes - a.overdueWorkingMinutes || a.caseId.localeCompare(b.caseId))
    .slice(0, input.topOverdue ?? 10);
  drill.set(cellKey('organisation', ORGANISATION_KEY, 'topOverdue'), new Set(top.map((t) => t.caseId)));
  return {
    month: month.month,
    previousMonth: input.previous.month,
    timeZone: input.timeZone,
    computedAt: input.computedAt,
    totals: org.build(),
    people: [...people.values()]
      .map((b) => b.build())
      .filter(isActive)
      .sort(byActivity),
    departments: [...departments.values()]
      .map((b) => b.build())
      .filter(isActive)
      .sort(byActivity),
    dynamics: result,
    topOverdue: top,
    caseTime: caseShares.sort((a, b) => a.caseId.localeCompare(b.caseId)),
    drill: Object.fromEntries([...drill].map(([k, v]) => [k, [...v]])),
  };
}
