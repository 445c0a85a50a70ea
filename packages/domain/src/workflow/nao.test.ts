// nao-2020 scenarios: a sequential chain with a shortened deadline, a substitute, and the scheduler's records (MSK).
import { describe, expect, it } from 'vitest';
import { deadlineRuleText } from '../sla/rules';
import { localTime } from '../sla/test-helpers';
import { A, CaseRun, chain, sameThread, single, triage } from './test-harness';

const P = 'nao-2020';
const d = localTime('+03:00');

describe('nao-2020: sequential chain, shortened deadline, substitute', () => {
  it('walks the case and every clock', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    // triage 30 min W (p.14) → 10:30; answer 8 h W (p.16): 10–13 (3) + 14–18 (4) + Wed 9–10 (1) → Wed 10:00.
    expect(c.dues(d('10:00'))).toEqual({ triage: d('10:30'), '*answer': d('10:00', '25') });
    c.do(triage(), A.curator, d('10:05'));
    const triageId = c.state.clocks.find((r) => r.step === 'triage')?.id ?? '';
    // At risk once 25% (7.5 min) of 30 min remain: from 10:22:30.
    expect(c.status(d('10:22'))[triageId]).toBe('on-track');
    expect(c.status(d('10:23'))[triageId]).toBe('at-risk');
    expect(c.fail({ type: 'record-clock-at-risk', clockId: triageId }, A.system, d('10:20')).code).toBe(
      'nothing-to-record',
    );
    c.do({ type: 'record-clock-at-risk', clockId: triageId }, A.system, d('10:25'));
    expect(c.fail({ type: 'record-clock-at-risk', clockId: triageId }, A.system, d('10:26')).code).toBe(
      'nothing-to-record',
    );
    expect(c.fail({ type: 'record-clock-breached', clockId: triageId }, A.system, d('10:30')).code).toBe(
      'nothing-to-record',
    );
    expect(c.fail({ type: 'record-clock-breached', clockId: triageId }, A.curator, d('10:40')).code).toBe('forbidden');
    c.do({ type: 'record-clock-breached', clockId: triageId }, A.system, d('10:40'));
    c.do(chain('sequential', 'a', 'b', 'c'), A.curator, d('10:45'));
    // contribution a: 10:45–13:00 = 135 ≥ 120 → 12:45 (p.22). The composer (c) has not received the case: no draft
    // clock yet (p.17 binds the executor who composes, from the moment they have the case).
    expect(c.dues(d('10:45'))).toEqual({ 'contribution:dept-a': d('12:45'), '*answer': d('10:00', '25') });
    expect(c.state.clocks.find((r) => r.id === triageId)).toMatchObject({ breachedAt: Date.parse(d('10:40')) });

    // p.14: the curator may shorten the answer term, never lengthen it.
    const tooLong = c.fail(
      { type: 'shorten-deadline', step: 'answer', dueAt: Date.parse(d('11:00', '25')) },
      A.curator,
      d('11:00'),
    );
    expect(tooLong.code).toBe('deadline-too-long');
    expect(
      c.fail({ type: 'shorten-deadline', step: 'answer', dueAt: Date.parse(d('17:00')) }, A.execA, d('11:00')).code,
    ).toBe('forbidden');
    expect(
      c.fail({ type: 'shorten-deadline', step: 'approve', dueAt: Date.parse(d('17:00')) }, A.curator, d('11:00')).code,
    ).toBe('wrong-state');
    c.do({ type: 'shorten-deadline', step: 'answer', dueAt: Date.parse(d('17:00')) }, A.curator, d('11:00'));
    expect(c.dues(d('11:00'))).toEqual({ 'contribution:dept-a': d('12:45'), '*answer': d('17:00') });

    // dept-a's executor is ill: its department head hands the part to another executor of dept-a.
    expect(
      c.fail(
        { type: 'reassign-substitute', departmentId: 'dept-a', substituteId: 'exec-a2', reason: 'illness' },
        A.headB,
        d('11:10'),
      ).code,
    ).toBe('forbidden');
    c.do(
      { type: 'reassign-substitute', departmentId: 'dept-a', substituteId: 'exec-a2', reason: 'illness' },
      A.headA,
      d('11:10'),
    );
    const part = c.clocks(d('11:10')).active.find((x) => x.step === 'contribution');
    expect(part?.responsible).toEqual({ role: 'executor', personId: 'exec-a2', departmentId: 'dept-a' });
    c.do({ type: 'submit-contribution', departmentId: 'dept-a', text: 'Часть А' }, A.execA2, d('11:30'));
    // p.22.2: the part goes to the curator, who forwards the message and part А to b.
    expect(c.dues(d('11:30'))).toEqual({ '*answer': d('17:00') });
    c.do({ type: 'forward' }, A.curator, d('11:35'));
    // b receives 11:35: 11:35–13:00 (85) + 14:00–14:35 (35) → 14:35.
    expect(c.dues(d('11:35'))['contribution:dept-b']).toBe(d('14:35'));
    const partB = c.do({ type: 'submit-contribution', departmentId: 'dept-b', text: 'Часть Б' }, A.execB, d('14:00'));
    expect(partB.map((e) => e.type)).toEqual(['contribution-submitted']);
    c.do({ type: 'forward' }, A.curator, d('14:10'));
    // c receives 14:10: part → 16:10. Its draft: 4 h W before the shortened 17:00 is 12:00 (17→14 is 3 h, 12–13 the
    // fourth), before c had the case: short track, halfway from 14:10 to 17:00 = 170 / 2 = 85 min → 15:35.
    expect(c.dues(d('14:10'))).toEqual({ draft: d('15:35'), 'contribution:dept-c': d('16:10'), '*answer': d('17:00') });
    // How the draft's deadline was reached is kept as parts, worded by the reader: the short track of p.17, then the
    // answer deadline the curator shortened (p.14).
    const draft = c.clocks(d('14:10')).active.find((x) => x.step === 'draft')!;
    expect(draft.rule).toEqual([
      {
        step: 'draft',
        rule: { kind: 'before', step: 'answer', workingMinutes: 240, source: 'p.17' },
        shortTrack: true,
      },
      {
        step: 'answer',
        rule: { kind: 'duration', amount: 480, unit: 'working-minutes', from: 'detected', source: 'p.16' },
        shortened: true,
      },
    ]);
    expect(deadlineRuleText(draft.rule, 'ru')).toBe(
      'draft: за 4 часа рабочего времени до срока «answer»; если это раньше направления — середина между направлением ' +
        'и сроком (p.17); короткий срок: середина; answer: 8 часов рабочего времени от выявления (p.16); сокращён куратором',
    );
    expect(deadlineRuleText(draft.rule, 'en')).toBe(
      "draft: 4 hours of working time before 'answer'; halfway from routing on a short track (p.17); short track: " +
        'halfway; answer: 8 hours of working time from detection (p.16); shortened by the curator',
    );
    const composed = c.do({ type: 'compose-answer', kind: 'answer', text: 'Общий ответ' }, A.execC, d('14:30'));
    expect(composed.map((e) => e.type)).toEqual(['draft-submitted']);
    // approve 30 min W (p.18) → 15:00; the shortened answer still holds.
    expect(c.dues(d('14:30'))).toEqual({ approve: d('15:00'), '*answer': d('17:00') });
    c.do({ type: 'approve' }, A.curator, d('14:40'));
    // publish 30 min W by the curator (p.20) → 15:10.
    expect(c.dues(d('14:40'))).toEqual({ publish: d('15:10'), '*answer': d('17:00') });
    expect(c.fail({ type: 'publish', where: sameThread }, A.execC, d('14:50')).code).toBe('forbidden');
    c.do({ type: 'publish', where: sameThread }, A.curator, d('14:50'));
    expect(c.state.ending).toBe('answered');
    const breached = c.state.clocks.filter((r) => r.breachedAt !== null).map((r) => r.step);
    expect(breached).toEqual(['triage']);
  });
});

describe('nao-2020: clarification request, socially significant', () => {
  it('publishes a clarification request and keeps the answer clock running', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    c.do({ type: 'flag-socially-significant', note: 'резонанс' }, A.head, d('10:01'));
    expect(c.fail({ type: 'flag-socially-significant' }, A.curator, d('10:02')).code).toBe('wrong-state');
    expect(c.fail({ type: 'flag-socially-significant' }, A.observer, d('10:02')).code).toBe('forbidden');
    c.do(triage(), A.curator, d('10:05'));
    c.do(single('a'), A.curator, d('10:10'));
    c.do({ type: 'submit-draft', kind: 'clarification', text: 'Уточните адрес?' }, A.execA, d('11:00'));
    c.do({ type: 'approve' }, A.curator, d('11:10'));
    c.do({ type: 'publish', where: sameThread }, A.curator, d('11:20'));
    expect(c.state.status).toBe('assigned');
    // The answer stays Wed 10:00; a new draft clock: 4 h W before it → Tue 15:00.
    expect(c.dues(d('11:20'))).toEqual({ draft: d('15:00'), '*answer': d('10:00', '25') });
    expect(c.state.publications.map((p) => p.kind)).toEqual(['clarification']);
    expect(c.state.sociallySignificant).toBe(true);
  });
});
