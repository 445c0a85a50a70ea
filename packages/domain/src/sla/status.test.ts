// The one boundary of "breached": due at 16:00 is on time at 16:00:00.000 and breached from 16:00:00.001, in the
// pure function and through everything that asks it (the decider's breach record, a late return, the sandbox).
import { describe, expect, it } from 'vitest';
import { A, CaseRun, single, triage } from '../workflow/test-harness';
import { clockStatus, firstBreachedInstant, isPastDue } from './status';

const iso = (hhmm: string, ss = '00.000') => `2026-11-24T${hhmm}:${ss}+03:00`;
const msk = (hhmm: string, ss = '00.000') => Date.parse(iso(hhmm, ss));

describe('clockStatus', () => {
  const dueAt = msk('16:00');
  const atRiskAt = msk('15:00');
  it('is on track before the at-risk instant and at risk from it', () => {
    expect(clockStatus({ dueAt, atRiskAt }, msk('14:59', '59.999'))).toBe('on-track');
    expect(clockStatus({ dueAt, atRiskAt }, atRiskAt)).toBe('at-risk');
  });
  it('keeps the due instant itself on time and is breached from the next millisecond', () => {
    expect(isPastDue(dueAt, msk('16:00'))).toBe(false);
    expect(clockStatus({ dueAt, atRiskAt }, msk('16:00'))).toBe('at-risk');
    expect(clockStatus({ dueAt }, msk('16:00'))).toBe('on-track');
    expect(isPastDue(dueAt, msk('16:00', '00.001'))).toBe(true);
    expect(clockStatus({ dueAt, atRiskAt }, msk('16:00', '00.001'))).toBe('breached');
    expect(firstBreachedInstant(dueAt)).toBe(msk('16:00', '00.001'));
  });
  it('stays breached once a breach is recorded, whatever the instants say', () => {
    expect(clockStatus({ dueAt, atRiskAt, breachedAt: msk('16:01') }, msk('12:00'))).toBe('breached');
  });
});

describe('the decider asks the same boundary', () => {
  // konyshevsky-2020, Tue Nov 24 (+03): triage p.7 30 min W from detection 09:30 → 10:00.
  const start = () => {
    const c = new CaseRun('konyshevsky-2020').registered(iso('09:30'));
    return c;
  };
  it('a breach cannot be recorded at the due instant, only after it', () => {
    const c = start();
    const triageId = c.state.clocks.find((r) => r.step === 'triage')!.id;
    expect(c.fail({ type: 'record-clock-breached', clockId: triageId }, A.system, iso('10:00')).code).toBe(
      'nothing-to-record',
    );
    const recorded = c.do({ type: 'record-clock-breached', clockId: triageId }, A.system, iso('10:00', '00.001'));
    expect(recorded).toMatchObject([{ type: 'clock-breached', dueAt: msk('10:00'), breachAt: msk('10:00') }]);
  });
  it('an action at the due instant is on time; a millisecond later it is late', () => {
    const onTime = start();
    onTime.do(triage(), A.operator, iso('10:00'));
    expect(onTime.state.clocks.find((r) => r.step === 'triage')).toMatchObject({ breachedAt: null });
    const late = start();
    const events = late.do(triage(), A.operator, iso('10:00', '00.001'));
    expect(events.map((e) => e.type)).toEqual(['clock-breached', 'case-triaged']);
  });
  it('a return at the end of its window is on time (p.8: 30 min W from receipt 10:10 → 10:40)', () => {
    const c = start();
    c.do(triage(), A.operator, iso('10:00'));
    c.do(single('a'), A.curator, iso('10:10'));
    c.do({ type: 'return', departmentId: 'dept-a', reason: 'не наша компетенция' }, A.execA, iso('10:40'));
    expect(c.state.clocks.find((r) => r.step === 'return')).toMatchObject({ breachAt: null });
    const d = start();
    d.do(triage(), A.operator, iso('10:00'));
    d.do(single('a'), A.curator, iso('10:10'));
    d.do({ type: 'return', departmentId: 'dept-a', reason: 'не наша компетенция' }, A.execA, iso('10:40', '00.001'));
    expect(d.state.clocks.find((r) => r.step === 'return')).toMatchObject({ breachAt: msk('10:40', '00.001') });
  });
});
