// Board filters, search and the nearest-deadline order; urgency from the clock's own instants.
import { describe, expect, it } from 'vitest';
import { boardCase } from '../../api/board-case.fixture';
import type { BoardCase, ClockView } from '../../api/types';
import {
  countByUrgency,
  filterAndSort,
  filterCases,
  filtersFromParams,
  nextUrgencyChange,
  sortFromParams,
  urgencyOf,
} from './filter-cases';

const clock = (dueAt: number, atRiskAt: number | null = null): ClockView => ({
  id: `c${dueAt}`,
  step: 'draft',
  kind: 'step',
  startedAt: 0,
  dueAt,
  atRiskAt,
  confirmed: true,
  status: 'on-track',
  responsibleName: null,
  responsiblePersonId: null,
  departmentName: null,
  responsibleRole: 'executor',
  holders: [],
  holderKind: null,
  rule: '',
});

const row = (id: string, patch: Partial<BoardCase>): BoardCase =>
  boardCase(id, { number: Number(id.replace(/\D/g, '')) || 1, ...patch });

const rows = [
  row('n1', { stepClock: clock(3000), departmentId: 'roads', topic: 'Дороги', excerpt: 'Яма на Садовой' }),
  row('n2', { stepClock: clock(1000), departmentId: 'housing', topic: 'ЖКХ', excerpt: 'Нет воды' }),
  row('n3', { overallDueAt: 2000, departmentId: 'housing', high: true, excerpt: 'Упало дерево' }),
  row('n4', { excerpt: 'Без срока' }),
];

describe('filterAndSort', () => {
  it('orders by the nearest deadline, the step clock first, cases without a clock last', () => {
    expect(filterAndSort(rows, filtersFromParams(new URLSearchParams())).map((r) => r.id)).toEqual([
      'n2',
      'n3',
      'n1',
      'n4',
    ]);
  });
  it('filters by department and category from the URL', () => {
    expect(filterAndSort(rows, filtersFromParams(new URLSearchParams('dept=housing'))).map((r) => r.id)).toEqual([
      'n2',
      'n3',
    ]);
    expect(filterAndSort(rows, filtersFromParams(new URLSearchParams('category=high'))).map((r) => r.id)).toEqual([
      'n3',
    ]);
  });
  it('searches text case-insensitively and by number', () => {
    expect(filterAndSort(rows, filtersFromParams(new URLSearchParams('q=ВОДЫ'))).map((r) => r.id)).toEqual(['n2']);
    expect(filterAndSort(rows, filtersFromParams(new URLSearchParams('q=%234'))).map((r) => r.id)).toEqual(['n4']);
    // '№1' is case 1 only, although '1' also appears in no text here and 'n1' is its id.
    expect(filterAndSort(rows, filtersFromParams(new URLSearchParams('q=№1'))).map((r) => r.id)).toEqual(['n1']);
  });
});

describe('urgency', () => {
  it('is on track before the at-risk instant, at risk from it, breached only after the deadline', () => {
    const r = row('x', { stepClock: clock(1000, 750) });
    expect(urgencyOf(r, 700)).toBe('on-track');
    expect(urgencyOf(r, 750)).toBe('at-risk');
    // The domain's boundary: the due instant itself is still on time.
    expect(urgencyOf(r, 1000)).toBe('at-risk');
    expect(urgencyOf(r, 1001)).toBe('breached');
    expect(countByUrgency([r, r], 800)).toEqual({ 'on-track': 0, 'at-risk': 2, breached: 0 });
  });
});

describe('nextUrgencyChange', () => {
  // x: at risk from 750, breached from 1001 (due 1000); y: overall clock only, at risk from 1500, breached from 2001.
  const x = row('x', { stepClock: clock(1000, 750) });
  const y = row('y', { overallDueAt: 2000, overallAtRiskAt: 1500 });
  const none = row('z', {});
  it('is the earliest at-risk or first breached instant still ahead', () => {
    expect(nextUrgencyChange([x, y, none], 0)).toBe(750);
    expect(nextUrgencyChange([x, y, none], 750)).toBe(1001);
    expect(nextUrgencyChange([x, y, none], 1000)).toBe(1001);
    expect(nextUrgencyChange([x, y, none], 1001)).toBe(1500);
    expect(nextUrgencyChange([x, y, none], 1500)).toBe(2001);
  });
  it('is Infinity once nothing can change any more, or with no clocks', () => {
    expect(nextUrgencyChange([x, y, none], 2001)).toBe(Number.POSITIVE_INFINITY);
    expect(nextUrgencyChange([none], 0)).toBe(Number.POSITIVE_INFINITY);
    expect(nextUrgencyChange([], 0)).toBe(Number.POSITIVE_INFINITY);
  });
  it('no count changes strictly between now and the instant it names', () => {
    const all = [x, y, none];
    for (const now of [0, 700, 750, 999, 1000, 1001, 1499, 1500, 2000]) {
      const next = nextUrgencyChange(all, now);
      expect(countByUrgency(all, next - 1)).toEqual(countByUrgency(all, now));
      expect(countByUrgency(all, next)).not.toEqual(countByUrgency(all, now));
    }
  });
});

describe('urgency filter and sort from the URL', () => {
  it('keeps only the overdue rows at the given instant', () => {
    // At 1500: n2 (due 1000) is overdue, n3 (overall 2000) and n1 (3000) are not, n4 has no deadline.
    const f = filtersFromParams(new URLSearchParams('urgency=breached'));
    expect(filterCases(rows, f, 1500).map((r) => r.id)).toEqual(['n2']);
    expect(filtersFromParams(new URLSearchParams('urgency=soon')).urgency).toBe('');
  });
  it('sorts by a column in either direction, rows without a value last', () => {
    const all = filtersFromParams(new URLSearchParams());
    const desc = sortFromParams(new URLSearchParams('sort=due&dir=desc'));
    expect(filterAndSort(rows, all, desc).map((r) => r.id)).toEqual(['n1', 'n3', 'n2', 'n4']);
    const byNumber = sortFromParams(new URLSearchParams('sort=number&dir=desc'));
    expect(filterAndSort(rows, all, byNumber).map((r) => r.id)).toEqual(['n4', 'n3', 'n2', 'n1']);
    // An unknown column falls back to the deadline order.
    expect(sortFromParams(new URLSearchParams('sort=evil')).key).toBe('due');
  });
});
