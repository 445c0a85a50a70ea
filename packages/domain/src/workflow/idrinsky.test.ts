// idrinsky-2021 scenarios: the 24-hour rule, posting-time clocks and the extra endings (Asia/Krasnoyarsk, +07).
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { A, CaseRun, chain, draft, register, sameThread, single, triage } from './test-harness';

const P = 'idrinsky-2021';
const d = localTime('+07:00', '27');
const posted = Date.parse(d('14:00'));

function routed(): CaseRun {
  const c = new CaseRun(P);
  c.do(register('case-1', { postedAt: posted, visibility: 'private' }), A.operator, d('15:00'));
  c.do(triage(), A.curator, d('15:30'));
  c.do(single('a'), A.curator, d('16:00'));
  return c;
}

describe('idrinsky-2021: answer within 24 hours, revision', () => {
  it('walks a Friday message to Monday', () => {
    const c = new CaseRun(P);
    c.do(register('case-1', { postedAt: posted, visibility: 'private' }), A.operator, d('15:00'));
    // triage 3 h W from posting 14:00 (3.1) → 17:00; answer 24 h from posting (3.3 with 3.1): Fri 14:00–24:00 is
    // 10 h, Sat–Sun skipped, Mon 00:00–14:00 is 14 h → Mon 14:00; the window holds Fri 14–18 (4) + Mon 9–13 (4) = 8 W h.
    expect(c.dues(d('15:00'))).toEqual({ triage: d('17:00'), '*answer': d('14:00', '30') });
    c.do(triage(), A.curator, d('15:30'));
    // 3.1: the check ends when the message is sent to the responsible structure, so triage keeps running.
    expect(c.dues(d('15:30'))).toEqual({ triage: d('17:00'), '*answer': d('14:00', '30') });
    c.do(single('a'), A.curator, d('16:00'));
    // draft 4 h W from receipt (3.2): Fri 16–18 (2) + Mon 9–11 (2) → Mon 11:00. The structure's total (3.2, last
    // sentence) 23 W h: Fri 16–18 (2) + Mon (8) + Tue (8) = 18, Wed 9–13 (4) = 22, 14–15 (1) → Wed Dec 2 15:00.
    expect(c.dues(d('16:00'))).toEqual({
      draft: d('11:00', '30'),
      'department-total:dept-a': '2026-12-02T15:00:00+07:00',
      '*answer': d('14:00', '30'),
    });
    c.do(draft(), A.execA, d('10:30', '30'));
    // No approval limit of its own; the total pauses while the operator checks (its time: Fri 120 + Mon 90 = 210).
    expect(c.dues(d('10:30', '30'))).toEqual({ '*answer': d('14:00', '30') });
    c.do({ type: 'request-revision', reason: 'Уточните адрес' }, A.curator, d('11:00', '30'));
    // revise 3 h W (3.2): 11–13 (2) + 14–15 (1) → Mon 15:00. The total resumes with 1380 − 210 = 1170 min (19.5 h):
    // Mon 11–13, 14–18 (6) → 13.5 left; Tue (8) → 5.5; Wed 9–13 (4) → 1.5; 14:00–15:30 → Wed 15:30.
    expect(c.dues(d('11:00', '30'))).toEqual({
      revise: d('15:00', '30'),
      'department-total:dept-a': '2026-12-02T15:30:00+07:00',
      '*answer': d('14:00', '30'),
    });
    c.do(draft(), A.execA, d('12:00', '30'));
    c.do({ type: 'approve' }, A.curator, d('12:10', '30'));
    // Publication "within the answer" (3.3) adds no clock of its own; the accepted answer ends the total.
    expect(c.dues(d('12:10', '30'))).toEqual({ '*answer': d('14:00', '30') });
    // 3.4: a private message gets a private reply.
    const own = { kind: 'own-account', url: 'https://vk.com/adm?w=1', authorLink: 'https://vk.com/id1' } as const;
    expect(c.fail({ type: 'publish', where: own }, A.curator, d('12:20', '30')).code).toBe('invalid-input');
    expect(c.fail({ type: 'publish', where: sameThread }, A.execA, d('12:20', '30')).code).toBe('forbidden');
    c.do({ type: 'publish', where: sameThread }, A.curator, d('12:20', '30'));
    expect(c.state.ending).toBe('answered');
  });
  it('has no intermediate answers (no final limit) and no chains', () => {
    const c = routed();
    expect(c.fail(draft('intermediate'), A.execA, d('16:30')).code).toBe('not-in-profile');
    const c2 = new CaseRun(P).registered(d('15:00'));
    c2.do(triage(), A.curator, d('15:10'));
    expect(c2.fail(chain('sequential'), A.curator, d('15:20')).code).toBe('not-in-profile');
  });
  it('has no return limit: an executor may return later', () => {
    const c = routed();
    c.do({ type: 'return', departmentId: 'dept-a', reason: 'Не наша компетенция' }, A.execA, d('11:00', '30'));
    // No reroute limit either: only the answer clock (24 h from posting Fri 14:00 → Mon 14:00, as above).
    expect(c.dues(d('11:00', '30'))).toEqual({ '*answer': d('14:00', '30') });
  });
});

describe('idrinsky-2021: other endings', () => {
  it('rejects an unreadable message (3.6)', () => {
    const c = new CaseRun(P).registered(d('15:00'));
    c.do({ type: 'triage', processable: false, ground: 'unreadable' }, A.curator, d('15:10'));
    expect(c.state).toMatchObject({ ending: 'rejected', rejectionGround: 'unreadable' });
  });
  it('sends an explanation (3.7)', () => {
    const c = routed();
    expect(
      c.fail({ type: 'send-explanation', reason: 'court-ruling', text: 'Порядок обжалования…' }, A.execA, d('16:10'))
        .code,
    ).toBe('forbidden');
    c.do({ type: 'send-explanation', reason: 'court-ruling', text: 'Порядок обжалования…' }, A.curator, d('16:10'));
    expect(c.state.ending).toBe('explained');
    expect(c.clocks(d('16:10')).active).toEqual([]);
  });
  it('gives a link to an answer already published (3.6)', () => {
    const c = routed();
    c.do({ type: 'link-published', url: 'https://idra.ru/info/1' }, A.curator, d('16:10'));
    expect(c.state.ending).toBe('linked');
  });
  it('converts to an official appeal under 59-FZ with consent and contacts (3.8)', () => {
    const c = routed();
    const appeal = {
      type: 'convert-to-appeal',
      consent: true,
      fullName: 'Иванов Иван Иванович',
      address: 'с. Идринское, ул. Мира, 1',
      phone: '+7 900 000-00-00',
      registrationNumber: 'СЭД-2026/123',
    } as const;
    const noConsent = c.fail({ ...appeal, consent: false } as never, A.curator, d('16:10'));
    expect(noConsent.code).toBe('invalid-input');
    expect(noConsent.details?.path).toBe('consent');
    expect(c.fail({ ...appeal, phone: '' }, A.curator, d('16:10')).details?.path).toBe('phone');
    c.do(appeal, A.curator, d('16:10'));
    expect(c.state.ending).toBe('converted');
    expect(c.state.appeal?.registrationNumber).toBe('СЭД-2026/123');
  });
  it('runs a high-importance answer in calendar time (3.9)', () => {
    const c = new CaseRun(P).registered(d('15:00'));
    c.do(triage('high'), A.curator, d('15:10'));
    // 24 calendar hours from Fri 15:00 → Sat 15:00.
    expect(c.dues(d('15:10'))['*answer']).toBe(d('15:00', '28'));
  });
});
