// The role matrix: every command × every role, each in a state where the command is otherwise valid.
// Expected roles are written out by hand from REGULATIONS.md "Roles" (not read back from the code).
import { describe, expect, it } from 'vitest';
import { localTime, t } from '../sla/test-helpers';
import { allowedCommands } from './allowed';
import { decide } from './decide';
import type { Cmd } from './test-harness';
import { A, CaseRun, chain, draft, register, sameThread, single, triage } from './test-harness';
import { type Actor, ROLES, type Role } from './types';

const d = localTime('+03:00');

interface Fixture {
  readonly name: string;
  readonly preset: string;
  /** Commands (with actors) that bring the case to the state under test, all at 10:00–10:30. */
  readonly setup: readonly (readonly [Cmd, Actor])[];
  readonly command: Cmd;
  readonly at: string;
  /** The executor who holds the seat in this state. */
  readonly executor: Actor;
  readonly allowed: readonly Role[];
}

const registered = [[register(), A.operator]] as const;
const triaged = [...registered, [triage(), A.operator]] as const;
const routedA = [...triaged, [single('a'), A.curator]] as const;
/** Sequential a → b, a's part not yet sent. */
const sequentialAB = [...triaged, [chain('sequential'), A.curator]] as const;
const partA = { type: 'submit-contribution', departmentId: 'dept-a', text: 'часть' } as const;
const approvedA = [...routedA, [draft(), A.execA], [{ type: 'approve' }, A.curator]] as const;

/** A row of the matrix; unless it says otherwise: konyshevsky-2020, at 10:40, exec-a holds the seat. */
type Row = Omit<Fixture, 'preset' | 'at' | 'executor'> & Partial<Pick<Fixture, 'preset' | 'at' | 'executor'>>;

const ROWS: Row[] = [
  {
    name: 'register',
    setup: [],
    command: register(),
    allowed: ['operator', 'curator', 'system'],
  },
  {
    name: 'triage',
    setup: registered,
    command: triage(),
    allowed: ['operator', 'curator'],
  },
  {
    name: 'route',
    setup: triaged,
    command: single('a'),
    allowed: ['curator'],
  },
  {
    name: 'return',
    setup: routedA,
    command: { type: 'return', departmentId: 'dept-a', reason: 'не наше' },
    at: d('10:31'),
    allowed: ['executor'],
  },
  {
    name: 'reroute',
    setup: [...routedA, [{ type: 'return', departmentId: 'dept-a', reason: 'не наше' }, A.execA]],
    command: { ...single('b'), type: 'reroute' },
    allowed: ['curator'],
  },
  {
    name: 'submit-contribution',
    setup: sequentialAB,
    command: partA,
    allowed: ['executor'],
  },
  {
    name: 'compose-answer (sequential: last executor)',
    setup: [...sequentialAB, [partA, A.execA], [{ type: 'forward' }, A.curator]],
    command: { type: 'compose-answer', kind: 'answer', text: 'общий' },
    executor: A.execB,
    allowed: ['executor'],
  },
  {
    name: 'compose-answer (parallel: curator)',
    preset: 'krasnoufimsk-2021',
    setup: [
      [register(), A.operator],
      [triage(), A.curator],
      [chain('parallel'), A.curator],
      [{ type: 'submit-contribution', departmentId: 'dept-a', text: 'А' }, A.execA],
      [{ type: 'submit-contribution', departmentId: 'dept-b', text: 'Б' }, A.execB],
    ],
    command: { type: 'compose-answer', kind: 'answer', text: 'общий' },
    executor: A.execB,
    allowed: ['curator'],
  },
  {
    name: 'submit-draft',
    setup: routedA,
    command: draft(),
    allowed: ['executor'],
  },
  {
    name: 'approve',
    setup: [...routedA, [draft(), A.execA]],
    command: { type: 'approve' },
    allowed: ['curator'],
  },
  {
    name: 'request-revision',
    setup: [...routedA, [draft(), A.execA]],
    command: { type: 'request-revision', reason: 'переписать' },
    allowed: ['curator'],
  },
  {
    name: 'publish (konyshevsky p.14: executor)',
    setup: approvedA,
    command: { type: 'publish', where: sameThread },
    allowed: ['executor'],
  },
  {
    name: 'publish (NAO p.20: curator)',
    preset: 'nao-2020',
    setup: approvedA,
    command: { type: 'publish', where: sameThread },
    allowed: ['curator'],
  },
  {
    name: 'publish-intermediate',
    setup: [...routedA, [draft('intermediate'), A.execA], [{ type: 'approve' }, A.curator]],
    command: { type: 'publish-intermediate', where: sameThread },
    allowed: ['executor'],
  },
  {
    name: 'reject',
    setup: registered,
    command: { type: 'reject', ground: 'obscene' },
    at: d('10:20'),
    allowed: ['operator', 'curator'],
  },
  {
    name: 'send-explanation',
    preset: 'idrinsky-2021',
    setup: routedA,
    command: { type: 'send-explanation', reason: 'court-ruling', text: 'порядок' },
    allowed: ['curator'],
  },
  {
    name: 'link-published',
    preset: 'idrinsky-2021',
    setup: routedA,
    command: { type: 'link-published', url: 'https://idra.ru/a' },
    allowed: ['curator'],
  },
  {
    name: 'convert-to-appeal',
    preset: 'idrinsky-2021',
    setup: routedA,
    command: {
      type: 'convert-to-appeal',
      consent: true,
      fullName: 'И. И. Иванов',
      address: 'ул. Мира, 1',
      phone: '+7 900',
      registrationNumber: 'СЭД-1',
    },
    allowed: ['curator'],
  },
  {
    name: 'link-repeat',
    setup: registered,
    command: { type: 'link-repeat', earlierCaseIds: ['case-0'] },
    at: d('10:20'),
    allowed: ['operator', 'curator'],
  },
  {
    name: 'flag-socially-significant',
    setup: registered,
    command: { type: 'flag-socially-significant' },
    at: d('10:20'),
    allowed: ['operator', 'curator', 'department-head', 'head'],
  },
  {
    name: 'shorten-deadline',
    preset: 'nao-2020',
    setup: registered,
    command: { type: 'shorten-deadline', step: 'answer', dueAt: t(d('16:00')) },
    at: d('10:20'),
    allowed: ['curator'],
  },
  {
    name: 'reassign-substitute',
    setup: routedA,
    command: { type: 'reassign-substitute', departmentId: 'dept-a', substituteId: 'exec-a2', reason: 'leave' },
    allowed: ['curator', 'department-head', 'administrator'],
  },
  {
    name: 'forward',
    setup: [...sequentialAB, [partA, A.execA]],
    command: { type: 'forward' },
    executor: A.execB,
    allowed: ['curator'],
  },
  {
    name: 'move',
    setup: routedA,
    command: {
      type: 'move',
      assignments: [{ departmentId: 'dept-b', executorId: 'exec-b' }],
      reason: 'вопрос дорожного отдела',
    },
    allowed: ['curator'],
  },
  {
    name: 'recategorise',
    setup: routedA,
    command: { type: 'recategorise', high: true, reason: 'резонанс в комментариях' },
    allowed: ['curator'],
  },
  // Registered at 10:00: triage (30 min W) is at risk from 10:22:30 and breached after 10:30.
  {
    name: 'record-clock-at-risk',
    setup: registered,
    command: { type: 'record-clock-at-risk', clockId: 'triage@1' },
    at: d('10:25'),
    allowed: ['system'],
  },
  {
    name: 'record-clock-breached',
    setup: registered,
    command: { type: 'record-clock-breached', clockId: 'triage@1' },
    at: d('10:45'),
    allowed: ['system'],
  },
];

const FIXTURES: Fixture[] = ROWS.map((row) => ({
  preset: 'konyshevsky-2020',
  at: d('10:40'),
  executor: A.execA,
  ...row,
}));

/** Who acts in each role; the executor is the fixture's own. */
const ACTOR_OF: Record<Exclude<Role, 'executor'>, Actor> = {
  operator: A.operator,
  curator: A.curator,
  'department-head': A.headA,
  head: A.head,
  administrator: A.admin,
  observer: A.observer,
  system: A.system,
};

const actorFor = (role: Role, f: Fixture): Actor => (role === 'executor' ? f.executor : ACTOR_OF[role]);

function prepare(f: Fixture): CaseRun {
  const c = new CaseRun(f.preset);
  f.setup.forEach(([command, actor], i) => {
    c.do(command, actor, d(`10:${String(i * 5).padStart(2, '0')}`));
  });
  return c;
}

describe('role matrix', () => {
  it('covers every command type', () => {
    const covered = new Set(FIXTURES.map((f) => f.command.type));
    expect(covered.size).toBe(25);
  });
  for (const f of FIXTURES) {
    describe(f.name, () => {
      it.each(ROLES)('%s', (role) => {
        const c = prepare(f);
        const actor = actorFor(role, f);
        const expected = f.allowed.includes(role);
        const r = decide(c.state, f.command, actor, t(f.at), c.ctx);
        if (expected) {
          expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toBe('ok');
        } else {
          expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
        }
        expect(allowedCommands(c.state, actor, c.ctx).includes(f.command.type as never)).toBe(expected);
      });
    });
  }
});

describe('state guard', () => {
  it('lets nobody act on a closed case', () => {
    const c = prepare({ ...FIXTURES[0]!, setup: [...approvedA, [{ type: 'publish', where: sameThread }, A.execA]] });
    for (const actor of Object.values(A)) expect(allowedCommands(c.state, actor, c.ctx)).toEqual([]);
    expect(c.fail({ type: 'approve' }, A.curator, d('11:00')).code).toBe('wrong-state');
  });
  it('lets only registration happen before the first event', () => {
    const c = new CaseRun('nao-2020');
    expect(c.fail(triage(), A.operator, d('10:00')).code).toBe('wrong-state');
    expect(c.allowed(A.curator)).toEqual(['register']);
    expect(c.allowed(A.observer)).toEqual([]);
  });
  it('reports malformed input with the field path, without throwing', () => {
    const c = new CaseRun('nao-2020');
    const bad = c.fail({ type: 'register', caseId: 'x', network: 'myspace' } as Cmd, A.operator, d('10:00'));
    expect(bad.code).toBe('invalid-input');
    expect(bad.details?.path).toBe('network');
    expect(c.fail({ type: 'no-such-command' } as unknown as Cmd, A.operator, d('10:00')).code).toBe('invalid-input');
  });
});
