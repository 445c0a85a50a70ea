// The shape of the monthly summary (konyshevsky p.23, NAO p.28): rows per executor and per department, the
// organisation's totals, the dynamics of messages against the previous month and the most overdue cases.
import type { Instant } from '../calendar/types';
import type { StepId } from '../profiles/schema';

/** Steps reported on, in the order of the life of a message (REGULATIONS.md). */
export const REPORT_STEPS = [
  'triage',
  'return',
  'reroute',
  'contribution',
  'draft',
  'approve',
  'revise',
  'publish',
  'answer',
  'final',
  'explain',
  'department-total',
  'fast-track',
] as const satisfies readonly StepId[];
export type ReportStep = (typeof REPORT_STEPS)[number];

export interface StepTally {
  readonly onTime: number;
  readonly overdue: number;
}

/** One row of the per-executor or per-department table, or the organisation's totals. */
export interface HolderRow {
  /** Person id, department id, or CURATORS_KEY / ORGANISATION_KEY. */
  readonly key: string;
  readonly received: number;
  readonly answered: number;
  readonly steps: Readonly<Record<ReportStep, StepTally>>;
  readonly onTime: number;
  readonly overdue: number;
  /** Returns as not competent (konyshevsky p.8, krasnoufimsk p.11). */
  readonly returns: number;
  readonly revisionRounds: number;
  /** Working hours per case: time the holder held the case (for the organisation: detection → first answer). */
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly intermediate: number;
  readonly finalOnTime: number;
  readonly finalLate: number;
  /** First answers on time / late (a profile without a case-wide limit: every duty before it met). */
  readonly answeredOnTime: number;
  readonly answeredLate: number;
  /** Working minutes the holder had the cases detected in the month (custody). */
  readonly heldMinutes: number;
}

/** Every holder's share of one case's time, in working minutes ('operator', 'curator' or a department id). */
export interface CaseTime {
  readonly caseId: string;
  readonly shares: readonly { readonly key: string; readonly minutes: number }[];
}

export interface DynamicsRow {
  /** '' when the case has no value yet (not triaged). */
  readonly value: string;
  readonly current: number;
  readonly previous: number;
  readonly delta: number;
}

export interface OverdueCase {
  readonly caseId: string;
  readonly step: StepId;
  readonly holder: { readonly role: string; readonly personId: string | null; readonly departmentId: string | null };
  readonly dueAt: Instant;
  readonly closedAt: Instant | null;
  readonly overdueWorkingMinutes: number;
}

export interface MonthlySummary {
  readonly month: string;
  readonly previousMonth: string;
  readonly timeZone: string;
  /** The instant the summary was computed at: open clocks past due by then count as overdue. */
  readonly computedAt: Instant;
  readonly totals: HolderRow;
  /** Every person who held a clock or received a case: executors, and curators by name when they acted. */
  readonly people: readonly HolderRow[];
  readonly departments: readonly HolderRow[];
  readonly dynamics: {
    readonly topic: readonly DynamicsRow[];
    readonly location: readonly DynamicsRow[];
    readonly network: readonly DynamicsRow[];
    readonly category: readonly DynamicsRow[];
  };
  readonly topOverdue: readonly OverdueCase[];
  /** Every holder's share of each case detected in the month. */
  readonly caseTime: readonly CaseTime[];
  /** Drill-down: the cases behind each number, by cell key (see `cellKey`). */
  readonly drill: Readonly<Record<string, readonly string[]>>;
}

/** Curator and operator clocks whose holder is not known (e.g. any curator, nobody acted yet). */
export const CURATORS_KEY = 'curators';
export const ORGANISATION_KEY = 'organisation';

export type Scope = 'person' | 'department' | 'organisation' | 'topic' | 'location' | 'network' | 'category';

/** The key of a drill-down cell, e.g. cellKey('department', id, 'overdue', 'triage'). */
export function cellKey(scope: Scope, key: string, metric: string, step?: string): string {
  return step === undefined ? `${scope}|${key}|${metric}` : `${scope}|${key}|${metric}|${step}`;
}
