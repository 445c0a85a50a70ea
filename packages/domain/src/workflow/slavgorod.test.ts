// slavgorod-2020 scenarios: one 24-hour limit from the executor's receipt, the final answer, repeats (+07).
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { A, CaseRun, draft, register, sameThread, single, triage } from './test-harness';

const P = 'slavgorod-2020';
const d = localTime('+07:00');

describe('slavgorod-2020', () => {
  it('counts 24 calendar hours from the executor’s receipt; intermediate → 7 working days', () => {
    const c = new CaseRun(P).registered(d('11:00'));
    // No limit runs before an executor has the message: the document sets none for the specialist.
    expect(c.dues(d('11:00'))).toEqual({});
    c.do(triage(), A.operator, d('11:30'));
    c.do(single('a'), A.curator, d('12:00'));
    // p.5: 24 hours from receipt by the executor at 12:00 → Wed 12:00 (calendar time), held by the executor.
    expect(c.dues(d('12:00'))).toEqual({ draft: d('12:00', '25') });
    expect(c.holders(d('12:00'))).toEqual({ draft: ['exec-a'] });
    c.do(draft('intermediate'), A.execA, d('17:00'));
    // The draft is sent to the specialist (p.6): the executor's 24 hours stop; agreeing and publishing have no limit.
    expect(c.dues(d('17:00'))).toEqual({});
    c.do({ type: 'approve' }, A.curator, d('17:10'));
    expect(c.dues(d('17:10'))).toEqual({});
    c.do({ type: 'publish-intermediate', where: sameThread }, A.curator, d('17:20'));
    // p.7: 7 working days from Tue Nov 24 → Nov 25, 26, 27, 30, Dec 1, 2, 3 → Thu Dec 3 18:00.
    expect(c.dues(d('17:20'))).toEqual({ '*final': '2026-12-03T18:00:00+07:00' });
    c.do(draft('answer'), A.execA, '2026-12-02T10:00:00+07:00');
    c.do({ type: 'approve' }, A.curator, '2026-12-02T10:30:00+07:00');
    c.do({ type: 'publish', where: sameThread }, A.curator, '2026-12-02T11:00:00+07:00');
    expect(c.state.ending).toBe('answered');
  });
  it('records a breach of the 24 hours when the scheduler asks, and keeps it after the answer', () => {
    const c = new CaseRun(P).routed([d('11:00'), d('11:30'), d('12:00')], A.operator);
    const id = c.clocks(d('12:00')).active.find((x) => x.step === 'draft')?.id ?? '';
    expect(c.fail({ type: 'record-clock-breached', clockId: id }, A.system, d('12:00', '25')).code).toBe(
      'nothing-to-record',
    );
    c.do({ type: 'record-clock-breached', clockId: id }, A.system, d('12:01', '25'));
    expect(c.fail({ type: 'record-clock-breached', clockId: id }, A.system, d('12:02', '25')).code).toBe(
      'nothing-to-record',
    );
    expect(c.status(d('12:02', '25'))[id]).toBe('breached');
    c.do(draft(), A.execA, d('13:00', '25'));
    c.do({ type: 'approve' }, A.curator, d('13:10', '25'));
    c.do({ type: 'publish', where: sameThread }, A.curator, d('13:20', '25'));
    const record = c.state.clocks.find((r) => r.id === id);
    expect(record?.breachedAt).toBe(Date.parse(d('12:01', '25')));
    expect(record?.dueAt).toBe(Date.parse(d('12:00', '25')));
    expect(record?.breachHolders).toEqual([{ role: 'executor', personId: 'exec-a', departmentId: 'dept-a' }]);
  });
  it('links a repeat message to the earlier case; it follows the same deadline', () => {
    const c = new CaseRun(P);
    c.do(register('case-9'), A.operator, d('09:00'));
    c.do({ type: 'link-repeat', earlierCaseIds: ['case-1'] }, A.operator, d('09:05'));
    c.do(triage(), A.operator, d('09:10'));
    c.do(single('a'), A.curator, d('09:20'));
    expect(c.state.repeatOf).toEqual(['case-1']);
    expect(c.dues(d('09:20'))).toEqual({ draft: d('09:20', '25') });
  });
  it('has no explanations or sequential chains', () => {
    const c = new CaseRun(P).registered(d('09:00'));
    c.do(triage(), A.operator, d('09:10'));
    expect(c.fail({ type: 'send-explanation', reason: 'bypass-law', text: '…' }, A.curator, d('09:20')).code).toBe(
      'not-in-profile',
    );
  });
});
