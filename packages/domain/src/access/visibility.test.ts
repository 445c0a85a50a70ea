// The visibility rule: by role, by department held, by person given, and the same answer through the SQL scope.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../workflow/events';
import { type Actor, PERSON_ROLES, type Role } from '../workflow/types';
import {
  actorAudiences,
  type CaseParties,
  canSeeCase,
  eventForReader,
  mayEditDraft,
  scopeIncludes,
  takesPartIn,
  visibilityScope,
} from './visibility';

const roads = 'dept-roads';
const housing = 'dept-housing';
const parties: CaseParties = { departmentIds: [roads], executorIds: ['p-roads'] };
const actor = (roles: Role[], departmentIds: string[] = [], personId = 'p-x', substituteFor: string[] = []): Actor => ({
  personId,
  roles,
  departmentIds,
  substituteFor,
});

describe('canSeeCase / takesPartIn', () => {
  it.each([
    ['curator', actor(['curator']), true, true],
    ['operator', actor(['operator']), true, true],
    ['head', actor(['head']), true, false],
    ['observer', actor(['observer']), true, false],
    ['administrator', actor(['administrator']), false, false],
    ['executor of the department', actor(['executor'], [roads]), true, true],
    ['executor of another department', actor(['executor'], [housing]), false, false],
    ['the executor given the case, now elsewhere', actor(['executor'], [housing], 'p-roads'), true, true],
    ['a substitute of the executor given', actor(['executor'], [housing], 'p-sub', ['p-roads']), true, true],
    ['head of the department', actor(['department-head'], [roads]), true, false],
    ['head of another department', actor(['department-head'], [housing]), false, false],
  ])('%s', (_name, who, sees, takesPart) => {
    expect(canSeeCase(who, parties)).toBe(sees);
    expect(takesPartIn(who, parties)).toBe(takesPart);
  });

  it('a department that held the case (returned it) still sees it: parties never shrink', () => {
    const held: CaseParties = { departmentIds: [roads, housing], executorIds: [] };
    expect(canSeeCase(actor(['executor'], [housing]), held)).toBe(true);
  });

  it('only participants edit drafts, a contribution only by its department (or a curator)', () => {
    expect(mayEditDraft(actor(['executor'], [roads]), parties, 'answer')).toBe(true);
    expect(mayEditDraft(actor(['executor'], [housing]), parties, 'answer')).toBe(false);
    expect(mayEditDraft(actor(['operator']), parties, 'answer')).toBe(false);
    expect(mayEditDraft(actor(['curator']), parties, `contribution:${roads}`)).toBe(true);
    expect(mayEditDraft(actor(['executor'], [roads]), parties, `contribution:${housing}`)).toBe(false);
    expect(mayEditDraft(actor(['observer']), parties, 'answer')).toBe(false);
  });

  it('hides the appeal personal data from readers', () => {
    const at = Date.UTC(2026, 10, 24, 9, 0);
    const event: CaseEvent = {
      type: 'converted-to-appeal',
      at,
      by: 'p1',
      fullName: 'Иванов',
      address: 'ул. Ленина',
      phone: '+7',
      registrationNumber: 'N1',
    };
    // The same shape, the personal fields emptied (nothing added: the reader's timeline is typed as everyone's).
    expect(eventForReader(event)).toEqual({ ...event, fullName: '', address: '', phone: '' });
    const other: CaseEvent = {
      type: 'case-triaged',
      at,
      by: 'p1',
      topic: 'Дороги',
      location: 'Беляево',
      category: 'ordinary',
    };
    expect(eventForReader(other)).toBe(other);
  });
});

describe('visibilityScope', () => {
  const ids = fc.constantFrom('d1', 'd2', 'd3', 'p1', 'p2', 'p3');
  const roles = fc.subarray([...PERSON_ROLES] as Role[]);
  it('agrees with canSeeCase for any actor and case (the SQL filter asks the same question)', () => {
    fc.assert(
      fc.property(
        roles,
        fc.array(ids),
        ids,
        fc.array(ids),
        fc.array(ids),
        fc.array(ids),
        (r, departmentIds, personId, substituteFor, caseDepts, caseExecs) => {
          const a = actor(r, departmentIds, personId, substituteFor);
          const p = { departmentIds: caseDepts, executorIds: caseExecs };
          expect(scopeIncludes(visibilityScope(a), p)).toBe(canSeeCase(a, p));
          expect(actorAudiences(a)).toEqual([...new Set(actorAudiences(a))]);
        },
      ),
    );
  });
});
