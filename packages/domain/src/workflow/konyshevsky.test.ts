// konyshevsky-2020 scenarios: clocks checked against hand-computed due times (Mon–Fri 09–13, 14–18 MSK).
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { A, CaseRun, chain, draft, register, sameThread, single, triage } from './test-harness';

const P = 'konyshevsky-2020';
const d = localTime('+03:00');

describe('konyshevsky-2020: single executor, revision loop, the executor publishes', () => {
  it('walks the case and every clock', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    // triage 30 min W (p.7) → 10:30; answer 8 h W (p.10): Tue 10–13 (3) + 14–18 (4) + Wed 9–10 (1) → Wed 10:00.
    expect(c.dues(d('10:00'))).toEqual({ triage: d('10:30'), '*answer': d('10:00', '25') });
    c.do(triage(), A.operator, d('10:20'));
    // p.7: the triage clock stops when the operator passes the message to the curator.
    expect(c.dues(d('10:20'))).toEqual({ '*answer': d('10:00', '25') });
    c.do(single('a'), A.curator, d('10:40'));
    // draft 4 h W before Wed 10:00 (p.11): Wed 9–10 (1) + Tue 15–18 (3) → Tue 15:00.
    expect(c.dues(d('10:40'))).toEqual({ draft: d('15:00'), '*answer': d('10:00', '25') });
    const overall = c.clocks(d('10:40')).overall;
    expect(overall?.responsible).toEqual({ role: 'executor', personId: 'exec-a', departmentId: 'dept-a' });

    c.do(draft(), A.execA, d('14:30'));
    // approve 30 min W (p.12) → 15:00.
    expect(c.dues(d('14:30'))).toEqual({ approve: d('15:00'), '*answer': d('10:00', '25') });
    expect(c.fail({ type: 'request-revision', reason: '' }, A.curator, d('14:50')).code).toBe('invalid-input');
    c.do({ type: 'request-revision', reason: 'Добавьте сроки ремонта' }, A.curator, d('14:50'));
    // revise 1 h W (p.13) → 15:50.
    expect(c.dues(d('14:50'))).toEqual({ revise: d('15:50'), '*answer': d('10:00', '25') });
    expect(c.allowed(A.execA)).toEqual(['submit-draft']);
    c.do(draft(), A.execA, d('15:40'));
    expect(c.dues(d('15:40'))).toEqual({ approve: d('16:10'), '*answer': d('10:00', '25') });
    c.do({ type: 'approve' }, A.curator, d('16:00'));
    // publish 30 min W by the executor (p.14) → 16:30.
    expect(c.dues(d('16:00'))).toEqual({ publish: d('16:30'), '*answer': d('10:00', '25') });
    expect(c.clocks(d('16:00')).active.find((x) => x.step === 'publish')?.responsible.personId).toBe('exec-a');
    expect(c.fail({ type: 'publish', where: sameThread }, A.curator, d('16:20')).code).toBe('forbidden');
    c.do({ type: 'publish', where: sameThread }, A.execA, d('16:20'));
    expect(c.state.status).toBe('closed');
    expect(c.state.ending).toBe('answered');
    expect(c.clocks(d('16:20')).active).toEqual([]);
    expect(c.state.revisions).toHaveLength(1);
  });
});

describe('konyshevsky-2020: return → reroute', () => {
  it('returns within 30 min with a reason, the curator reroutes, a late return is recorded as late', () => {
    const c = new CaseRun(P).routed([d('11:00'), d('11:10'), d('11:20')], A.operator);
    expect(c.fail({ type: 'return', departmentId: 'dept-a', reason: ' ' }, A.execA, d('11:45')).code).toBe(
      'invalid-input',
    );
    expect(c.fail({ type: 'return', departmentId: 'dept-a', reason: 'Не наш вопрос' }, A.execB, d('11:45')).code).toBe(
      'forbidden',
    );
    c.do({ type: 'return', departmentId: 'dept-a', reason: 'Дороги — не наша компетенция' }, A.execA, d('11:45'));
    // reroute 30 min W from the return (p.9) → 12:15; answer 8 h W from 11:00 → Wed 11:00.
    expect(c.dues(d('11:45'))).toEqual({ reroute: d('12:15'), '*answer': d('11:00', '25') });
    expect(c.clocks(d('11:45')).overall?.responsible.role).toBe('curator');
    c.do({ ...single('b'), type: 'reroute' }, A.curator, d('12:05'));
    // draft: 4 h W before Wed 11:00 → Wed 9–11 (2) + Tue 16–18 (2) → Tue 16:00.
    expect(c.dues(d('12:05'))).toEqual({ draft: d('16:00'), '*answer': d('11:00', '25') });
    // p.8: the return window is 30 min W from receipt (12:05 → 12:35); a return at 12:40 is late, recorded, not refused.
    const late = c.do({ type: 'return', departmentId: 'dept-b', reason: 'Не наш вопрос' }, A.execB, d('12:40'));
    expect(late.map((e) => e.type)).toEqual(['case-returned']);
    expect(late[0]).toMatchObject({ late: { dueAt: Date.parse(d('12:35')), receivedAt: Date.parse(d('12:05')) } });
    expect(c.state.returns).toHaveLength(2);
    const window = c.state.clocks.find((r) => r.step === 'return' && r.id.endsWith(':dept-b'));
    expect(window).toMatchObject({
      breachAt: Date.parse(d('12:40')),
      breachHolders: [{ role: 'executor', personId: 'exec-b', departmentId: 'dept-b' }],
    });
  });
});

describe('konyshevsky-2020: sequential chain of three, forwarded by the curator, the last executor composes', () => {
  it('each part goes to the curator, who forwards the message to the next executor (p.16)', () => {
    const c = new CaseRun(P);
    c.routed([d('09:00'), d('09:10'), d('09:20')], A.operator, triage(), chain('sequential', 'a', 'b', 'c'));
    // contribution a: 2 h W from 09:20 → 11:20 (p.16); answer: 8 h W from 09:00 = Tue 09–13 + 14–18 → Tue 18:00.
    // c has not received the case: no draft clock yet, and the answer is held by a, who has the case.
    expect(c.dues(d('09:20'))).toEqual({ 'contribution:dept-a': d('11:20'), '*answer': d('18:00') });
    expect(c.clocks(d('09:20')).overall?.responsible.personId).toBe('exec-a');
    expect(c.allowed(A.execB)).toEqual([]);
    c.do({ type: 'submit-contribution', departmentId: 'dept-a', text: 'Ремонт в плане на май' }, A.execA, d('10:00'));
    // The part goes to the curator: b has nothing yet, the curator holds the case until forwarding.
    expect(c.dues(d('10:00'))).toEqual({ '*answer': d('18:00') });
    expect(c.clocks(d('10:00')).overall?.responsible.role).toBe('curator');
    expect(c.allowed(A.execB)).toEqual([]);
    expect(c.allowed(A.curator)).toContain('forward');
    c.do({ type: 'forward' }, A.curator, d('10:10'));
    // b receives at the forward, 10:10 → 12:10.
    expect(c.dues(d('10:10'))['contribution:dept-b']).toBe(d('12:10'));
    const late = c.do(
      { type: 'submit-contribution', departmentId: 'dept-b', text: 'Подрядчик найден' },
      A.execB,
      d('12:30'),
    );
    // b was due 12:10: the breach is recorded (against b) before the part closes the clock.
    expect(late.map((e) => e.type)).toEqual(['clock-breached', 'contribution-submitted']);
    expect(late[0]).toMatchObject({ holders: [{ role: 'executor', personId: 'exec-b', departmentId: 'dept-b' }] });
    c.do({ type: 'forward', departmentId: 'dept-c' }, A.curator, d('12:40'));
    // c receives at 12:40: part 12:40–13:00 (20) + 14:00–15:40 → 15:40; its draft 4 h W before 18:00 → 14:00 (p.11).
    expect(c.dues(d('12:40'))).toEqual({ draft: d('14:00'), 'contribution:dept-c': d('15:40'), '*answer': d('18:00') });
    // c may still return it or compose.
    expect(c.allowed(A.execC)).toEqual(['return', 'compose-answer']);
    expect(c.fail({ type: 'compose-answer', kind: 'answer', text: 'Общий ответ' }, A.curator, d('13:50')).code).toBe(
      'forbidden',
    );
    c.do({ type: 'compose-answer', kind: 'answer', text: 'Общий ответ' }, A.execC, d('13:50'));
    // approve 30 min W from 13:50, in lunch: starts at 14:00 → 14:30.
    expect(c.dues(d('13:50'))).toEqual({ approve: d('14:30'), '*answer': d('18:00') });
    c.do({ type: 'approve' }, A.curator, d('14:20'));
    c.do(
      {
        type: 'publish',
        where: { kind: 'own-account', url: 'https://vk.com/adm?w=1', authorLink: 'https://vk.com/id1' },
      },
      A.execC,
      d('14:40'),
    );
    expect(c.state.status).toBe('closed');
    const b = c.state.clocks.find((r) => r.id.endsWith(':dept-b'));
    expect(b).toMatchObject({ breachedAt: Date.parse(d('12:30')), dueAt: Date.parse(d('12:10')) });
    expect(b?.closedAt).not.toBeNull();
    expect(c.state.contributions.map((x) => x.departmentId)).toEqual(['dept-a', 'dept-b']);
    expect(c.state.publications[0]?.where.kind).toBe('own-account');
  });
});

describe('konyshevsky-2020: intermediate → final', () => {
  it('opens the 7-working-day final clock from the intermediate answer', () => {
    const c = new CaseRun(P).routed([d('11:00'), d('11:05'), d('11:10')], A.operator);
    c.do(draft('intermediate'), A.execA, d('13:00'));
    c.do({ type: 'approve' }, A.curator, d('14:00'));
    expect(c.fail({ type: 'publish', where: sameThread }, A.execA, d('14:10')).code).toBe('wrong-state');
    c.do({ type: 'publish-intermediate', where: sameThread }, A.execA, d('14:10'));
    // final: 7 working days from Tue Nov 24 (p.15): Nov 25, 26, 27, 30, Dec 1, 2, 3 → Thu Dec 3 18:00.
    expect(c.dues(d('14:10'))).toEqual({ '*final': '2026-12-03T18:00:00+03:00' });
    expect(c.state.stage).toBe('final');
    expect(c.fail(draft('intermediate'), A.execA, d('10:00', '30')).code).toBe('invalid-input');
    c.do(draft('answer'), A.execA, d('10:00', '30'));
    // p.15 bounds the final *draft*: sent on Mon Nov 30, it stops the final clock; approval has its own 30 min.
    expect(c.dues(d('10:00', '30'))).toEqual({ approve: d('10:30', '30') });
    expect(c.state.clocks.find((r) => r.step === 'final')).toMatchObject({ closedAs: 'stopped', breachedAt: null });
    c.do({ type: 'approve' }, A.curator, d('10:20', '30'));
    c.do({ type: 'publish', where: sameThread }, A.execA, d('10:40', '30'));
    expect(c.state.ending).toBe('answered');
    expect(c.state.publications.map((p) => p.kind)).toEqual(['intermediate', 'answer']);
  });
});

describe('konyshevsky-2020: short track', () => {
  it('routes so late that "4 h before the answer" has passed: the draft is due halfway', () => {
    const c = new CaseRun(P).routed([d('11:00'), d('11:05'), d('16:30')], A.operator);
    // answer Wed 11:00; 4 h before = Tue 16:00 < routing 16:30 → halfway: 16:30–18:00 (90) + Wed 9–11 (120) = 210,
    // half = 105 W min from 16:30 → 18:00 (90) + 15 → Wed 09:15.
    expect(c.dues(d('16:30'))).toEqual({ draft: d('09:15', '25'), '*answer': d('11:00', '25') });
  });
});

describe('konyshevsky-2020: repeat message, rejection, profile limits', () => {
  it('links a repeat to earlier cases; it follows the same deadlines', () => {
    const c = new CaseRun(P);
    c.do(register('case-2'), A.operator, d('10:00'));
    expect(c.fail({ type: 'link-repeat', earlierCaseIds: ['case-2'] }, A.operator, d('10:05')).code).toBe(
      'invalid-input',
    );
    c.do({ type: 'link-repeat', earlierCaseIds: ['case-1'] }, A.operator, d('10:05'));
    c.do({ type: 'link-repeat', earlierCaseIds: ['case-1', 'case-0'] }, A.curator, d('10:06'));
    expect(c.state.repeatOf).toEqual(['case-1', 'case-0']);
    expect(c.dues(d('10:06'))).toEqual({ triage: d('10:30'), '*answer': d('10:00', '25') });
  });
  it('rejects a non-processable message with a ground of the profile', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    expect(c.fail({ type: 'triage', processable: false }, A.operator, d('10:05')).code).toBe('invalid-input');
    expect(c.fail({ type: 'triage', processable: false, ground: 'spam' }, A.operator, d('10:05')).code).toBe(
      'invalid-input',
    );
    c.do({ type: 'triage', processable: false, ground: 'obscene' }, A.operator, d('10:05'));
    expect(c.state).toMatchObject({ status: 'closed', ending: 'rejected', rejectionGround: 'obscene' });
    expect(c.clocks(d('10:05')).active).toEqual([]);
  });
  it('refuses endings and modes the profile does not have', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    c.do(triage(), A.operator, d('10:05'));
    expect(c.fail({ type: 'link-published', url: 'https://adm.ru/a' }, A.curator, d('10:10')).code).toBe(
      'not-in-profile',
    );
    const parallel = chain('parallel');
    expect(c.fail(parallel, A.curator, d('10:10')).code).toBe('not-in-profile');
    expect(
      c.fail(
        { ...parallel, mode: 'sequential', assignments: [parallel.assignments[0], parallel.assignments[0]] },
        A.curator,
        d('10:10'),
      ).code,
    ).toBe('invalid-input');
  });
});
