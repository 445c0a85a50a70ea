// The curator's queue and bell (issue 12): what a case waits on a curator for at each step of konyshevsky-2020's
// forwarded chain and krasnoufimsk-2021's parallel set, and whom a registration and a draft are notified to.
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { curatorTurn } from './curator-queue';
import { noticesFor } from './notices';
import { A, CaseRun, chain, draft, register, single, triage } from './test-harness';

const d = localTime('+03:00');

describe('curatorTurn', () => {
  it('a single executor: triage, routing, nothing while the executor drafts, approval, re-routing after a return', () => {
    const c = new CaseRun('konyshevsky-2020').registered(d('09:00'));
    expect(curatorTurn(c.state)).toBe('triage');
    c.do(triage(), A.operator, d('09:10'));
    expect(curatorTurn(c.state)).toBe('route');
    c.do(single('a'), A.curator, d('09:20'));
    expect(curatorTurn(c.state)).toBeNull();
    c.do(draft(), A.execA, d('10:00'));
    expect(curatorTurn(c.state)).toBe('approve');
    c.do({ type: 'request-revision', reason: 'Уточните сроки' }, A.curator, d('10:10'));
    expect(curatorTurn(c.state)).toBeNull();
    c.do(draft(), A.execA, d('10:30'));
    expect(curatorTurn(c.state)).toBe('approve');
    // konyshevsky p.14: the executor publishes, so an approved answer is not the curator's.
    c.do({ type: 'approve' }, A.curator, d('10:40'));
    expect(curatorTurn(c.state)).toBeNull();

    const r = new CaseRun('konyshevsky-2020').routed([d('09:00'), d('09:05'), d('09:10')], A.curator);
    r.do({ type: 'return', departmentId: 'dept-a', reason: 'Не наша компетенция' }, A.execA, d('09:20'));
    expect(curatorTurn(r.state)).toBe('reroute');
  });

  it('a curator-forwarded chain (konyshevsky p.16): the part waits for the curator to forward it', () => {
    const c = new CaseRun('konyshevsky-2020');
    c.routed([d('09:00'), d('09:10'), d('09:20')], A.operator, triage(), chain('sequential'));
    expect(curatorTurn(c.state)).toBeNull();
    c.do({ type: 'submit-contribution', departmentId: 'dept-a', text: 'Часть А' }, A.execA, d('10:00'));
    expect(curatorTurn(c.state)).toBe('forward');
    c.do({ type: 'forward' }, A.curator, d('10:10'));
    expect(curatorTurn(c.state)).toBeNull();
  });

  it('a parallel set (krasnoufimsk p.17): once every part is in, the curator composes; the curator publishes (p.16)', () => {
    const c = new CaseRun('krasnoufimsk-2021');
    c.routed([d('09:00'), d('09:10'), d('09:20')], A.curator, triage(), chain('parallel'));
    c.do({ type: 'submit-contribution', departmentId: 'dept-a', text: 'Часть А' }, A.execA, d('10:00'));
    expect(curatorTurn(c.state)).toBeNull();
    c.do({ type: 'submit-contribution', departmentId: 'dept-b', text: 'Часть Б' }, A.execB, d('10:30'));
    expect(curatorTurn(c.state)).toBe('compose');
    c.do({ type: 'compose-answer', kind: 'answer', text: 'Общий ответ' }, A.curator, d('10:40'));
    expect(curatorTurn(c.state)).toBe('approve');
    c.do({ type: 'approve' }, A.curator, d('10:50'));
    expect(curatorTurn(c.state)).toBe('publish');
  });
});

describe('the bell of the curators', () => {
  it('a registration is notified to every curator, except the curator who registered it', () => {
    const c = new CaseRun('konyshevsky-2020');
    const before = c.state;
    const [registered] = c.do(register(), A.operator, d('09:00'));
    expect(noticesFor(before, registered!, c.state)).toEqual([
      { kind: 'registered', to: { role: 'curator' }, except: A.operator.personId },
    ]);
  });

  it('a draft is notified to the curator who routed the case; a composed draft of that curator to nobody else', () => {
    const c = new CaseRun('konyshevsky-2020').routed([d('09:00'), d('09:10'), d('09:20')], A.operator);
    const before = c.state;
    const [submitted] = c.do(draft(), A.execA, d('10:00'));
    expect(noticesFor(before, submitted!, c.state)).toEqual([
      { kind: 'draft-submitted', to: { person: A.curator.personId }, except: A.execA.personId },
    ]);
  });
});
