import { describe, expect, it } from 'vitest';
import { departmentExecutors, substituteCandidates, usualExecutor } from './usual-executor';

const c = (personId: string, handled: number, absent = false, isDefault = false) => ({
  personId,
  fullName: personId,
  handled,
  absent,
  isDefault,
});

describe('usualExecutor', () => {
  it('the directory default first, unless absent; then whoever handled most; never an absent one', () => {
    expect(usualExecutor([c('Белов', 9), c('Волков', 2, false, true)])).toBe('Волков');
    expect(usualExecutor([c('Белов', 9), c('Волков', 2, true, true)])).toBe('Белов');
    expect(usualExecutor([c('Белов', 3), c('Волков', 7)])).toBe('Волков');
    expect(usualExecutor([c('Белов', 3), c('Волков', 7, true)])).toBe('Белов');
    // Nobody handled anything yet: the first by name, not whoever the database listed first.
    expect(usualExecutor([c('Волков', 0), c('Белов', 0)])).toBe('Белов');
    expect(usualExecutor([c('Волков', 5, true)])).toBeNull();
    expect(usualExecutor([])).toBeNull();
  });
});

describe('departmentExecutors / substituteCandidates', () => {
  const person = (id: string, departmentId: string | null, roles: string[] = ['executor'], active = true) => ({
    id,
    departmentId,
    roles,
    active,
    fullName: id,
  });
  const people = [
    person('roads-1', 'roads'),
    person('roads-head', 'roads', ['executor', 'department-head']),
    person('roads-gone', 'roads', ['executor'], false),
    person('roads-boss', 'roads', ['department-head']),
    person('housing-1', 'housing'),
    person('curator', null, ['curator']),
  ];

  it('a department offers its active executors only, in the order given', () => {
    expect(departmentExecutors(people, 'roads').map((p) => p.id)).toEqual(['roads-1', 'roads-head']);
    expect(departmentExecutors(people, 'housing').map((p) => p.id)).toEqual(['housing-1']);
    expect(departmentExecutors(people, 'parks')).toEqual([]);
  });

  it('a substitute is another of those executors, never the part’s own executor', () => {
    const part = { departmentId: 'roads', executorId: 'roads-1' };
    expect(substituteCandidates(people, part).map((p) => p.id)).toEqual(['roads-head']);
    expect(substituteCandidates(people, { departmentId: 'housing', executorId: 'housing-1' })).toEqual([]);
  });
});
