// krasnoufimsk-2021 scenarios: categories, a parallel set composed by the curator, fast-track evidence (+05).
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { A, CaseRun, chain, draft, sameThread, single, triage } from './test-harness';

const P = 'krasnoufimsk-2021';
const d = localTime('+05:00');
const parallel = chain('parallel');

describe('krasnoufimsk-2021: high importance, parallel executors, the curator composes', () => {
  it('walks the case and every clock', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    // triage 30 min W from reading (p.10) → 10:30. No case-wide limit of its own, and no draft clock yet: the draft
    // is the composer's duty from routing ("Clocks exactly").
    expect(c.dues(d('10:00'))).toEqual({ triage: d('10:30') });
    c.do(triage('high'), A.curator, d('10:10'));
    expect(c.dues(d('10:10'))).toEqual({ triage: d('10:30') });
    c.do(parallel, A.curator, d('10:20'));
    // The draft starts at routing (10:20) but keeps the p.12 limit counted from detection: high importance 3 h W
    // from 10:00 → 10–13 → 13:00 (6 h W ordinary would be 10–13 + 14–17 → 17:00).
    expect(c.state.clocks.find((r) => r.step === 'draft')?.startedAt).toBe(Date.parse(d('10:20')));
    // Both executors receive at 10:20: 2 h W each (p.17) → 12:20. The draft is held by whoever has the case: both.
    expect(c.dues(d('10:20'))).toEqual({
      'contribution:dept-a': d('12:20'),
      'contribution:dept-b': d('12:20'),
      draft: d('13:00'),
    });
    expect(c.holders(d('10:20')).draft).toEqual(['exec-a', 'exec-b']);
    expect(c.allowed(A.curator)).not.toContain('compose-answer');
    c.do({ type: 'submit-contribution', departmentId: 'dept-a', text: 'Часть А' }, A.execA, d('11:00'));
    expect(c.dues(d('11:00'))).toEqual({ 'contribution:dept-b': d('12:20'), draft: d('13:00') });
    expect(c.holders(d('11:00')).draft).toEqual(['exec-b']);
    expect(
      c.fail({ type: 'submit-contribution', departmentId: 'dept-a', text: 'Ещё раз' }, A.execA, d('11:05')).code,
    ).toBe('forbidden');
    c.do({ type: 'submit-contribution', departmentId: 'dept-b', text: 'Часть Б' }, A.execB, d('12:00'));
    expect(c.fail({ type: 'compose-answer', kind: 'answer', text: 'Общий' }, A.execB, d('12:10')).code).toBe(
      'forbidden',
    );
    // Every part is in: the curator composes, and holds the draft clock.
    expect(c.holders(d('12:05')).draft).toEqual(['curator']);
    c.do({ type: 'compose-answer', kind: 'answer', text: 'Общий ответ' }, A.curator, d('12:10'));
    // approve 30 min W (p.14) → 12:40; the draft was sent, its clock stopped.
    expect(c.dues(d('12:10'))).toEqual({ approve: d('12:40') });
    c.do({ type: 'approve' }, A.curator, d('12:20'));
    // publish 30 min W by the curator (p.16) → 12:50.
    expect(c.dues(d('12:20'))).toEqual({ publish: d('12:50') });
    c.do({ type: 'publish', where: sameThread }, A.curator, d('12:30'));
    expect(c.state.ending).toBe('answered');
    expect(c.state.draft?.composed).toBe(true);
  });
});

describe('krasnoufimsk-2021: fast-track', () => {
  it('runs the 8-day resolution clock and needs evidence for the answer (p.8, p.20)', () => {
    const c = new CaseRun(P).registered(d('10:00', '25'));
    c.do(triage('fast-track'), A.curator, d('10:05', '25'));
    // fast-track 8 calendar days from Wed Nov 25: Nov 26 … Dec 3 (a Thursday, a working day) → Dec 3 18:00. No
    // draft clock before routing.
    expect(c.dues(d('10:05', '25'))).toEqual({
      triage: d('10:30', '25'),
      'fast-track': '2026-12-03T18:00:00+05:00',
    });
    c.do(single('a'), A.curator, d('10:20', '25'));
    // draft from the executor's receipt at 10:20, due 6 h W from detection: Wed 10–13 (3) + 14–17 (3) → 17:00.
    expect(c.dues(d('10:20', '25'))).toEqual({
      draft: d('17:00', '25'),
      'fast-track': '2026-12-03T18:00:00+05:00',
    });
    const noEvidence = c.fail(draft('answer'), A.execA, d('11:00', '25'));
    expect(noEvidence).toMatchObject({ code: 'invalid-input', details: { path: 'evidence' } });
    const empty = c.fail(
      draft('answer', { evidence: { outcome: 'solved', attachments: [] } }),
      A.execA,
      d('11:00', '25'),
    );
    expect(empty.code).toBe('invalid-input');
    // An intermediate answer needs no evidence; the final then runs 8 calendar days from detection (p.12).
    c.do(draft('intermediate'), A.execA, d('11:00', '25'));
    c.do({ type: 'approve' }, A.curator, d('11:10', '25'));
    c.do({ type: 'publish-intermediate', where: sameThread }, A.curator, d('11:20', '25'));
    expect(c.dues(d('11:20', '25'))).toEqual({
      '*final': '2026-12-03T18:00:00+05:00',
      'fast-track': '2026-12-03T18:00:00+05:00',
    });
    const evidence = { outcome: 'not-confirmed', attachments: [{ kind: 'photo', url: 'https://files/1.jpg' }] };
    c.do(draft('answer', { evidence }), A.execA, '2026-12-01T10:00:00+05:00');
    c.do({ type: 'approve' }, A.curator, '2026-12-01T10:10:00+05:00');
    c.do({ type: 'publish', where: sameThread }, A.curator, '2026-12-01T10:20:00+05:00');
    expect(c.state.ending).toBe('answered');
    expect(c.clocks('2026-12-01T10:20:00+05:00').active).toEqual([]);
  });
  it('final from Fri Apr 24 rolls past the May holidays to Mon May 4 18:00', () => {
    const c = new CaseRun(P);
    c.routed(['2026-04-24T12:00:00+05:00', '2026-04-24T12:05:00+05:00', '2026-04-24T12:10:00+05:00'], A.curator);
    c.do(draft('intermediate'), A.execA, '2026-04-24T14:00:00+05:00');
    c.do({ type: 'approve' }, A.curator, '2026-04-24T14:10:00+05:00');
    c.do({ type: 'publish-intermediate', where: sameThread }, A.curator, '2026-04-24T14:20:00+05:00');
    // 8 calendar days from Apr 24: Apr 25 … May 2 (Sat); May 2–3 are days off → Mon May 4 18:00.
    expect(c.dues('2026-04-24T14:20:00+05:00')).toEqual({ '*final': '2026-05-04T18:00:00+05:00' });
  });
});

describe('krasnoufimsk-2021: return → reroute, rejection', () => {
  it('returns with a written reason (p.11) and the curator reroutes within 30 min (p.10)', () => {
    const c = new CaseRun(P).routed([d('16:00'), d('16:10'), d('16:20')], A.curator);
    c.do({ type: 'return', departmentId: 'dept-a', reason: 'Вопрос ЖКХ, не наш' }, A.execA, d('16:40'));
    // reroute 30 min W from 16:40 → 17:10. a's draft clock ended with its return: nobody composes until the reroute.
    expect(c.dues(d('16:40'))).toEqual({ reroute: d('17:10') });
    c.do({ ...single('b'), type: 'reroute' }, A.curator, d('17:30'));
    const reroute = c.state.clocks.find((r) => r.step === 'reroute');
    // Rerouted late (17:30 > 17:10) → the breach was recorded before the clock closed.
    expect(reroute?.breachedAt).toBe(Date.parse(d('17:30')));
    // b's draft from its receipt at 17:30, due 6 h W from detection 16:00: 16–18 (2) + Wed 9–13 (4) → Wed 13:00.
    expect(c.dues(d('17:30'))).toEqual({ draft: d('13:00', '25') });
    expect(c.state.clocks.filter((r) => r.step === 'draft').map((r) => [r.startedAt, r.closedAs])).toEqual([
      [Date.parse(d('16:20')), 'cancelled'],
      [Date.parse(d('17:30')), null],
    ]);
  });
  it('rejects sequential chains (p.17 is parallel) and insulting messages (p.21)', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    c.do(triage(), A.curator, d('10:05'));
    expect(c.fail({ ...parallel, mode: 'sequential' }, A.curator, d('10:10')).code).toBe('not-in-profile');
    c.do({ type: 'reject', ground: 'threats', note: 'угрозы главе' }, A.curator, d('10:15'));
    expect(c.state.ending).toBe('rejected');
    expect(c.fail({ type: 'reject', ground: 'threats' }, A.curator, d('10:20')).code).toBe('wrong-state');
  });
});
