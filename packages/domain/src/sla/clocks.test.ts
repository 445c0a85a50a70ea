// computeClocks: status, remaining and total working minutes, the at-risk moment (hand-computed, MSK, Mon–Fri
// 09–13, 14–18).
import { describe, expect, it } from 'vitest';
import { allowedCommands } from '../workflow/allowed';
import { A, CaseRun, chain, draft, sameThread, triage } from '../workflow/test-harness';
import { localTime, t } from './test-helpers';

const d = localTime('+03:00');

describe('computeClocks', () => {
  it('reports remaining working minutes across lunch and the night, and the at-risk moment', () => {
    const c = new CaseRun('konyshevsky-2020').registered(d('12:00'));
    // answer 8 h W from Tue 12:00: 12–13 (1) + 14–18 (4) + Wed 9–12 (3) → Wed 12:00; total 480 W min.
    const at1530 = c.clocks(d('15:30')).overall!;
    expect(c.ctx.calendar.formatInstant(at1530.dueAt)).toBe(d('12:00', '25'));
    expect(at1530.totalWorkingMinutes).toBe(480);
    // From 15:30: 15:30–18:00 (150) + Wed 9–12 (180) = 330.
    expect(at1530.remainingWorkingMinutes).toBe(330);
    expect(at1530.status).toBe('on-track');
    // At risk with 25% = 120 W min left: Wed 12:00 − 120 W min = Wed 10:00.
    expect(c.ctx.calendar.formatInstant(at1530.atRiskAt)).toBe(d('10:00', '25'));
    expect(c.clocks(d('09:59', '25')).overall?.status).toBe('on-track');
    expect(c.clocks(d('10:00', '25')).overall?.status).toBe('at-risk');
    // Exactly at the due instant the clock is not yet breached; a minute later it is, with remaining < 0.
    expect(c.clocks(d('12:00', '25')).overall?.status).toBe('at-risk');
    const late = c.clocks(d('12:01', '25')).overall!;
    expect(late.status).toBe('breached');
    expect(late.remainingWorkingMinutes).toBe(-1);
    // Overnight nothing runs: Tue 18:30 and Wed 08:30 leave the same 180 W min.
    expect(c.clocks(d('18:30')).overall?.remainingWorkingMinutes).toBe(180);
    expect(c.clocks(d('08:30', '25')).overall?.remainingWorkingMinutes).toBe(180);
    expect(at1530.confirmed).toBe(true);
  });

  it('puts the at-risk moment on a whole millisecond, never before the share of the time has passed', () => {
    // Registered, triaged and routed in the same instant.
    const start = '2026-11-25T10:00:00.000+03:00';
    const c = new CaseRun('konyshevsky-2020').routed([start, start, start], A.operator);
    // The draft shortened to 4,001 ms after routing: 25% of it is 1,000.25 ms, so the moment is 10:00:03.000.75;
    // the whole millisecond not before it is 10:00:03.001 (a stored timestamp keeps whole milliseconds).
    c.do(
      { type: 'shorten-deadline', step: 'draft', dueAt: t('2026-11-25T10:00:04.001+03:00') },
      A.curator,
      '2026-11-25T10:00:00.000+03:00',
    );
    const draftClock = c.clocks('2026-11-25T10:00:00.500+03:00').active.find((k) => k.step === 'draft')!;
    expect(draftClock.atRiskAt).toBe(t('2026-11-25T10:00:03.001+03:00'));
    expect(c.status('2026-11-25T10:00:03.000+03:00')[draftClock.id]).toBe('on-track');
    expect(c.status('2026-11-25T10:00:03.001+03:00')[draftClock.id]).toBe('at-risk');
  });

  it('keeps a recorded breach as breached and lists every clock of a chain', () => {
    const c = new CaseRun('nao-2020');
    c.routed([d('09:00'), d('09:05'), d('09:10')], A.curator, triage(), chain('sequential'));
    const { active } = c.clocks(d('09:10'));
    // The first executor's part and the answer, held by the first executor who has the case; the composer (b) has
    // no draft clock before the curator forwards the case to them (NAO p.22.2).
    expect(active.map((x) => [x.kind, x.step, x.responsible.personId])).toEqual([
      ['step', 'contribution', 'exec-a'],
      ['overall', 'answer', 'exec-a'],
    ]);
  });

  it('opens no draft clock for a clarification in the final stage', () => {
    const c = new CaseRun('nao-2020').routed([d('10:00'), d('10:05'), d('10:10')], A.curator);
    c.do(draft('intermediate'), A.execA, d('11:00'));
    c.do({ type: 'approve' }, A.curator, d('11:10'));
    c.do({ type: 'publish-intermediate', where: sameThread }, A.curator, d('11:20'));
    c.do(draft('clarification'), A.execA, d('10:00', '26'));
    c.do({ type: 'approve' }, A.curator, d('10:10', '26'));
    c.do({ type: 'publish', where: sameThread }, A.curator, d('10:20', '26'));
    // final: 7 working days from Tue Nov 24 → Dec 3 18:00 (p.21), and nothing else.
    expect(c.dues(d('10:20', '26'))).toEqual({ '*final': '2026-12-03T18:00:00+03:00' });
  });

  it('offers a return also after its window (recorded as late), and scheduler records only when due', () => {
    const c = new CaseRun('konyshevsky-2020').routed([d('10:00'), d('10:05'), d('10:10')], A.operator);
    // 30 min W from receipt at 10:10 → 10:40 (p.8).
    expect(c.allowed(A.execA)).toContain('return');
    expect(allowedCommands(c.state, A.execA, c.ctx, t(d('10:40')))).toContain('return');
    expect(allowedCommands(c.state, A.execA, c.ctx, t(d('10:41')))).toContain('return');
    // The triage clock closed at triage, the draft is due 4 h W before Wed 10:00 → Tue 15:00: nothing to record yet.
    expect(allowedCommands(c.state, A.system, c.ctx, t(d('10:41')))).toEqual([]);
    expect(allowedCommands(c.state, A.system, c.ctx, t(d('15:01')))).toEqual([
      'record-clock-at-risk',
      'record-clock-breached',
    ]);
  });
});
