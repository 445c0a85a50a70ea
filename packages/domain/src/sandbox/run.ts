// The regulation sandbox: one case played from a scenario through the real decider, with the scheduler's breach
// records at their true instants, then every clock (start, due, stop, breach), every breach with its holder and the
// supervisor to notify, and every holder's share of the case's time. Pure: `otklik replay` and the tests drive it.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Profile, StepId } from '../profiles/schema';
import { computeClocks } from '../sla/clocks';
import { caseHistory } from '../sla/history';
import { firstBreachedInstant, isPastDue } from '../sla/status';
import { describeIssues } from '../validation/issues';
import { allowedCommands } from '../workflow/allowed';
import type { CaseCommandInput } from '../workflow/commands';
import { decide } from '../workflow/decide';
import type { CaseEvent } from '../workflow/events';
import { evolve } from '../workflow/evolve';
import { holderKey } from '../workflow/holders';
import { type Supervision, supervisorOf } from '../workflow/notices';
import type { RefusalLang } from '../workflow/refusals';
import { initialState } from '../workflow/state';
import type { Actor, CaseState, DomainContext, DomainError, Responsible } from '../workflow/types';
import { readIsoInstant } from './instant';
import { instantProblemText, sandboxText } from './messages';
import { type ScenarioHeader, type ScenarioLine, zScenarioLine } from './scenario';

export interface ClockLine {
  readonly clock: StepId;
  readonly holder: string;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly stoppedAt: string | null;
  readonly breachedAt: string | null;
}

export interface BreachLine {
  readonly breach: StepId;
  readonly at: string;
  readonly holder: string;
  readonly notify: string | null;
}

export interface SandboxReport {
  readonly clocks: readonly ClockLine[];
  readonly breaches: readonly BreachLine[];
  /** Working minutes each holder had the case: 'operator', 'curator', department ids. */
  readonly holders: Readonly<Record<string, number>>;
  readonly events: readonly CaseEvent[];
  readonly state: CaseState;
}

const executorId = (department: string) => `executor:${department}`;

/** The people of a sandbox: the operator, the curator, one executor per department; each department's supervising
 *  deputy is `deputy:<department>`, the curator's and the operator's supervisors `supervisor:curator|operator`. */
export const SANDBOX_SUPERVISION: Supervision = {
  departmentDeputy: (d) => `deputy:${d}`,
  curatorSupervisor: 'supervisor:curator',
  operatorSupervisor: 'supervisor:operator',
};

export class Sandbox {
  private state: CaseState = initialState;
  private readonly events: CaseEvent[] = [];
  private readonly ctx: DomainContext;
  private readonly actors: ReadonlyMap<string, Actor>;
  private last: Instant | null = null;
  private closed = false;

  constructor(
    private readonly profile: Profile,
    private readonly calendar: WorkingCalendar,
    private readonly header: ScenarioHeader,
    /** The language of the sandbox's own refusals (a bad line, an instant); the decider's are returned as errors. */
    private readonly lang: RefusalLang = 'en',
  ) {
    const people: [string, Actor][] = [
      ['operator', { personId: 'operator', roles: ['operator'], departmentIds: [] }],
      ['curator', { personId: 'curator', roles: ['curator'], departmentIds: [] }],
      ...header.departments.map((d): [string, Actor] => [
        d,
        { personId: executorId(d), roles: ['executor'], departmentIds: [d] },
      ]),
    ];
    this.actors = new Map(people);
    this.ctx = {
      profile,
      calendar,
      directory: {
        ...(header.topics
          ? { topics: header.topics.map((t) => ({ id: t.name, name: t.name, listed: t.listed })) }
          : {}),
        people: header.departments.map((d) => ({
          id: executorId(d),
          departmentId: d,
          roles: ['executor'],
          active: true,
        })),
      },
    };
  }

  /** Applies one scenario line; returns the reason it was refused (the scenario's own words, or the decider's
   *  refusal for the reader to word through the refusal catalogue), or null. */
  apply(raw: unknown): string | DomainError | null {
    const lang = this.lang;
    if (this.closed) return sandboxText('scenario.closed', {}, lang);
    const parsed = zScenarioLine.safeParse(raw);
    if (!parsed.success) return describeIssues(parsed.error, lang);
    const line = parsed.data;
    const at = readIsoInstant(line.at);
    if (typeof at === 'string') return instantProblemText(line.at, at, lang, 'at');
    if (this.last !== null && at < this.last) {
      const previous = this.calendar.formatInstant(this.last);
      return sandboxText('scenario.before-previous', { at: line.at, previous }, lang);
    }
    const actor = this.actors.get(line.by);
    if (!actor) {
      return sandboxText('scenario.unknown-actor', { by: line.by, departments: this.header.departments }, lang);
    }
    this.advance(at);
    this.last = at;
    if (line.do === 'close') {
      this.closed = true;
      return null;
    }
    const command = this.commandOf(line, actor);
    if (typeof command === 'string') return command;
    const r = decide(this.state, command, actor, at, this.ctx);
    if (!r.ok) return r.error;
    this.record(r.events);
    return null;
  }

  /** Records, at their true instants up to `to`, the breaches the server's scheduler would record. */
  private advance(to: Instant): void {
    for (let guard = 0; guard < 1000; guard++) {
      const due = computeClocks(this.state, this.profile, this.calendar, to)
        .active.filter(
          (c) => isPastDue(c.breachAt, to) && this.state.clocks.some((r) => r.id === c.id && r.breachedAt === null),
        )
        .sort((a, b) => a.breachAt - b.breachAt)[0];
      if (!due) return;
      const now = firstBreachedInstant(due.breachAt);
      const r = decide(this.state, { type: 'record-clock-breached', clockId: due.id }, SYSTEM, now, this.ctx);
      if (!r.ok) return;
      this.record(r.events);
    }
  }

  private record(events: readonly CaseEvent[]) {
    for (const e of events) {
      this.state = evolve(this.state, e);
      this.events.push(e);
    }
  }

  private commandOf(line: ScenarioLine, actor: Actor): CaseCommandInput | string {
    const assignments = (departments: readonly string[]) =>
      departments.map((d) => ({ departmentId: d, executorId: executorId(d) }));
    type Mode = 'single' | 'sequential' | 'parallel';
    const modeFor = (departments: readonly string[], mode: Mode | undefined): Mode =>
      mode ?? (departments.length === 1 ? 'single' : (this.profile.chain.modes[0] ?? 'sequential'));
    const classification = (l: { category?: string; high?: boolean; topic?: string; place?: string }) => ({
      ...(l.category !== undefined ? { category: l.category as 'ordinary' | 'fast-track' } : {}),
      ...(l.high !== undefined ? { high: l.high } : {}),
      ...(l.topic !== undefined ? { topic: l.topic } : {}),
      ...(l.place !== undefined ? { location: l.place } : {}),
    });
    switch (line.do) {
      case 'register': {
        let postedAt: number | undefined;
        if (line.postedAt !== undefined) {
          const p = readIsoInstant(line.postedAt);
          if (typeof p === 'string') return instantProblemText(line.postedAt, p, this.lang, 'postedAt');
          postedAt = p;
        }
        return {
          type: 'register',
          caseId: 'replay',
          network: 'other',
          link: 'replay',
          author: { name: 'replay' },
          text: '',
          attachments: [],
          visibility: line.visibility ?? 'public',
          ...(postedAt !== undefined ? { postedAt } : {}),
          ...classification(line),
        };
      }
      case 'triage':
        return { type: 'triage', processable: true, ...classification(line) };
      case 'route':
        return {
          type: 'route',
          mode: modeFor(line.departments, line.mode),
          assignments: assignments(line.departments),
        };
      case 'reroute':
        return {
          type: 'reroute',
          mode: modeFor(line.departments, line.mode),
          assignments: assignments(line.departments),
        };
      case 'move':
        return {
          type: 'move',
          ...(line.mode ? { mode: line.mode } : {}),
          assignments: assignments(line.departments),
          reason: line.reason,
        };
      case 'return':
        return { type: 'return', departmentId: line.by, reason: line.reason };
      case 'part':
        return { type: 'submit-contribution', departmentId: line.by, text: line.text ?? 'part', attachments: [] };
      case 'forward':
        return { type: 'forward' };
      case 'draft': {
        const compose = allowedCommands(this.state, actor, this.ctx).includes('compose-answer');
        return {
          type: compose ? 'compose-answer' : 'submit-draft',
          kind: line.kind,
          text: line.text ?? 'draft',
          attachments: [],
          ...(line.evidence
            ? { evidence: { outcome: line.evidence, attachments: [{ kind: 'photo', url: 'replay:evidence' }] } }
            : {}),
          ...(line.reason ? { explanationReason: line.reason } : {}),
        };
      }
      case 'revise-request':
        return { type: 'request-revision', reason: line.reason };
      case 'approve':
        return { type: 'approve' };
      case 'publish':
        return {
          type: this.state.draft?.kind === 'intermediate' ? 'publish-intermediate' : 'publish',
          where: { kind: 'same-thread' },
        };
      case 'recategorise':
        return { type: 'recategorise', reason: line.reason, ...classification(line) };
      case 'reject':
        return { type: 'reject', ground: line.ground };
      case 'close':
        return sandboxText('scenario.close-no-command', {}, this.lang);
    }
  }

  /** Every clock with a limit in order of start, every breach with its holder, every holder's time. */
  report(): SandboxReport {
    const until = this.last ?? 0;
    this.advance(until);
    const history = caseHistory(this.events, { profile: this.profile, calendar: this.calendar, until });
    const fmt = (at: Instant | null) => (at === null ? null : this.calendar.formatInstant(at));
    const key = (list: readonly Responsible[]) => (list[0] ? holderKey(list[0]) : 'curator');
    const clocks: ClockLine[] = history.clocks
      .filter((c) => c.dueAt !== null)
      .map((c) => ({
        clock: c.step,
        holder: key(c.breachAt !== null && c.breachHolders.length > 0 ? c.breachHolders : c.holders),
        startedAt: this.calendar.formatInstant(c.startedAt),
        dueAt: this.calendar.formatInstant(c.dueAt ?? c.startedAt),
        stoppedAt: fmt(c.stoppedAt),
        breachedAt: fmt(c.breachAt),
      }));
    const breaches: BreachLine[] = history.clocks
      .filter((c) => c.breachAt !== null)
      .sort((a, b) => (a.breachAt ?? 0) - (b.breachAt ?? 0))
      .flatMap((c) =>
        c.breachHolders.map((h) => ({
          breach: c.step,
          at: this.calendar.formatInstant(c.breachAt ?? 0),
          holder: holderKey(h),
          notify: supervisorOf(h, SANDBOX_SUPERVISION),
        })),
      );
    const holders: Record<string, number> = {};
    const order = ['operator', 'curator', ...this.header.departments];
    const shares = [...history.shares].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    for (const s of shares) holders[s.key] = Math.round(((holders[s.key] ?? 0) + s.minutes) * 100) / 100;
    return { clocks, breaches, holders, events: this.events, state: this.state };
  }
}

const SYSTEM: Actor = { personId: 'system', roles: ['system'], departmentIds: [] };
