// Chain progress and the approval rule the board asks: small facts, worked out by hand.
import { describe, expect, it } from 'vitest';
import { chainProgress } from './chain-progress';
import { mayApprove } from './permissions';

const part = (contributedAt: number | null) => ({ contributedAt });

describe('chainProgress', () => {
  it('has no chain for one department or before routing', () => {
    expect(chainProgress({ mode: 'single', assignments: [part(null)] })).toBeNull();
    expect(chainProgress({ mode: null, assignments: [] })).toBeNull();
  });
  it('names the link holding a sequential chain: first part sent of three → link 2 of 3', () => {
    expect(chainProgress({ mode: 'sequential', assignments: [part(1), part(null), part(null)] })).toEqual({
      mode: 'sequential',
      total: 3,
      sent: 1,
      current: 2,
    });
  });
  it('gives the composer (the last link) the case once every earlier part is in', () => {
    expect(chainProgress({ mode: 'sequential', assignments: [part(1), part(2), part(null)] })?.current).toBe(3);
  });
  it('counts the parts of a parallel set without a current link', () => {
    expect(chainProgress({ mode: 'parallel', assignments: [part(null), part(5)] })).toEqual({
      mode: 'parallel',
      total: 2,
      sent: 1,
      current: null,
    });
  });
});

describe('mayApprove', () => {
  it('lets a curator approve a draft under review, and nobody approve anything else', () => {
    expect(mayApprove('draft-review', { roles: ['curator'] })).toBe(true);
    expect(mayApprove('draft-review', { roles: ['executor', 'operator'] })).toBe(false);
    expect(mayApprove('assigned', { roles: ['curator'] })).toBe(false);
    expect(mayApprove('approved', { roles: ['curator'] })).toBe(false);
  });
});
