// Issue 10's thirteen observations, each as a case walked through the decider with every expected instant worked out
// by hand from the 2026 production calendar (Mon–Fri 09–13, 14–18) and the regulation; and the examples
// (krasnoufimsk R6, the slavgorod case, the idrinsky posting case, the chain with a silent first department, the
// late return). REGULATIONS.md "Clocks exactly" is the reading.
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profiles/parse';
import { PRESETS } from '../profiles/presets';
import { nao2020 } from '../profiles/presets/nao-2020';
import { summariseMonth } from '../reports/summarise';
import { holderShares } from '../sla/history';
import { localTime, t } from '../sla/test-helpers';
import { evolve } from './evolve';
import { holderKey } from './holders';
import { noticesFor, recipientOf, supervisorOf } from './notices';
import { initialState } from './state';
import { A, CaseRun, type Cmd, chain, DIRECTORY_PEOPLE, draft, register, sameThread, single } from './test-harness';
import type { CaseState } from './types';

const ms = (iso: string) => Date.parse(iso);
const cls = (category: string, extra: Record<string, unknown> = {}): Cmd => ({
  type: 'triage',
  topic: 'ЖКХ',
  location: 'центр',
  category,
  processable: true,
  ...extra,
});
const breachedSteps = (s: CaseState) => s.clocks.filter((r) => r.breachedAt !== null).map((r) => r.step);
/** The state before the last `n` events, to ask the domain whom they concern. */
const before = (c: CaseRun, n = 1) => c.events.slice(0, -n).reduce(evolve, initialState);

describe('1. krasnoufimsk R6: p.12–13 bound the draft, not publication', () => {
  const d = localTime('+05:00');
  it('a draft on time, an approval on time and a publication on time record no breach', () => {
    const c = new CaseRun('krasnoufimsk-2021').routed([d('09:00'), d('09:10'), d('09:20')], A.curator, cls('ordinary'));
    // p.12: 6 h W from detection: 09–13 (4) + 14–16 (2) → 16:00; held by the health executor (dept-a).
    expect(c.dues(d('09:20'))).toEqual({ draft: d('16:00') });
    c.do(draft(), A.execA, d('15:30'));
    // p.14: approval 30 min W → 16:00.
    expect(c.dues(d('15:30'))).toEqual({ approve: d('16:00') });
    c.do({ type: 'approve' }, A.curator, d('15:55'));
    // p.16: publication 30 min W → 16:25. Nothing else runs: no case-wide limit, so 16:00 passes quietly.
    expect(c.dues(d('16:01'))).toEqual({ publish: d('16:25') });
    expect(c.clocks(d('16:01')).active.map((x) => x.status)).toEqual(['on-track']);
    const published = c.do({ type: 'publish', where: sameThread }, A.curator, d('16:20'));
    expect(published.map((e) => e.type)).toEqual(['answer-published']);
    expect(breachedSteps(c.state)).toEqual([]);
    // Every holder's share of the 380 working minutes 09:00–16:20: the curator (p.10: the specialist reads and
    // routes) 09:00–09:20 and 15:30–16:20 (approval, then publication, p.16), health 09:20–13:00 and 14:00–15:30.
    const shares = Object.fromEntries(
      holderShares(c.state, c.ctx.calendar, ms(d('16:20'))).map((s) => [s.key, s.minutes]),
    );
    expect(shares).toEqual({ curator: 70, 'dept-a': 310 });
  });
  it('the draft is the composer’s duty from routing (their receipt), with the p.12 limit counted from detection', () => {
    const c = new CaseRun('krasnoufimsk-2021').registered(d('09:00'));
    c.do(cls('ordinary'), A.curator, d('09:10'));
    // Before routing the curator holds the triage clock (p.10: 30 min W from reading → 09:30) and no draft runs.
    expect(c.dues(d('09:15'))).toEqual({ triage: d('09:30') });
    c.do(single('a'), A.curator, d('09:20'));
    const draftClock = c.state.clocks.find((r) => r.step === 'draft');
    expect(draftClock?.startedAt).toBe(ms(d('09:20')));
    // 6 h W from detection 09:00: 09–13 (4) + 14–16 (2) → 16:00, held by the health executor.
    expect(c.dues(d('09:20'))).toEqual({ draft: d('16:00') });
    expect(c.holders(d('09:20'))).toEqual({ draft: ['exec-a'] });
  });
  it('a routing after the draft’s limit: the draft is breached when it starts, against the curator who held the case', () => {
    const c = new CaseRun('krasnoufimsk-2021').registered(d('09:00'));
    c.do(cls('ordinary'), A.curator, d('09:10'));
    // Routed at 16:30: triage (due 09:30) is breached; the draft, due 16:00 (09–13 (4) + 14–16 (2) from detection),
    // starts at 16:30 already past: breached at 16:30, never at 16:00 before it existed; the case was the curator's.
    const events = c.do(single('a'), A.curator, d('16:30'));
    expect(events.map((e) => e.type)).toEqual(['clock-breached', 'case-routed', 'clock-breached']);
    expect(events[2]).toMatchObject({
      dueAt: ms(d('16:00')),
      breachAt: ms(d('16:30')),
      holders: [{ role: 'curator' }],
    });
    const draftClock = c.state.clocks.find((r) => r.step === 'draft');
    expect([draftClock?.startedAt, draftClock?.breachAt]).toEqual([ms(d('16:30')), ms(d('16:30'))]);
  });
});

describe('2. slavgorod p.5: the executor’s 24 hours end with the draft; the summary shows answers on time', () => {
  const d = localTime('+07:00');
  it('an executor on time and a slow specialist: no breach, one answer on time', () => {
    const c = new CaseRun('slavgorod-2020').routed([d('09:00'), d('09:30'), d('10:00')], A.operator, cls('ordinary'));
    // p.5: 24 calendar hours from receipt → Wed 10:00, the ЖКХ executor's.
    expect(c.dues(d('10:00'))).toEqual({ draft: d('10:00', '25') });
    c.do(draft(), A.execA, d('15:00'));
    // The specialist agrees and publishes the next day, after 10:00: the document sets the specialist no limit.
    c.do({ type: 'approve' }, A.curator, d('11:00', '25'));
    const published = c.do({ type: 'publish', where: sameThread }, A.curator, d('11:30', '25'));
    expect(published.map((e) => e.type)).toEqual(['answer-published']);
    expect(breachedSteps(c.state)).toEqual([]);
    const { profile, calendar } = c.ctx;
    const summary = summariseMonth({
      histories: [c.events],
      month: '2026-11',
      timeZone: profile.timeZone,
      calendar,
      profileFor: () => profile,
      now: ms('2026-12-01T09:00:00+07:00'),
    });
    expect([summary.totals.answeredOnTime, summary.totals.answeredLate, summary.totals.overdue]).toEqual([1, 0, 0]);
    const zhkh = summary.departments.find((r) => r.key === 'dept-a');
    expect([zhkh?.answeredOnTime, zhkh?.steps.draft]).toEqual([1, { onTime: 1, overdue: 0 }]);
  });
});

describe('3. konyshevsky p.15 and NAO p.21 bound the final draft', () => {
  const d = localTime('+03:00');
  it.each([
    ['konyshevsky-2020', A.execA, A.operator],
    ['nao-2020', A.curator, A.curator],
  ] as const)('%s: a final draft on day 7 at 17:50, published next morning, is on time', (id, publisher, triager) => {
    const c = new CaseRun(id).routed([d('10:00'), d('10:10'), d('10:20')], triager, cls('ordinary'));
    c.do(draft('intermediate'), A.execA, d('11:00'));
    c.do({ type: 'approve' }, A.curator, d('11:10'));
    c.do({ type: 'publish-intermediate', where: sameThread }, publisher, d('11:20'));
    // 7 working days from Tue Nov 24: Nov 25, 26, 27, 30, Dec 1, 2, 3 → Thu Dec 3 18:00.
    expect(c.dues(d('11:20'))).toEqual({ '*final': '2026-12-03T18:00:00+03:00' });
    c.do(draft('answer'), A.execA, d('17:50', '03', '12'));
    // The final clock stopped with the draft; approval 30 min W: 17:50–18:00 (10) + Fri 09:00–09:20 → Fri 09:20.
    expect(c.dues(d('17:50', '03', '12'))).toEqual({ approve: d('09:20', '04', '12') });
    c.do({ type: 'approve' }, A.curator, d('09:10', '04', '12'));
    const published = c.do({ type: 'publish', where: sameThread }, publisher, d('09:30', '04', '12'));
    expect(published.map((e) => e.type)).toEqual(['answer-published']);
    expect(breachedSteps(c.state)).toEqual([]);
    expect(c.state.clocks.find((r) => r.step === 'final')).toMatchObject({
      closedAt: ms(d('17:50', '03', '12')),
      closedAs: 'stopped',
    });
  });
});

describe('4. a chain: the answer is held by whoever has the case; a silent first department is charged', () => {
  const d = localTime('+03:00');
  it('nao-2020: the first department never sends its part; the breaches and the notice go to its deputy', () => {
    const c = new CaseRun('nao-2020');
    c.routed([d('09:00'), d('09:10'), d('09:20')], A.curator, cls('ordinary'), chain('sequential', 'a', 'b'));
    // p.22: a's part 2 h W → 11:20; p.16: answer 8 h W from 09:00 → 18:00. b has not received: no draft clock yet.
    expect(c.dues(d('09:20'))).toEqual({ 'contribution:dept-a': d('11:20'), '*answer': d('18:00') });
    expect(c.holders(d('09:20'))['*answer']).toEqual(['exec-a']);
    c.do(
      { type: 'record-clock-breached', clockId: c.state.clocks.find((r) => r.step === 'contribution')!.id },
      A.system,
      d('11:21'),
    );
    const answerId = c.state.clocks.find((r) => r.step === 'answer')!.id;
    const recorded = c.do({ type: 'record-clock-breached', clockId: answerId }, A.system, d('18:01'));
    const holderA = { role: 'executor', personId: 'exec-a', departmentId: 'dept-a' };
    expect(recorded[0]).toMatchObject({ type: 'clock-breached', dueAt: ms(d('18:00')), holders: [holderA] });
    // Nothing of b's was breached: b never had the case.
    expect(c.state.clocks.filter((r) => r.breachedAt !== null).map((r) => r.breachHolders)).toEqual([
      [holderA],
      [holderA],
    ]);
    expect(c.state.clocks.some((r) => r.responsible.departmentId === 'dept-b')).toBe(false);
    // The deficiency notice goes to the supervising deputy of dept-a (NAO p.27), decided from the state before.
    const notices = noticesFor(before(c), recorded[0]!, c.state);
    const deficiency = notices.find((n) => n.kind === 'deficiency-notice');
    expect(deficiency?.to).toEqual({ supervisorOf: holderA });
    const supervision = {
      departmentDeputy: (dept: string) => `deputy-of-${dept}`,
      curatorSupervisor: 'deputy-governor',
      operatorSupervisor: 'deputy-governor',
    };
    expect(supervisorOf(holderA as never, supervision)).toBe('deputy-of-dept-a');
  });
});

describe('5. konyshevsky p.16, NAO p.22.2: parts go to the curator, who forwards them', () => {
  const d = localTime('+03:00');
  it('the next executor receives the case only when the curator forwards it; its 2 hours start then', () => {
    const c = new CaseRun('konyshevsky-2020');
    c.routed([d('09:00'), d('09:10'), d('09:20')], A.operator, cls('ordinary'), chain('sequential', 'a', 'b'));
    c.do({ type: 'submit-contribution', departmentId: 'dept-a', text: 'часть А' }, A.execA, d('10:00'));
    expect(c.state.assignments.find((a) => a.departmentId === 'dept-b')?.receivedAt).toBeNull();
    expect(c.allowed(A.execB)).toEqual([]);
    expect(c.allowed(A.curator)).toContain('forward');
    // The time until the forward is the curator's.
    expect(c.holders(d('10:00'))['*answer']).toEqual(['curator']);
    c.do({ type: 'forward' }, A.curator, d('10:30'));
    // b's part (the combined answer, p.16): 2 h W from the forward → 12:30; its draft 4 h W before the answer
    // (Tue 09:00 + 8 h W = 18:00) → 14:00.
    expect(c.dues(d('10:30'))).toEqual({
      'contribution:dept-b': d('12:30'),
      draft: d('14:00'),
      '*answer': d('18:00'),
    });
    expect(c.allowed(A.execB)).toEqual(['return', 'compose-answer']);
  });
});

describe('6. a return keeps the parts other departments already sent, and their clocks', () => {
  const d = localTime('+05:00');
  it('krasnoufimsk parallel set: b returns, a’s part stays, c’s 2 hours run on, the new department starts', () => {
    const execX = { id: 'exec-x', departmentId: 'dept-x', roles: ['executor'], active: true } as const;
    const c = new CaseRun('krasnoufimsk-2021', { directory: { people: [...DIRECTORY_PEOPLE, execX] } });
    c.routed([d('09:30'), d('09:40'), d('10:00')], A.curator, cls('ordinary'), chain('parallel', 'a', 'b', 'c'));
    c.do({ type: 'submit-contribution', departmentId: 'dept-a', text: 'часть А' }, A.execA, d('10:15'));
    // p.11: within 30 min of receipt, b returns with a written reason.
    c.do({ type: 'return', departmentId: 'dept-b', reason: 'не наша компетенция' }, A.execB, d('10:20'));
    expect(c.state.contributions.map((x) => x.departmentId)).toEqual(['dept-a']);
    // c received at 10:00: 2 h W → 12:00 (p.17), unchanged by b's return.
    expect(c.dues(d('10:20'))['contribution:dept-c']).toBe(d('12:00'));
    c.do(
      {
        type: 'reroute',
        mode: 'parallel',
        assignments: ['a', 'c', 'x'].map((x) => ({ departmentId: `dept-${x}`, executorId: `exec-${x}` })),
      },
      A.curator,
      d('10:50'),
    );
    expect(c.state.assignments.map((a) => [a.departmentId, a.receivedAt, a.contributedAt])).toEqual([
      ['dept-a', ms(d('10:00')), ms(d('10:15'))],
      ['dept-c', ms(d('10:00')), null],
      ['dept-x', ms(d('10:50')), null],
    ]);
    // c still due 12:00; x received at 10:50 → 12:50.
    const dues = c.dues(d('10:50'));
    expect([dues['contribution:dept-c'], dues['contribution:dept-x'], dues['contribution:dept-a']]).toEqual([
      d('12:00'),
      d('12:50'),
      undefined,
    ]);
  });
});

describe('7. late is recorded, never blocked: a late return, and a move at any time', () => {
  const d = localTime('+03:00');
  it('konyshevsky: a return after the window is a breach of `return` against the returning executor', () => {
    const c = new CaseRun('konyshevsky-2020').routed([d('10:00'), d('10:05'), d('10:10')], A.operator, cls('ordinary'));
    // p.8: 30 min W from receipt → 10:40; a returns at 11:00.
    const events = c.do(
      { type: 'return', departmentId: 'dept-a', reason: 'Дороги — не наша компетенция' },
      A.execA,
      d('11:00'),
    );
    expect(events.map((e) => e.type)).toEqual(['case-returned']);
    const holderA = { role: 'executor', personId: 'exec-a', departmentId: 'dept-a' };
    expect(c.state.clocks.find((r) => r.step === 'return')).toMatchObject({
      startedAt: ms(d('10:10')),
      dueAt: ms(d('10:40')),
      closedAt: ms(d('11:00')),
      breachAt: ms(d('11:00')),
      breachHolders: [holderA],
    });
    const notices = noticesFor(before(c), events[0]!, c.state);
    expect(notices.find((n) => n.kind === 'deficiency-notice')?.to).toEqual({ supervisorOf: holderA });
    // p.9: reroute within 30 min of the return → 11:30.
    expect(c.dues(d('11:00'))).toMatchObject({ reroute: d('11:30') });
  });
  it('the curator moves a misrouted case to another department at any time, with a reason', () => {
    const c = new CaseRun('konyshevsky-2020').routed([d('10:00'), d('10:05'), d('10:10')], A.operator, cls('ordinary'));
    expect(
      c.fail(
        { type: 'move', assignments: [{ departmentId: 'dept-b', executorId: 'exec-b' }], reason: ' ' },
        A.curator,
        d('12:00'),
      ).code,
    ).toBe('invalid-input');
    c.do(
      {
        type: 'move',
        assignments: [{ departmentId: 'dept-b', executorId: 'exec-b' }],
        reason: 'вопрос дорожного отдела',
      },
      A.curator,
      d('12:00'),
    );
    expect(c.state.assignments.map((a) => [a.departmentId, a.receivedAt])).toEqual([['dept-b', ms(d('12:00'))]]);
    expect(c.state.corrections).toEqual([
      { kind: 'move', reason: 'вопрос дорожного отдела', by: 'cur-1', at: ms(d('12:00')) },
    ]);
    // b's draft: 4 h W before the answer (10:00 + 8 h W = Wed 10:00) → Tue 15:00; a's clocks ended.
    expect(c.dues(d('12:00'))).toEqual({ draft: d('15:00'), '*answer': d('10:00', '25') });
    expect(c.allowed(A.execB)).toEqual(['return', 'submit-draft']);
    expect(c.allowed(A.execA)).toEqual([]);
  });
});

describe('8. re-categorisation after triage recomputes the deadlines, never retroactively', () => {
  it('krasnoufimsk: high importance set at 12:30 puts the draft (now due 12:00) past: breached from 12:30', () => {
    const d = localTime('+05:00');
    const c = new CaseRun('krasnoufimsk-2021').routed([d('09:00'), d('09:10'), d('09:20')], A.curator, cls('ordinary'));
    // Ordinary: 6 h W from 09:00 → 16:00.
    expect(c.dues(d('12:00'))).toEqual({ draft: d('16:00') });
    expect(c.fail({ type: 'recategorise', high: true, reason: '' }, A.curator, d('12:30')).code).toBe('invalid-input');
    expect(c.fail({ type: 'recategorise', high: true, reason: 'резонанс' }, A.execA, d('12:30')).code).toBe(
      'forbidden',
    );
    const events = c.do({ type: 'recategorise', high: true, reason: 'резонанс в комментариях' }, A.curator, d('12:30'));
    // High: 3 h W from 09:00 → 12:00, already past: a breach from 12:30, charged to the executor who has the case.
    expect(events.map((e) => e.type)).toEqual(['case-recategorised', 'clock-breached']);
    expect(events[1]).toMatchObject({
      dueAt: ms(d('12:00')),
      breachAt: ms(d('12:30')),
      holders: [{ role: 'executor', personId: 'exec-a', departmentId: 'dept-a' }],
    });
    expect(c.state.corrections.map((x) => x.reason)).toEqual(['резонанс в комментариях']);
  });
  it('NAO: a topic of the p.16 list halves the answer; idrinsky: high importance runs in calendar time', () => {
    const d = localTime('+03:00');
    const topics = [
      { id: 't-heat', name: 'Отопление', listed: true },
      { id: 't-roads', name: 'Дороги', listed: false },
    ];
    const c = new CaseRun('nao-2020', { directory: { topics } }).registered(d('09:00'));
    c.do({ ...cls('ordinary'), topic: undefined, topicId: 't-roads' }, A.curator, d('09:10'));
    // 8 h W: Tue 09–13, 14–18 → Tue 18:00.
    expect(c.dues(d('09:10'))['*answer']).toBe(d('18:00'));
    c.do({ type: 'recategorise', topicId: 't-heat', reason: 'речь об отоплении' }, A.curator, d('09:30'));
    // p.16 listed topic: 4 h W from 09:00 → 13:00.
    expect(c.dues(d('09:30'))['*answer']).toBe(d('13:00'));
    const i = new CaseRun('idrinsky-2021');
    const k = localTime('+07:00');
    i.do(register(), A.operator, k('15:00', '27'));
    i.do(cls('ordinary'), A.curator, k('15:10', '27'));
    // Fri 15:00 + 24 h over working dates → Mon 15:00 (3.3).
    expect(i.dues(k('15:10', '27'))['*answer']).toBe(k('15:00', '30'));
    i.do({ type: 'recategorise', high: true, reason: 'угроза имиджу' }, A.curator, k('15:20', '27'));
    // 3.9: 24 calendar hours → Sat 15:00.
    expect(i.dues(k('15:20', '27'))['*answer']).toBe(k('15:00', '28'));
  });
});

describe('9. krasnoufimsk p.8.3: high importance is a flag on ordinary or fast-track; fast-track only there', () => {
  it('a fast-track message of high importance keeps its 8 days and gets the 3-hour draft', () => {
    const d = localTime('+05:00');
    const c = new CaseRun('krasnoufimsk-2021').registered(d('10:00'));
    c.do(cls('fast-track', { high: true }), A.curator, d('10:05'));
    expect([c.state.category, c.state.high]).toEqual(['fast-track', true]);
    // Fast-track 8 calendar days from Tue Nov 24: Nov 25 … Dec 2 (a Wednesday) → Wed Dec 2 18:00 (p.8).
    expect(c.dues(d('10:05'))).toEqual({ triage: d('10:30'), 'fast-track': '2026-12-02T18:00:00+05:00' });
    c.do(single('a'), A.curator, d('10:15'));
    // Draft from the receipt at 10:15, due 3 h W from detection 10:00 → 10–13 → 13:00 (p.12).
    expect(c.dues(d('10:15'))).toEqual({ draft: d('13:00'), 'fast-track': '2026-12-02T18:00:00+05:00' });
  });
  it('konyshevsky has no fast-track category: it is refused, not silently demanding evidence', () => {
    const d = localTime('+03:00');
    const c = new CaseRun('konyshevsky-2020').registered(d('10:00'));
    expect(c.fail(cls('fast-track'), A.operator, d('10:05')).code).toBe('not-in-profile');
    expect(PRESETS['konyshevsky-2020']?.categories).toEqual(['ordinary']);
    c.do(cls('ordinary', { high: true }), A.operator, d('10:05'));
    expect([c.state.category, c.state.high]).toEqual(['ordinary', true]);
  });
});

describe('10. NAO p.16: the listed topics come from the organisation’s topic directory', () => {
  const d = localTime('+03:00');
  it('a topic chosen from the directory and marked listed gets 4 h W; a topic outside the directory is refused', () => {
    const topics = [{ id: 't-heat', name: 'Отопление', listed: true }];
    const c = new CaseRun('nao-2020', { directory: { topics } }).registered(d('09:20', '23'));
    expect(c.fail({ ...cls('ordinary'), topic: 'отопление' }, A.curator, d('09:25', '23')).code).toBe('unknown-topic');
    c.do({ ...cls('ordinary'), topic: undefined, topicId: 't-heat' }, A.curator, d('09:25', '23'));
    // 4 h W from Mon 09:20: 09:20–13:00 (220) + 14:00–14:20 (20) → Mon 14:20 (8 h W would be Tue 09:20).
    expect(c.dues(d('09:25', '23'))['*answer']).toBe(d('14:20', '23'));
  });
  it('an older profile that named its topics matches the directory topic whatever its case', () => {
    const rule = PRESETS['nao-2020']!.overrides[0]!.rule;
    const custom = parseProfile({
      ...nao2020,
      id: 'nao-old',
      overrides: [{ step: 'answer', topics: ['Отопление'], rule }],
    });
    if (!custom.ok) throw new Error(JSON.stringify(custom.errors));
    const c = new CaseRun('nao-2020', {
      profile: custom.profile,
      directory: { topics: [{ id: 'x', name: 'отопление', listed: false }] },
    });
    c.do(register(), A.operator, d('09:20', '23'));
    c.do({ ...cls('ordinary'), topic: 'отопление' }, A.curator, d('09:25', '23'));
    expect(c.dues(d('09:25', '23'))['*answer']).toBe(d('14:20', '23'));
  });
});

describe('11. idrinsky: posting time, the 23-hour total, the explanation clock, high importance throughout', () => {
  const d = localTime('+07:00');
  it('3.1 and 3.3 count from posting: posted Fri 17:00, registered Mon 09:00 → answer Mon 17:00', () => {
    const c = new CaseRun('idrinsky-2021');
    c.do(register('case-1', { postedAt: ms(d('17:00', '27')) }), A.operator, d('09:00', '30'));
    // 3.3: Fri 17:00–24:00 (7 h), Sat–Sun skipped, Mon 00:00–17:00 (17 h) → Mon 17:00; the window holds Fri 17–18 (1)
    // + Mon 09–13 (4) + 14–17 (3) = 8 W h. 3.1: 3 W h from posting: Fri 17–18 (1) + Mon 09–11 (2) → Mon 11:00.
    expect(c.dues(d('09:00', '30'))).toEqual({ triage: d('11:00', '30'), '*answer': d('17:00', '30') });
    // The operator of 3.1 (the curator role) held it since the posting: the weekend is no working time, Fri 17–18 is.
    expect(holderShares(c.state, c.ctx.calendar, ms(d('09:00', '30')))).toEqual([
      { holder: { role: 'curator', personId: null, departmentId: null }, key: 'curator', minutes: 60 },
    ]);
  });
  it('3.2: the structure’s own time, draft and every revision, at most 23 W h', () => {
    const c = new CaseRun('idrinsky-2021');
    c.routed([d('09:00', '30'), d('09:30', '30'), d('10:00', '30')], A.curator, cls('ordinary'));
    // Late draft Tue 16:00: the structure's time Mon 10–13, 14–18 (7 h) + Tue 09–13, 14–16 (6 h) = 13 h.
    c.do(draft(), A.execA, d('16:00', '01', '12'));
    c.do({ type: 'request-revision', reason: 'нет сроков' }, A.curator, d('17:00', '01', '12'));
    // 10 h left from Tue 17:00: Tue 17–18 (1), Wed (8), Thu 09–10 (1) → Thu Dec 3 10:00.
    expect(c.dues(d('17:00', '01', '12'))['department-total:dept-a']).toBe(d('10:00', '03', '12'));
    c.do(draft(), A.execA, d('11:00', '03', '12'));
    const total = c.state.clocks.find((r) => r.step === 'department-total');
    expect(total).toMatchObject({
      breachAt: ms(d('10:00', '03', '12')),
      breachHolders: [{ role: 'executor', personId: 'exec-a', departmentId: 'dept-a' }],
    });
  });
  it('3.7: an explanation has its own clock, 12 W h from posting, prepared by the structure, sent by the operator', () => {
    const c = new CaseRun('idrinsky-2021');
    c.routed([d('09:00', '30'), d('09:10', '30'), d('09:30', '30')], A.curator, cls('ordinary'));
    c.do(draft('explanation', { explanationReason: 'outside-competence' }), A.execA, d('16:00', '30'));
    // 12 W h from Mon 09:00: Mon (8) + Tue 09–13 (4) → Tue 13:00; the answer clock gives way to it.
    expect(c.dues(d('16:00', '30'))).toEqual({ '*explain': d('13:00', '01', '12') });
    expect(c.holders(d('16:00', '30'))['*explain']).toEqual(['curator']);
    // 3.2: the operator checks and sends it (no separate approval step).
    const sent = c.do({ type: 'publish', where: sameThread }, A.curator, d('16:30', '30'));
    expect(sent.map((e) => e.type)).toEqual(['draft-approved', 'explanation-sent']);
    expect(c.state.ending).toBe('explained');
    expect(c.state.clocks.find((r) => r.step === 'explain')).toMatchObject({ closedAs: 'stopped', breachedAt: null });
  });
  it('3.9: a high-importance Saturday case runs triage, draft, revision and answer in calendar time', () => {
    const c = new CaseRun('idrinsky-2021');
    c.routed([d('10:00', '28'), d('10:10', '28'), d('10:30', '28')], A.curator, cls('ordinary', { high: true }));
    // answer 24 calendar hours → Sun 10:00; draft 4 calendar hours from 10:30 → Sat 14:30, before the answer.
    expect(c.dues(d('10:30', '28'))).toEqual({
      draft: d('14:30', '28'),
      'department-total:dept-a': d('09:30', '29'),
      '*answer': d('10:00', '29'),
    });
    c.do(draft(), A.execA, d('12:00', '28'));
    c.do({ type: 'request-revision', reason: 'фото' }, A.curator, d('12:30', '28'));
    // revise 3 calendar hours → 15:30.
    expect(c.dues(d('12:30', '28')).revise).toBe(d('15:30', '28'));
  });
});

describe('12. substitutes', () => {
  const d = localTime('+03:00');
  it('reassign-substitute only to an executor of the same department', () => {
    const c = new CaseRun('nao-2020').routed([d('10:00'), d('10:05'), d('10:10')], A.curator, cls('ordinary'));
    const other = c.fail(
      { type: 'reassign-substitute', departmentId: 'dept-a', substituteId: 'exec-b', reason: 'illness' },
      A.curator,
      d('10:20'),
    );
    expect(other).toMatchObject({ code: 'invalid-input', details: { path: 'substituteId' } });
    c.do(
      { type: 'reassign-substitute', departmentId: 'dept-a', substituteId: 'exec-a2', reason: 'illness' },
      A.curator,
      d('10:20'),
    );
    expect(c.holders(d('10:20'))['*answer']).toEqual(['exec-a2']);
  });
  it('every notice for an absent executor goes to the substitute while the absence lasts', () => {
    const c = new CaseRun('nao-2020').registered(d('10:00'));
    c.do(cls('ordinary'), A.curator, d('10:05'));
    const routed = c.do(single('a'), A.curator, d('10:10'));
    const assigned = noticesFor(before(c), routed[0]!, c.state);
    expect(assigned).toEqual([{ kind: 'assigned', to: { person: 'exec-a' } }]);
    const absences = [
      { personId: 'exec-a', substituteId: 'exec-a2', startsAt: ms(d('09:00')), endsAt: ms(d('18:00')) },
    ];
    expect(recipientOf('exec-a', absences, ms(d('10:10')))).toBe('exec-a2');
    expect(recipientOf('exec-a', absences, ms(d('18:00')))).toBe('exec-a');
    // A substitute away too: the notice follows to theirs, and a loop stops.
    const loop = [...absences, { personId: 'exec-a2', substituteId: 'exec-a', startsAt: 0, endsAt: ms(d('18:00')) }];
    expect(recipientOf('exec-a', loop, ms(d('10:10')))).toBe('exec-a2');
    // The draft is due 4 h W before the answer (Tue 10:00 + 8 h W = Wed 10:00) → Tue 15:00.
    const breach = c.do(
      { type: 'record-clock-breached', clockId: c.state.clocks.find((r) => r.step === 'draft')!.id },
      A.system,
      d('15:01'),
    );
    const notices = noticesFor(before(c), breach[0]!, c.state);
    expect(notices.filter((n) => n.kind === 'clock-breached').map((n) => n.to)).toEqual([{ person: 'exec-a' }]);
  });
});

describe('13. slavgorod p.11: obscene expressions only; an insulting message must be answered', () => {
  it('refuses the insult ground in slavgorod and offers it elsewhere', () => {
    const slavgorod = PRESETS['slavgorod-2020']!;
    expect(slavgorod.rejectionGrounds.map((g) => g.code)).toEqual(['harm-intent', 'obscene', 'threats']);
    expect(slavgorod.rejectionGrounds.some((g) => /оскорб|insult/i.test(JSON.stringify(g.label)))).toBe(false);
    const d = localTime('+07:00');
    const c = new CaseRun('slavgorod-2020').registered(d('10:00'));
    expect(c.fail({ type: 'reject', ground: 'insulting' }, A.curator, d('10:05')).code).toBe('invalid-input');
    const k = new CaseRun('konyshevsky-2020').registered(localTime('+03:00')('10:00'));
    k.do({ type: 'reject', ground: 'insulting' }, A.operator, localTime('+03:00')('10:05'));
    expect(k.state.rejectionGround).toBe('insulting');
  });
});

describe('holders', () => {
  it('are named as the sandbox and the reports print them', () => {
    expect(holderKey({ role: 'executor', personId: 'p', departmentId: 'roads' })).toBe('roads');
    expect(holderKey({ role: 'curator', personId: null, departmentId: null })).toBe('curator');
    expect(t('2026-11-24T10:00:00+03:00')).toBe(ms('2026-11-24T07:00:00Z'));
  });
});
