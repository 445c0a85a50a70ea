import { describe, expect, it } from 'vitest';
import { usualExecutor } from './usual-executor';

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
