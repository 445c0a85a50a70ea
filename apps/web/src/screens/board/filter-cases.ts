// The board's query, kept in the URL: filters, search and the nearest-deadline order, as pure functions over rows.
import { type ClockStatus, clockStatus } from '@otklik/domain';
import type { BoardCase } from '../../api/types';

export interface BoardFilters {
  readonly org: string;
  readonly dept: string;
  readonly category: string;
  readonly status: string;
  readonly network: string;
  readonly topic: string;
  readonly q: string;
}

export const FILTER_KEYS = ['org', 'dept', 'category', 'status', 'network', 'topic', 'q'] as const;

export function filtersFromParams(params: URLSearchParams): BoardFilters {
  const get = (k: string): string => params.get(k) ?? '';
  return {
    org: get('org'),
    dept: get('dept'),
    category: get('category'),
    status: get('status'),
    network: get('network'),
    topic: get('topic'),
    q: get('q'),
  };
}

/** The deadline a row is sorted and coloured by: the current step's clock, else the overall one. */
export function urgentDueAt(c: BoardCase): number {
  return c.stepClock?.dueAt ?? c.overallDueAt ?? Number.POSITIVE_INFINITY;
}

function matchesSearch(c: BoardCase, q: string): boolean {
  const trimmed = q.trim();
  // '№12' or '#12' means exactly case 12, not every text with a 12 in it.
  const exact = /^[#№](\d+)$/.exec(trimmed);
  if (exact) return String(c.number) === exact[1];
  const needle = trimmed.toLowerCase();
  if (needle === '') return true;
  if (String(c.number) === needle) return true;
  return [c.excerpt, c.topic, c.location, c.authorName, c.responsibleName, c.departmentName].some((s) =>
    s?.toLowerCase().includes(needle),
  );
}

/** Rows that pass the filters, nearest deadline first (ties: the older case first). */
export function filterAndSort(rows: Iterable<BoardCase>, f: BoardFilters): BoardCase[] {
  const out: BoardCase[] = [];
  for (const c of rows) {
    if (f.org && c.organisationId !== f.org) continue;
    if (f.dept && c.departmentId !== f.dept) continue;
    if (f.category === 'high' ? !c.high : f.category && c.category !== f.category) continue;
    if (f.status && c.status !== f.status) continue;
    if (f.network && c.network !== f.network) continue;
    if (f.topic && c.topic !== f.topic) continue;
    if (!matchesSearch(c, f.q)) continue;
    out.push(c);
  }
  return out.sort((a, b) => urgentDueAt(a) - urgentDueAt(b) || a.detectedAt - b.detectedAt);
}

/** The domain's clock status: one boundary for the board, the countdowns and the scheduler. */
export type Urgency = ClockStatus;

/** Urgency at `now` from the clock's own instants: no calendar arithmetic, so counting 10,000 rows is cheap. */
export function urgencyOf(c: BoardCase, now: number): Urgency {
  const clock = c.stepClock;
  const due = urgentDueAt(c);
  return clockStatus({ dueAt: due, atRiskAt: clock?.atRiskAt ?? c.overallAtRiskAt ?? null }, now);
}

export function countByUrgency(rows: readonly BoardCase[], now: number): Record<Urgency, number> {
  const counts: Record<Urgency, number> = { 'on-track': 0, 'at-risk': 0, breached: 0 };
  for (const c of rows) counts[urgencyOf(c, now)] += 1;
  return counts;
}

export function countByStatus(rows: Iterable<BoardCase>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of rows) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return counts;
}
