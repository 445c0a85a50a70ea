// The states commands hand to the outbox: kept per database handle and organisation, each used once, the oldest
// dropped past the limit.
import { initialState } from '@otklik/domain';
import { expect, it } from 'vitest';
import { rememberStateBefore, statesBefore } from './states-before';

const at = (version: number) => ({ ...initialState, version });

it('hands a remembered state to one pass of the same database and organisation, once', () => {
  const db = {};
  const other = {};
  rememberStateBefore(db, 'org-1', 'case-1', 3, at(3));
  expect(statesBefore(other, 'org-1').known).toEqual([]);
  expect(statesBefore(db, 'org-2').known).toEqual([]);
  const pass = statesBefore(db, 'org-1');
  expect(pass.known).toEqual([['case-1', 3]]);
  expect(pass.take('case-1', 2)).toBeUndefined();
  expect(pass.take('case-1', 3)?.version).toBe(3);
  // The pass keeps what it was told about; the next pass is not told again.
  expect(pass.take('case-1', 3)?.version).toBe(3);
  expect(statesBefore(db, 'org-1').known).toEqual([]);
});

it('keeps at most 64 states of an organisation, dropping the oldest', () => {
  const db = {};
  for (let v = 0; v < 300; v++) rememberStateBefore(db, 'org-1', `case-${v}`, v, at(v));
  const known = statesBefore(db, 'org-1').known;
  expect(known).toHaveLength(64);
  expect(known[0]).toEqual(['case-236', 236]);
  expect(known.at(-1)).toEqual(['case-299', 299]);
});
