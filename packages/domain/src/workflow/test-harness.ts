// Test support: walks one case through commands with named actors and reads its clocks (used by tests only).

import { computeClocks } from '../sla/clocks';
import { preset, t } from '../sla/test-helpers';
import { allowedCommands } from './allowed';
import type { CaseCommandInput } from './commands';
import { decide } from './decide';
import type { CaseEvent } from './events';
import { evolve } from './evolve';
import { initialState } from './state';
import type { Actor, CaseState, DirectoryPerson, DomainContext, DomainError, Role } from './types';

const person = (
  personId: string,
  roles: Role[],
  departmentIds: string[] = [],
  substituteFor: string[] = [],
): Actor => ({
  personId,
  roles,
  departmentIds,
  substituteFor,
});

export const A = {
  operator: person('op-1', ['operator']),
  curator: person('cur-1', ['curator']),
  execA: person('exec-a', ['executor'], ['dept-a']),
  /** A second executor of dept-a: a substitute within the department. */
  execA2: person('exec-a2', ['executor'], ['dept-a']),
  subA: person('sub-a', ['executor'], ['dept-x'], ['exec-a']),
  execB: person('exec-b', ['executor'], ['dept-b']),
  execC: person('exec-c', ['executor'], ['dept-c']),
  headA: person('dh-a', ['department-head'], ['dept-a']),
  headB: person('dh-b', ['department-head'], ['dept-b']),
  head: person('head-1', ['head']),
  admin: person('adm-1', ['administrator']),
  observer: person('obs-1', ['observer']),
  system: person('system', ['system']),
} as const;

/** The people of the tests as the decider's directory sees them (departments of executors). */
export const DIRECTORY_PEOPLE: DirectoryPerson[] = Object.values(A)
  .filter((a) => a.roles.includes('executor'))
  .map((a) => ({ id: a.personId, departmentId: a.departmentIds[0] ?? null, roles: a.roles, active: true }));

export const register = (caseId = 'case-1', extra: Partial<CaseCommandInput> = {}): CaseCommandInput =>
  ({
    type: 'register',
    caseId,
    network: 'vk',
    link: 'https://vk.com/wall-1_2',
    author: { name: 'Иван' },
    text: 'Яма на дороге у школы',
    attachments: [],
    visibility: 'public',
    ...extra,
  }) as CaseCommandInput;

export const triage = (category: 'ordinary' | 'fast-track' | 'high' = 'ordinary'): CaseCommandInput => ({
  type: 'triage',
  topic: 'дороги',
  location: 'ул. Ленина',
  category,
  processable: true,
});

export const single = (dept = 'a'): CaseCommandInput => ({
  type: 'route',
  mode: 'single',
  assignments: [{ departmentId: `dept-${dept}`, executorId: `exec-${dept}` }],
});

/** A chain over departments a, b, … each with its own executor (exec-a of dept-a, …). */
export const chain = (
  mode: 'sequential' | 'parallel',
  ...depts: string[]
): Extract<CaseCommandInput, { type: 'route' }> => ({
  type: 'route',
  mode,
  assignments: (depts.length > 0 ? depts : ['a', 'b']).map((x) => ({
    departmentId: `dept-${x}`,
    executorId: `exec-${x}`,
  })),
});

export const draft = (
  kind: 'answer' | 'intermediate' | 'clarification' | 'explanation' = 'answer',
  extra = {},
): CaseCommandInput => ({
  type: 'submit-draft',
  kind,
  text: 'Яму заделают до пятницы',
  attachments: [],
  ...extra,
});

export const sameThread = { kind: 'same-thread' } as const;

/** A command as tests write it (often `as const`); decide validates it at run time like API input. */
export type Cmd = { readonly type: CaseCommandInput['type'] } & Readonly<Record<string, unknown>>;

export class CaseRun {
  state: CaseState = initialState;
  readonly events: CaseEvent[] = [];
  readonly ctx: DomainContext;

  constructor(
    readonly presetId: string,
    extra: Partial<DomainContext> = {},
  ) {
    this.ctx = { ...preset(presetId), directory: { people: DIRECTORY_PEOPLE }, ...extra };
  }

  /** Applies a command that must succeed; returns its events. */
  do(command: Cmd, actor: Actor, at: string): readonly CaseEvent[] {
    const r = decide(this.state, command, actor, t(at), this.ctx);
    if (!r.ok) throw new Error(`${command.type} by ${actor.personId}: ${r.error.code} ${r.error.message}`);
    for (const e of r.events) {
      this.state = evolve(this.state, e);
      this.events.push(e);
    }
    return r.events;
  }

  /** The case registered by the operator at `at`: where every walk starts. */
  registered(at: string): this {
    this.do(register(), A.operator, at);
    return this;
  }

  /** The usual start: the operator registers the case, `triager` classifies it with `classify`, the curator routes it
   *  with `route` (to dept-a unless told), at the three instants in that order. */
  routed(
    [registered, triaged, routed]: readonly [string, string, string],
    triager: Actor,
    classify: Cmd = triage(),
    route: Cmd = single(),
  ): this {
    this.registered(registered);
    this.do(classify, triager, triaged);
    this.do(route, A.curator, routed);
    return this;
  }

  /** Applies a command that must fail; returns the error. */
  fail(command: Cmd, actor: Actor, at: string): DomainError {
    const r = decide(this.state, command, actor, t(at), this.ctx);
    if (r.ok) throw new Error(`${command.type} by ${actor.personId} unexpectedly succeeded`);
    return r.error;
  }

  allowed(actor: Actor) {
    return allowedCommands(this.state, actor, this.ctx);
  }

  clocks(at: string) {
    return computeClocks(this.state, this.ctx.profile, this.ctx.calendar, t(at));
  }

  /** Active clocks as `step[:department] → due (local ISO)`, the overall one marked with '*'. */
  dues(at: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.clocks(at).active) {
      const dept = c.id.includes(':') ? `:${c.id.split(':')[1]}` : '';
      out[`${c.kind === 'overall' ? '*' : ''}${c.step}${dept}`] = this.ctx.calendar.formatInstant(c.dueAt);
    }
    return out;
  }

  /** Who holds each active clock now, as `step[:department] → holder keys`. */
  holders(at: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const c of this.clocks(at).active) {
      const dept = c.id.includes(':') ? `:${c.id.split(':')[1]}` : '';
      out[`${c.kind === 'overall' ? '*' : ''}${c.step}${dept}`] = c.holders.map((h) =>
        h.role === 'executor' ? (h.personId ?? '?') : h.role,
      );
    }
    return out;
  }

  status(at: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.clocks(at).active) out[c.id] = c.status;
    return out;
  }
}
