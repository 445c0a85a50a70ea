// The board's query, kept in the URL: filters, search, urgency and the sort order, as pure functions over rows.
import { type ClockStatus, clockStatus, firstBreachedInstant } from '@otklik/domain';
import type { BoardCase } from '../../api/types';

export const URGENCIES: readonly Urgency[] = ['breached', 'at-risk', 'on-track'];

export interface BoardFilters {
  readonly org: string;
  readonly dept: string;
  readonly category: string;
  readonly status: string;
  readonly network: string;
  readonly topic: string;
  /** '' or an Urgency: the overdue and at-risk counts set it. */
  readonly urgency: string;
  readonly q: string;
}

export const FILTER_KEYS = ['org', 'dept', 'category', 'status', 'network', 'topic', 'urgency', 'q'] as const;

/** Sortable columns: the current step's deadline is the board's natural order. */
export const SORT_KEYS = ['due', 'overall', 'number', 'responsible', 'category', 'network', 'location', 'age'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface BoardSort {
  readonly key: SortKey;
  readonly dir: SortDir;
}
export const DEFAULT_SORT: BoardSort = { key: 'due', dir: 'asc' };

/** Every query parameter the board owns: filters, sort and direction. */
export const QUERY_KEYS = [...FILTER_KEYS, 'sort', 'dir'] as const;

const isUrgency = (v: string): v is Urgency => (URGENCIES as readonly string[]).includes(v);

export function filtersFromParams(params: URLSearchParams): BoardFilters {
  const get = (k: string): string => params.get(k) ?? '';
  const urgency = get('urgency');
  return {
    org: get('org'),
    dept: get('dept'),
    category: get('category'),
    status: get('status'),
    network: get('network'),
    topic: get('topic'),
    // An unknown urgency in a hand-edited link filters nothing rather than everything.
    urgency: isUrgency(urgency) ? urgency : '',
    q: get('q'),
  };
}

export function sortFromParams(params: URLSearchParams): BoardSort {
  const key = params.get('sort') ?? '';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, dir } : { ...DEFAULT_SORT, dir };
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

/** The domain's clock status: one boundary for the board, the countdowns and the scheduler. */
export type Urgency = ClockStatus;

/** Urgency at `now` from the clock's own instants: no calendar arithmetic, so counting 10,000 rows is cheap. */
export function urgencyOf(c: BoardCase, now: number): Urgency {
  const clock = c.stepClock;
  const due = urgentDueAt(c);
  return clockStatus({ dueAt: due, atRiskAt: clock?.atRiskAt ?? c.overallAtRiskAt ?? null }, now);
}

/** Rows that pass the filters, in their stored order. `now` judges the urgency filter. */
export function filterCases(rows: Iterable<BoardCase>, f: BoardFilters, now: number): BoardCase[] {
  const out: BoardCase[] = [];
  for (const c of rows) {
    if (f.org && c.organisationId !== f.org) continue;
    if (f.dept && c.departmentId !== f.dept) continue;
    if (f.category === 'high' ? !c.high : f.category && c.category !== f.category) continue;
    if (f.status && c.status !== f.status) continue;
    if (f.network && c.network !== f.network) continue;
    if (f.topic && c.topic !== f.topic) continue;
    if (f.urgency && urgencyOf(c, now) !== f.urgency) continue;
    if (!matchesSearch(c, f.q)) continue;
    out.push(c);
  }
  return out;
}

const byText = (a: string | null, b: string | null): number => {
  // Empty values go last whichever the direction: they are the least interesting.
  if (a === b) return 0;
  if (a === null || a === '') return Number.POSITIVE_INFINITY;
  if (b === null || b === '') return Number.NEGATIVE_INFINITY;
  return a.localeCompare(b, 'ru');
};

/** Ascending comparison of one column; ties are broken by the nearest deadline, then the older case. */
function compareBy(key: SortKey, a: BoardCase, b: BoardCase): number {
  switch (key) {
    case 'due':
      return urgentDueAt(a) - urgentDueAt(b);
    case 'overall':
      return (a.overallDueAt ?? Number.POSITIVE_INFINITY) - (b.overallDueAt ?? Number.POSITIVE_INFINITY);
    case 'number':
      return a.number - b.number;
    case 'responsible':
      return byText(
        a.stepClock?.responsibleName ?? a.responsibleName,
        b.stepClock?.responsibleName ?? b.responsibleName,
      );
    case 'category': {
      // Most important first: high importance, then fast-track, then ordinary.
      const rank = (c: BoardCase) => (c.high ? 0 : c.category === 'fast-track' ? 1 : 2);
      return rank(a) - rank(b);
    }
    case 'network':
      return byText(a.network, b.network);
    case 'location':
      return byText(a.location, b.location);
    case 'age':
      // Oldest first: the citizen who has waited longest.
      return a.detectedAt - b.detectedAt;
  }
}

const sign = (n: number): number => (n === Number.POSITIVE_INFINITY ? 1 : n === Number.NEGATIVE_INFINITY ? -1 : n);

export function sortCases(rows: BoardCase[], sort: BoardSort = DEFAULT_SORT): BoardCase[] {
  const dir = sort.dir === 'desc' ? -1 : 1;
  return rows.sort((a, b) => {
    const primary = compareBy(sort.key, a, b);
    // Missing values stay last in both directions.
    if (!Number.isFinite(primary) && !Number.isNaN(primary)) return sign(primary);
    return dir * primary || urgentDueAt(a) - urgentDueAt(b) || a.detectedAt - b.detectedAt;
  });
}

/** Rows that pass the filters, in the chosen order (default: nearest deadline first, ties: the older case first). */
export function filterAndSort(
  rows: Iterable<BoardCase>,
  f: BoardFilters,
  sort: BoardSort = DEFAULT_SORT,
  now = Date.now(),
): BoardCase[] {
  return sortCases(filterCases(rows, f, now), sort);
}

/**
 * The earliest instant after `now` at which any row's urgency may change (its at-risk instant, or the first breached
 * instant of its due instant, by the domain's boundary), or Infinity when none will: the board redraws its counts
 * and its urgency filter at these instants, not on every tick.
 */
export function nextUrgencyChange(rows: Iterable<BoardCase>, now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const c of rows) {
    const atRisk = c.stepClock?.atRiskAt ?? c.overallAtRiskAt ?? null;
    if (atRisk !== null && atRisk > now && atRisk < next) next = atRisk;
    const breach = firstBreachedInstant(urgentDueAt(c));
    if (breach > now && breach < next) next = breach;
  }
  return next;
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
