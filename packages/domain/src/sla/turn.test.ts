// Whose move a case is for an executor's inbox (issue 12 item 10): hand-checked against the regulations' holders.
import { describe, expect, it } from 'vitest';
import { A, CaseRun, chain, draft, triage } from '../workflow/test-harness';
import { turnOf } from './turn';

const yekt = (hhmm: string) => `2026-11-24T${hhmm}:00+05:00`;
const msk = (hhmm: string) => `2026-11-24T${hhmm}:00+03:00`;

describe('turnOf', () => {
  it('a parallel set: my part is my move until I send it, then I wait for the other department', () => {
    const c = new CaseRun('krasnoufimsk-2021');
    c.routed([yekt('10:00'), yekt('10:10'), yekt('10:20')], A.curator, triage(), chain('parallel'));
    const before = turnOf(c.clocks(yekt('10:30')).active, ['exec-a']);
    expect(before.mine).toBe(true);
    // krasnoufimsk p.17: 2 h W from receipt at 10:20 → 12:20, my own department's clock.
    expect(before.clock?.step).toBe('contribution');
    expect(before.clock?.dueAt).toBe(Date.parse(yekt('12:20')));
    c.do(
      { type: 'submit-contribution', departmentId: 'dept-a', text: 'Часть А', attachments: [] },
      A.execA,
      yekt('11:00'),
    );
    const after = turnOf(c.clocks(yekt('11:00')).active, ['exec-a']);
    expect(after.mine).toBe(false);
    // Now the case waits for department B, whose part is due 12:20.
    expect(after.clock?.step).toBe('contribution');
    expect(after.clock?.holders.map((h) => h.personId)).toEqual(['exec-b']);
    // A substitute of exec-b sees it as their move.
    expect(turnOf(c.clocks(yekt('11:00')).active, ['exec-a2', 'exec-b']).mine).toBe(true);
  });

  it('a draft with the curator for approval waits for the curators, on the approval clock', () => {
    const c = new CaseRun('konyshevsky-2020').routed([msk('10:00'), msk('10:10'), msk('10:20')], A.operator);
    expect(turnOf(c.clocks(msk('10:30')).active, ['exec-a']).mine).toBe(true);
    c.do(draft(), A.execA, msk('11:00'));
    const waiting = turnOf(c.clocks(msk('11:00')).active, ['exec-a']);
    expect(waiting.mine).toBe(false);
    // konyshevsky p.12: approval within 30 min W of the draft → 11:30, held by the curators.
    expect(waiting.clock?.step).toBe('approve');
    expect(waiting.clock?.dueAt).toBe(Date.parse(msk('11:30')));
    expect(waiting.clock?.holders.map((h) => h.role)).toEqual(['curator']);
  });
});
