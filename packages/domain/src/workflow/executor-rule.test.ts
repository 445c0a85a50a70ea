// Who may take a department's part (konyshevsky p.6, NAO p.13): an active executor of that department, whether the
// curator routes, moves or a substitute is named. The server only checks that the ids exist; this is the rule.
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { A, CaseRun, DIRECTORY_PEOPLE, single, triage } from './test-harness';
import { departmentExecutors, substituteCandidates } from './usual-executor';

const d = localTime('+03:00');
const inactiveA3 = { id: 'exec-a3', departmentId: 'dept-a', roles: ['executor'], active: false } as const;
const operatorA = { id: 'op-a', departmentId: 'dept-a', roles: ['operator'], active: true } as const;

function triaged() {
  const run = new CaseRun('konyshevsky-2020', {
    directory: { people: [...DIRECTORY_PEOPLE, inactiveA3, operatorA] },
  }).registered(d('10:00'));
  run.do(triage(), A.operator, d('10:05'));
  return run;
}

const routeTo = (executorId: string) =>
  ({ type: 'route', mode: 'single', assignments: [{ departmentId: 'dept-a', executorId }] }) as const;

describe('a route names active executors of each department', () => {
  it('accepts an executor of the department', () => {
    expect(triaged().do(single('a'), A.curator, d('10:10'))[0]?.type).toBe('case-routed');
  });
  it.each([
    ['an executor of another department', 'exec-b'],
    ['an inactive executor', 'exec-a3'],
    ['a person who is not an executor', 'op-a'],
    ['a person the directory does not know', 'nobody'],
  ])('refuses %s', (_, executorId) => {
    expect(triaged().fail(routeTo(executorId), A.curator, d('10:10'))).toMatchObject({
      code: 'invalid-input',
      key: 'route.executor-not-of-department',
    });
  });
  it('refuses a move to an executor of another department', () => {
    const run = triaged();
    run.do(single('a'), A.curator, d('10:10'));
    const move = {
      type: 'move',
      assignments: [{ departmentId: 'dept-b', executorId: 'exec-a' }],
      reason: 'не то подразделение',
    } as const;
    expect(run.fail(move, A.curator, d('10:20'))).toMatchObject({ key: 'route.executor-not-of-department' });
  });
});

describe('a substitute is an active executor of the same department', () => {
  const substitute = (substituteId: string) =>
    ({ type: 'reassign-substitute', departmentId: 'dept-a', substituteId, reason: 'leave' }) as const;
  function routed() {
    const run = triaged();
    run.do(single('a'), A.curator, d('10:10'));
    return run;
  }
  it('accepts a second executor of the department', () => {
    expect(routed().do(substitute('exec-a2'), A.curator, d('10:20'))[0]).toMatchObject({
      type: 'executor-reassigned',
      fromPersonId: 'exec-a',
      toPersonId: 'exec-a2',
    });
  });
  it.each([
    ['an inactive executor', 'exec-a3', 'substitute.not-executor'],
    ['a person who is not an executor', 'op-a', 'substitute.not-executor'],
    ['a person the directory does not know', 'nobody', 'substitute.not-executor'],
    ['an executor of another department', 'exec-b', 'substitute.other-department'],
  ])('refuses %s', (_, substituteId, key) => {
    expect(routed().fail(substitute(substituteId), A.curator, d('10:20'))).toMatchObject({
      code: 'invalid-input',
      key,
    });
  });
});

describe('the forms offer exactly whom the decider accepts', () => {
  const people = [...DIRECTORY_PEOPLE, inactiveA3, operatorA];
  const accepted = (attempt: (id: string) => void) =>
    people
      .filter((p) => {
        try {
          attempt(p.id);
          return true;
        } catch {
          return false;
        }
      })
      .map((p) => p.id);

  it('a route to dept-a: its active executors', () => {
    const offered = departmentExecutors(people, 'dept-a').map((p) => p.id);
    expect(offered).toEqual(['exec-a', 'exec-a2']);
    expect(accepted((id) => triaged().do(routeTo(id), A.curator, d('10:10')))).toEqual(offered);
  });

  it('a substitute for exec-a: the other active executor of dept-a', () => {
    const offered = substituteCandidates(people, { departmentId: 'dept-a', executorId: 'exec-a' }).map((p) => p.id);
    expect(offered).toEqual(['exec-a2']);
    const substitute = { type: 'reassign-substitute', departmentId: 'dept-a', reason: 'leave' } as const;
    const routed = () => {
      const run = triaged();
      run.do(single('a'), A.curator, d('10:10'));
      return run;
    };
    expect(accepted((id) => routed().do({ ...substitute, substituteId: id }, A.curator, d('10:20')))).toEqual(offered);
  });
});
