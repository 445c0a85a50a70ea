// The same walk through every preset — return → reroute, revision loop, intermediate → final, repeat, rejection —
// with each preset's clocks hand-computed. Monday 2026-11-30 is an ordinary working Monday; Mon–Fri 09–13, 14–18.
import { describe, expect, it } from 'vitest';
import { A, CaseRun, draft, register, sameThread, single } from './test-harness';

interface Walk {
  readonly id: string;
  readonly offset: string;
  readonly ground: string;
  readonly publisher: 'executor' | 'curator';
  /** Active clocks (step → local HH:MM on Mon Nov 30, or a full ISO instant) after each point of the walk. */
  readonly afterReturn: Record<string, string>;
  readonly afterReroute: Record<string, string>;
  readonly afterDraft: Record<string, string>;
  readonly afterRevision: Record<string, string>;
  readonly afterApproval: Record<string, string>;
  /** null: the profile has no intermediate answers (idrinsky: no `final` limit). */
  readonly afterIntermediate: Record<string, string> | null;
}

const WALKS: Walk[] = [
  {
    id: 'konyshevsky-2020',
    offset: '+03:00',
    ground: 'harm-intent',
    publisher: 'executor',
    // answer 8 h W from Mon 10:00: 10–13 (3) + 14–18 (4) + Tue 9–10 (1) → Tue 10:00 (p.10); reroute 30 min from
    // the return at 10:20 → 10:50 (p.9).
    afterReturn: { reroute: '10:50', '*answer': 'Tue 10:00' },
    // draft 4 h W before Tue 10:00: Tue 9–10 (1) + Mon 15–18 (3) → 15:00 (p.11).
    afterReroute: { draft: '15:00', '*answer': 'Tue 10:00' },
    afterDraft: { approve: '11:30', '*answer': 'Tue 10:00' }, // 30 min (p.12)
    afterRevision: { revise: '12:10', '*answer': 'Tue 10:00' }, // 1 h from 11:10 (p.13)
    afterApproval: { publish: '12:20', '*answer': 'Tue 10:00' }, // 30 min from 11:50 (p.14)
    // 7 working days from Mon Nov 30: Dec 1, 2, 3, 4, 7, 8, 9 → Wed Dec 9 18:00 (p.15).
    afterIntermediate: { '*final': '2026-12-09T18:00:00+03:00' },
  },
  {
    id: 'idrinsky-2021',
    offset: '+07:00',
    ground: 'no-point',
    publisher: 'curator',
    // answer: Mon 10:00 + 24 h = Tue 10:00; the window holds Mon 7 W h + Tue 1 W h = 8 (3.3). No return/reroute limit.
    afterReturn: { '*answer': 'Tue 10:00' },
    // draft 4 h W from b's receipt at 10:30: 10:30–13 (150) + 14:00–15:30 (90) → 15:30 (3.2). b's total 23 W h
    // (3.2): Mon 10:30–13, 14–18 (6.5) + Tue (8) + Wed (8) = 22.5, Thu Dec 3 09:00–09:30 → 09:30.
    afterReroute: { draft: '15:30', 'department-total:dept-b': '2026-12-03T09:30:00+07:00', '*answer': 'Tue 10:00' },
    // The total pauses while the operator checks the draft.
    afterDraft: { '*answer': 'Tue 10:00' },
    // revise 3 h W from 11:10: 11:10–13 (110) + 14:00–15:10 (70) → 15:10 (3.2). The total resumes at 11:10 with
    // 1380 − 30 (10:30–11:00) = 1350 min: Mon 11:10–13, 14–18 (350) + Tue (480) + Wed (480) = 1310, Thu 09:00–09:40.
    afterRevision: {
      revise: '15:10',
      'department-total:dept-b': '2026-12-03T09:40:00+07:00',
      '*answer': 'Tue 10:00',
    },
    afterApproval: { '*answer': 'Tue 10:00' }, // publication within the answer (3.3)
    afterIntermediate: null,
  },
  {
    id: 'slavgorod-2020',
    offset: '+07:00',
    ground: 'threats',
    publisher: 'curator',
    // 24 calendar hours from receipt (p.5), held by the executor: the return ends a's …
    afterReturn: {},
    // … and the new executor's receipt at 10:30 starts b's → Tue 10:30.
    afterReroute: { draft: 'Tue 10:30' },
    // The draft sent to the specialist stops it (p.6); no other step has a limit.
    afterDraft: {},
    afterRevision: {},
    afterApproval: {},
    afterIntermediate: { '*final': '2026-12-09T18:00:00+07:00' }, // 7 working days (p.7)
  },
  {
    id: 'krasnoufimsk-2021',
    offset: '+05:00',
    ground: 'obscene',
    publisher: 'curator',
    // The answer is prepared (the draft sent) 6 h W from 10:00: 10–13 (3) + 14–17 (3) → Mon 17:00 (p.12–13); no
    // case-wide limit of its own. The draft is the composer's duty from their receipt ("Clocks exactly"): a's ended
    // with its return, and nobody composes until the curator reroutes (reroute 30 min W from 10:20 → 10:50, p.10).
    afterReturn: { reroute: '10:50' },
    afterReroute: { draft: '17:00' },
    afterDraft: { approve: '11:30' },
    afterRevision: { revise: '11:40' }, // 30 min (p.15)
    afterApproval: { publish: '12:20' },
    // 8 calendar days from detection on Nov 30: Dec 1 … Dec 8 (a Tuesday) → 18:00 (p.12).
    afterIntermediate: { '*final': '2026-12-08T18:00:00+05:00' },
  },
  {
    id: 'nao-2020',
    offset: '+03:00',
    ground: 'spam',
    publisher: 'curator',
    afterReturn: { reroute: '10:50', '*answer': 'Tue 10:00' }, // p.14, p.16
    afterReroute: { draft: '15:00', '*answer': 'Tue 10:00' }, // p.17
    afterDraft: { approve: '11:30', '*answer': 'Tue 10:00' }, // p.18
    afterRevision: { revise: '12:10', '*answer': 'Tue 10:00' }, // p.19
    afterApproval: { publish: '12:20', '*answer': 'Tue 10:00' }, // p.20
    afterIntermediate: { '*final': '2026-12-09T18:00:00+03:00' }, // p.21
  },
];

describe.each(WALKS)('$id walk', (w) => {
  const at = (hhmm: string, day = '30') =>
    day === '30' ? `2026-11-30T${hhmm}:00${w.offset}` : `2026-12-${day}T${hhmm}:00${w.offset}`;
  const expand = (dues: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(dues).map(([k, v]) => [
        k,
        v.startsWith('2026-') ? v : v.startsWith('Tue ') ? at(v.slice(4), '01') : at(v),
      ]),
    );
  const publisher = w.publisher === 'executor' ? A.execB : A.curator;

  it('return → reroute → revision loop → intermediate → final', () => {
    const c = new CaseRun(w.id).routed([at('10:00'), at('10:05'), at('10:10')], A.curator);
    c.do({ type: 'return', departmentId: 'dept-a', reason: 'Не наша компетенция' }, A.execA, at('10:20'));
    expect(c.dues(at('10:20'))).toEqual(expand(w.afterReturn));
    c.do({ ...single('b'), type: 'reroute' }, A.curator, at('10:30'));
    expect(c.dues(at('10:30'))).toEqual(expand(w.afterReroute));
    const kind = w.afterIntermediate ? 'intermediate' : 'answer';
    c.do(draft(kind), A.execB, at('11:00'));
    expect(c.dues(at('11:00'))).toEqual(expand(w.afterDraft));
    c.do({ type: 'request-revision', reason: 'Добавьте фото' }, A.curator, at('11:10'));
    expect(c.dues(at('11:10'))).toEqual(expand(w.afterRevision));
    c.do(draft(kind), A.execB, at('11:40'));
    c.do({ type: 'approve' }, A.curator, at('11:50'));
    expect(c.dues(at('11:50'))).toEqual(expand(w.afterApproval));
    if (!w.afterIntermediate) {
      c.do({ type: 'publish', where: sameThread }, publisher, at('12:00'));
      expect(c.state.ending).toBe('answered');
      return;
    }
    c.do({ type: 'publish-intermediate', where: sameThread }, publisher, at('12:00'));
    expect(c.dues(at('12:00'))).toEqual(w.afterIntermediate);
    c.do(draft('answer'), A.execB, at('10:00', '02'));
    c.do({ type: 'approve' }, A.curator, at('10:10', '02'));
    c.do({ type: 'publish', where: sameThread }, publisher, at('10:20', '02'));
    expect(c.state).toMatchObject({ status: 'closed', ending: 'answered' });
    expect(c.state.returns).toHaveLength(1);
    expect(c.state.revisions).toHaveLength(1);
    expect(c.clocks(at('10:20', '02')).active).toEqual([]);
  });

  it('a repeat message follows the same deadlines as a first one', () => {
    const first = new CaseRun(w.id);
    first.do(register('case-1'), A.operator, at('10:00'));
    const repeat = new CaseRun(w.id);
    repeat.do(register('case-2'), A.operator, at('10:00'));
    repeat.do({ type: 'link-repeat', earlierCaseIds: ['case-1'] }, A.operator, at('10:01'));
    expect(repeat.dues(at('10:01'))).toEqual(first.dues(at('10:01')));
    expect(repeat.state.repeatOf).toEqual(['case-1']);
  });

  it(`rejects a message on the ground '${w.ground}'`, () => {
    const c = new CaseRun(w.id).registered(at('10:00'));
    c.do({ type: 'triage', processable: false, ground: w.ground }, A.curator, at('10:05'));
    expect(c.state).toMatchObject({ status: 'closed', ending: 'rejected', rejectionGround: w.ground });
    expect(c.clocks(at('10:05')).active).toEqual([]);
  });
});
