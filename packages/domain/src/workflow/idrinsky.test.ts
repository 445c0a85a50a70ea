// idrinsky-2021 scenarios: the 24-hour rule, posting-time clocks and the extra endings (Asia/Krasnoyarsk, +07).
import { describe, expect, it } from 'vitest';
import { A, CaseRun, draft, register, sameThread, single, triage } from './test-harness';

const P = 'idrinsky-2021';
const d = (hhmm: string, day = '27') => `2026-11-${day}T${hhmm}:00+07:00`;
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
    // triage 3 h W from posting 14:00 (3.1) → 17:00; answer: Fri 15:00 + 24 h over working dates → Mon 15:00 (3.3).
    expect(c.dues(d('15:00'))).toEqual({ triage: d('17:00'), '*answer': d('15:00', '30') });
    c.do(triage(), A.curator, d('15:30'));
    // 3.1: the check ends when the message is sent to the responsible structure, so triage keeps running.
    expect(c.dues(d('15:30'))).toEqual({ triage: d('17:00'), '*answer': d('15:00', '30') });
    c.do(single('a'), A.curator, d('16:00'));
    // draft 4 h W from receipt (3.2): Fri 16–18 (2) + Mon 9–11 (2) → Mon 11:00.
    expect(c.dues(d('16:00'))).toEqual({ draft: d('11:00', '30'), '*answer': d('15:00', '30') });
    c.do(draft(), A.execA, d('10:30', '30'));
    // No approval limit of its own: only the answer clock.
    expect(c.dues(d('10:30', '30'))).toEqual({ '*answer': d('15:00', '30') });
    c.do({ type: 'request-revision', reason: 'Уточните адрес' }, A.curator, d('11:00', '30'));
    // revise 3 h W (3.2): 11–13 (2) + 14–15 (1) → Mon 15:00.
    expect(c.dues(d('11:00', '30'))).toEqual({ revise: d('15:00', '30'), '*answer': d('15:00', '30') });
    c.do(draft(), A.execA, d('12:00', '30'));
    c.do({ type: 'approve' }, A.curator, d('12:10', '30'));
    // Publication "within the answer" (3.3) adds no clock of its own.
    expect(c.dues(d('12:10', '30'))).toEqual({ '*answer': d('15:00', '30') });
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
    const c2 = new CaseRun(P);
    c2.do(register(), A.operator, d('15:00'));
    c2.do(triage(), A.curator, d('15:10'));
    const chain = {
      type: 'route',
      mode: 'sequential',
      assignments: [
        { departmentId: 'dept-a', executorId: 'exec-a' },
        { departmentId: 'dept-b', executorId: 'exec-b' },
      ],
    } as const;
    expect(c2.fail(chain, A.curator, d('15:20')).code).toBe('not-in-profile');
  });
  it('has no return limit: an executor may return later', () => {
    const c = routed();
    c.do({ type: 'return', departmentId: 'dept-a', reason: 'Не наша компетенция' }, A.execA, d('11:00', '30'));
    // No reroute limit either: only the answer clock.
    expect(c.dues(d('11:00', '30'))).toEqual({ '*answer': d('15:00', '30') });
  });
});

describe('idrinsky-2021: other endings', () => {
  it('rejects an unreadable message (3.6)', () => {
    const c = new CaseRun(P);
    c.do(register(), A.operator, d('15:00'));
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
    const c = new CaseRun(P);
    c.do(register(), A.operator, d('15:00'));
    c.do(triage('high'), A.curator, d('15:10'));
    // 24 calendar hours from Fri 15:00 → Sat 15:00.
    expect(c.dues(d('15:10'))['*answer']).toBe(d('15:00', '28'));
  });
});
