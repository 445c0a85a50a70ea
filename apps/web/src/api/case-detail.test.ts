// A live change of an open case applied to the detail the workspace holds: the timeline grows by the change's
// entries, the clocks and actions follow from the new state through the domain (deadlines checked by hand against
// konyshevsky-2020: Mon–Fri 09–13, 14–18 MSK), and anything it cannot follow from asks for one reload.
import type { CaseDetailChange } from '@otklik/contract';
import {
  type Actor,
  type CaseCommandInput,
  type CaseEvent,
  type CaseState,
  createCalendar,
  decide,
  evolve,
  getPreset,
  initialState,
} from '@otklik/domain';
import { register } from '@otklik/domain/test-harness';
import { describe, expect, it } from 'vitest';
import { applyDetailChange, type DetailRules } from './case-detail';
import type { CaseDetail } from './types';

const profile = getPreset('konyshevsky-2020')!;
const calendar = createCalendar({ timeZone: 'Europe/Moscow' });
const at = (hhmm: string, day = '24') => Date.parse(`2026-11-${day}T${hhmm}:00+03:00`);
const operator: Actor = { personId: 'op-1', roles: ['operator'], departmentIds: [] };
const curator: Actor = { personId: 'cur-1', roles: ['curator'], departmentIds: [] };
const roads: Actor = { personId: 'exec-a', roles: ['executor'], departmentIds: ['dept-a'] };
const people = [{ id: 'exec-a', departmentId: 'dept-a', roles: ['executor' as const], active: true }];
const ctx = { profile, calendar, directory: { topics: [], people } };

/** Folds commands into a state, returning the events each produced. */
function run(state: CaseState, steps: readonly [CaseCommandInput, Actor, number][]) {
  const events: CaseEvent[] = [];
  for (const [command, actor, now] of steps) {
    const r = decide(state, command, actor, now, ctx);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
    for (const e of r.events) {
      state = evolve(state, e);
      events.push(e);
    }
  }
  return { state, events };
}

const registered = run(initialState, [
  [register(), operator, at('10:00')],
  [
    { type: 'triage', topic: 'дороги', location: 'ул. Ленина', category: 'ordinary', processable: true },
    operator,
    at('10:20'),
  ],
]);
const routed = run(registered.state, [
  [
    { type: 'route', mode: 'single', assignments: [{ departmentId: 'dept-a', executorId: 'exec-a' }] },
    curator,
    at('10:40'),
  ],
]);

const names = {
  person: (id: string | null | undefined) => (id === 'exec-a' ? 'Дорожный Иван' : null),
  department: (id: string | null | undefined) => (id === 'dept-a' ? 'Дорожный отдел' : null),
  organisation: () => 'Администрация',
};
const rules = (actor: Actor, now = at('10:41')): DetailRules => ({ profile, calendar, actor, names, now });

/** The detail as a reload after triage showed it (what the server sends; clocks and actions are not re-derived). */
const held: CaseDetail = {
  id: 'case-1',
  number: 7,
  organisationId: 'org-1',
  profileId: profile.id,
  version: 2,
  state: registered.state,
  clocks: [],
  allowed: [],
  publicationChannel: 'connected',
  timeline: registered.events.map((e, i) => ({ seq: 100 + i, type: e.type, at: e.at, actorName: null, payload: e })),
  earlierCases: [],
};

const change = (over: Partial<CaseDetailChange> = {}): CaseDetailChange => ({
  caseId: 'case-1',
  version: 3,
  state: routed.state,
  entries: routed.events.map((e) => ({
    seq: 150,
    version: 3,
    type: e.type,
    actorName: 'Куратор Кирилл',
    occurredAt: e.at,
    payload: e,
  })),
  ...over,
});

const approved = run(routed.state, [
  [{ type: 'submit-draft', kind: 'answer', text: 'Отремонтируем до пятницы', attachments: [] }, roads, at('11:00')],
  [{ type: 'approve' }, curator, at('11:30')],
]);

describe("the case screen's buttons after a live change", () => {
  // konyshevsky p.14: the executor publishes the approved answer, through the network account when the message
  // came through one that can post, otherwise by hand with the link.
  const routedDetail: CaseDetail = { ...held, version: 3, state: routed.state };
  const toApproved: CaseDetailChange = {
    caseId: 'case-1',
    version: 5,
    state: approved.state,
    entries: approved.events.map((e, i) => ({
      seq: 200 + i,
      version: 4 + i,
      type: e.type,
      actorName: null,
      occurredAt: e.at,
      payload: e,
    })),
  };
  const buttons = (publicationChannel: CaseDetail['publicationChannel']) => {
    const step = applyDetailChange({ ...routedDetail, publicationChannel }, toApproved, rules(roads, at('11:31')));
    if (step.kind !== 'applied') throw new Error(step.kind);
    return step.detail.allowed;
  };

  it('offer the publication through the account only when the account can post', () => {
    expect(buttons('connected')).toEqual(expect.arrayContaining(['request-publication', 'publish']));
    for (const channel of ['none', 'disabled'] as const) {
      expect(buttons(channel)).not.toContain('request-publication');
      expect(buttons(channel)).toContain('publish');
    }
  });
});

describe('applying a live change to the case detail', () => {
  it('appends the entries, takes the state and derives clocks and the actions of whoever looks', () => {
    const step = applyDetailChange(held, change(), rules(roads));
    if (step.kind !== 'applied') throw new Error(step.kind);
    const d = step.detail;
    expect(d.version).toBe(3);
    expect(d.state.status).toBe('assigned');
    expect(d.timeline.map((e) => [e.seq, e.type])).toEqual([
      [100, 'case-registered'],
      [101, 'case-triaged'],
      [150, 'case-routed'],
    ]);
    expect(d.timeline[2]).toMatchObject({ at: at('10:40'), actorName: 'Куратор Кирилл' });
    // Registered Tue 10:00: answer 8 working hours → Tue 10–13 (3) + 14–18 (4) + Wed 9–10 (1) = Wed 10:00; the draft
    // 4 working hours before it → Wed 9–10 (1) + Tue 15–18 (3) = Tue 15:00, held by the roads executor.
    expect(d.clocks.map((c) => [c.kind, c.step, c.dueAt])).toEqual([
      ['step', 'draft', at('15:00')],
      ['overall', 'answer', at('10:00', '25')],
    ]);
    expect(d.clocks[0]).toMatchObject({ responsiblePersonId: 'exec-a', responsibleName: 'Дорожный Иван' });
    // The executor may now write the answer or hand the case back; approving is the curator's.
    expect(d.allowed).toContain('submit-draft');
    expect(d.allowed).toContain('return');
    expect(d.allowed).not.toContain('approve');
    expect(d.allowed).not.toContain('register');
    // The same change seen by the curator offers the curator's actions instead.
    const forCurator = applyDetailChange(held, change(), rules(curator));
    expect(forCurator.kind === 'applied' && forCurator.detail.allowed.includes('submit-draft')).toBe(false);
  });

  it('skips the entries the detail already holds when a change carries earlier ones too', () => {
    // Changes another node committed can reach this one coalesced: the triage the detail holds, then the routing.
    const coalesced = change({
      entries: [
        {
          seq: 101,
          version: 2,
          type: 'case-triaged',
          actorName: 'Оператор Ольга',
          occurredAt: at('10:20'),
          payload: registered.events[1]!,
        },
        ...change().entries,
      ],
    });
    const step = applyDetailChange(held, coalesced, rules(roads));
    if (step.kind !== 'applied') throw new Error(step.kind);
    expect(step.detail.timeline.map((e) => [e.seq, e.type])).toEqual([
      [100, 'case-registered'],
      [101, 'case-triaged'],
      [150, 'case-routed'],
    ]);
  });

  it('ignores a change the detail already holds', () => {
    expect(applyDetailChange({ ...held, version: 3 }, change(), rules(roads))).toEqual({ kind: 'held' });
    expect(applyDetailChange(held, change({ caseId: 'case-2' }), rules(roads))).toEqual({ kind: 'held' });
  });

  it('asks for one reload after a missed change, a new link to earlier cases, or without the rules', () => {
    const later = change({
      version: 4,
      entries: [
        {
          seq: 160,
          version: 4,
          type: 'case-routed',
          actorName: null,
          occurredAt: at('11:00'),
          payload: routed.events[0]!,
        },
      ],
    });
    expect(applyDetailChange(held, later, rules(roads))).toEqual({ kind: 'reload', reason: 'gap' });
    const linked = change({ state: { ...routed.state, repeatOf: ['case-0'] } });
    expect(applyDetailChange(held, linked, rules(roads))).toEqual({ kind: 'reload', reason: 'earlier-cases' });
    expect(applyDetailChange(held, change(), { ...rules(roads), calendar: undefined })).toEqual({
      kind: 'reload',
      reason: 'rules',
    });
  });
});
