// The decider: checks a command against the actor's role, the case's state and the profile, and returns the events
// it causes or a typed error. Never throws; time comes in as `now`. Lateness is recorded, never refused: a late
// return, a late routing or a re-categorisation that puts a deadline in the past become breaches, charged to whoever
// held the clock in the state the command was decided on.
import { CalendarError } from '../calendar/errors';
import type { Instant } from '../calendar/types';
import { pinModel } from '../profiles/pin';
import { clockOf, computeClocks } from '../sla/clocks';
import { deadlineOf } from '../sla/deadline';
import { isPastDue } from '../sla/status';
import { inputIssues } from '../validation/issues';
import { validationIssue } from '../validation/messages';
import type { CaseCommand, CommandOf } from './commands';
import { zCaseCommand } from './commands';
import type { CaseEvent, Classification } from './events';
import { evolve } from './evolve';
import { clockHolders } from './holders';
import { actsFor, check, forbidden } from './permissions';
import { networkHosts, publicationUrlProblem } from './publication-url';
import type { RefusalKey, RefusalParamsOf } from './refusals';
import { refusal } from './refusals';
import { composerOf, nextToForward } from './state';
import type { Actor, CaseState, DecideResult, DomainContext, DomainError } from './types';
import { mayTakePart } from './usual-executor';

type Decision = readonly CaseEvent[] | DomainError;

type InputKey = Extract<
  RefusalKey,
  | 'route.single-one'
  | 'route.department-twice'
  | 'route.executor-not-of-department'
  | 'draft.intermediate-given'
  | 'draft.evidence-required'
  | 'topic.directory-empty'
  | 'deadline.in-past'
  | 'forward.other-next'
  | 'change.nothing'
  | 'publish.private-reply'
  | 'register.posted-in-future'
  | 'triage.required'
  | 'publish.channel-same-thread'
  | 'repeat.self'
  | 'substitute.not-assigned'
  | 'substitute.already-executor'
  | 'substitute.not-executor'
  | 'substitute.other-department'
>;

/** The input of field `path` is refused; the key says why. */
const invalid = (path: string, key: InputKey): DomainError => refusal('invalid-input', key, {}, { path });

export interface Env {
  readonly s: CaseState;
  readonly actor: Actor;
  readonly now: Instant;
  readonly ctx: DomainContext;
  readonly base: { readonly at: Instant; readonly by: string };
}

function checkRoute(
  env: Env,
  mode: CommandOf<'route'>['mode'],
  assignments: CommandOf<'route'>['assignments'],
): DomainError | null {
  const { profile } = env.ctx;
  const n = assignments.length;
  if (mode === 'single' && n !== 1) return invalid('assignments', 'route.single-one');
  if (mode !== 'single') {
    if (n < 2) return refusal('invalid-input', 'route.chain-min', { min: 2 }, { path: 'assignments' });
    if (!profile.chain.modes.includes(mode)) {
      return refusal('not-in-profile', 'profile.no-mode', { profile: profile.id, mode });
    }
  }
  const departments = new Set(assignments.map((a) => a.departmentId));
  if (departments.size !== n) return invalid('assignments', 'route.department-twice');
  // A department's part is done by an active executor of that department (konyshevsky p.6, NAO p.13).
  const people = env.ctx.directory?.people;
  if (
    people &&
    assignments.some(
      (a) =>
        !mayTakePart(
          people.find((p) => p.id === a.executorId),
          a.departmentId,
        ),
    )
  ) {
    return invalid('assignments', 'route.executor-not-of-department');
  }
  return null;
}

function checkDraft(env: Env, c: CommandOf<'submit-draft'> | CommandOf<'compose-answer'>): DomainError | null {
  const { s, ctx } = env;
  if (c.kind === 'intermediate') {
    if (s.stage === 'final') return invalid('kind', 'draft.intermediate-given');
    if (!ctx.profile.steps.final) {
      return refusal('not-in-profile', 'profile.no-intermediate', { profile: ctx.profile.id });
    }
  }
  if (c.kind === 'explanation' && !ctx.profile.endings.includes('explained')) {
    return refusal('not-in-profile', 'profile.no-explanation', { profile: ctx.profile.id });
  }
  // krasnoufimsk p.20: a fast-track answer carries evidence of the solution, or that the problem was not confirmed.
  if (s.category === 'fast-track' && c.kind === 'answer' && !c.evidence) {
    return invalid('evidence', 'draft.evidence-required');
  }
  return null;
}

interface ClassificationInput {
  readonly topic?: string | undefined;
  readonly topicId?: string | undefined;
  readonly location?: string | undefined;
  readonly category?: 'ordinary' | 'fast-track' | 'high' | undefined;
  readonly high?: boolean | undefined;
}

/** The classification as an event records it: the defaults of a field the case has not got yet filled in. */
function recordedClassification(next: Partial<Classification>): Classification {
  return {
    topic: next.topic ?? '',
    ...(next.topicId ? { topicId: next.topicId } : {}),
    topicListed: next.topicListed ?? false,
    location: next.location ?? '',
    category: next.category ?? 'ordinary',
    high: next.high ?? false,
  };
}

/** The classification after this command: given fields over the case's current ones; the topic chosen from the
 *  organisation's topic directory (NAO p.16 lists are never matched as free text), fast-track only where the profile
 *  has it (krasnoufimsk p.8). */
function classify(env: Env, c: ClassificationInput): Partial<Classification> | DomainError {
  const { s, ctx } = env;
  const category = c.category === 'high' ? 'ordinary' : (c.category ?? s.category ?? undefined);
  const high = c.high ?? (c.category === 'high' ? true : s.high);
  if (category !== undefined && !ctx.profile.categories.includes(category)) {
    return refusal(
      'not-in-profile',
      'profile.no-category',
      { profile: ctx.profile.id, category },
      { path: 'category' },
    );
  }
  let topic = s.topic ?? undefined;
  let topicId = s.topicId ?? undefined;
  let topicListed = s.topicListed;
  if (c.topic !== undefined || c.topicId !== undefined) {
    const directory = ctx.directory?.topics;
    if (directory && directory.length > 0) {
      const entry = c.topicId
        ? directory.find((t) => t.id === c.topicId)
        : directory.find((t) => t.name === c.topic?.trim());
      if (!entry) {
        return refusal(
          'unknown-topic',
          'topic.not-in-directory',
          {},
          { path: c.topicId ? 'topicId' : 'topic', topics: directory.map((t) => t.name) },
        );
      }
      topic = entry.name;
      topicId = entry.id;
      topicListed = entry.listed;
    } else {
      if (c.topic === undefined) return invalid('topic', 'topic.directory-empty');
      topic = c.topic.trim();
      topicId = undefined;
      topicListed = false;
    }
  }
  const location = c.location?.trim() ?? s.location ?? undefined;
  return {
    ...(topic !== undefined ? { topic } : {}),
    ...(topicId !== undefined ? { topicId } : {}),
    topicListed,
    ...(location !== undefined ? { location } : {}),
    ...(category !== undefined ? { category } : {}),
    high,
  };
}

const isError = (x: unknown): x is DomainError =>
  typeof x === 'object' && x !== null && 'code' in x && 'key' in x && !Array.isArray(x);

function decideShorten(env: Env, c: CommandOf<'shorten-deadline'>): Decision {
  const { s, ctx, now, base } = env;
  const record = s.clocks.find((r) => r.closedAt === null && r.step === c.step);
  const clock = record && clockOf(s, record, ctx.profile, ctx.calendar, now);
  if (!record || !clock) return refusal('wrong-state', 'deadline.no-clock', { step: c.step });
  if (c.dueAt <= now) return invalid('dueAt', 'deadline.in-past');
  // NAO p.14: the curator may shorten a term, never extend it past the profile's own limit.
  const limit = clockOf({ ...s, shortenedDeadlines: {} }, record, ctx.profile, ctx.calendar, now);
  if (limit && c.dueAt > limit.dueAt) {
    return refusal(
      'deadline-too-long',
      'deadline.too-long',
      { limit: ctx.calendar.formatInstant(limit.dueAt) },
      { profileDueAt: limit.dueAt },
    );
  }
  return [{ type: 'deadline-shortened', ...base, clockId: record.id, step: c.step, dueAt: c.dueAt }];
}

export function decideClockRecord(
  env: Env,
  c: CommandOf<'record-clock-at-risk'> | CommandOf<'record-clock-breached'>,
): Decision {
  const { s, ctx, now, base } = env;
  const record = s.clocks.find((r) => r.id === c.clockId && r.closedAt === null);
  const clock = record && clockOf(s, record, ctx.profile, ctx.calendar, now);
  const nothing = refusal('nothing-to-record', 'clock.nothing-to-record', { clockId: c.clockId });
  if (!record || !clock) return nothing;
  if (c.type === 'record-clock-breached') {
    return clock.status === 'breached' && record.breachedAt === null && isPastDue(clock.breachAt, now)
      ? [
          {
            type: 'clock-breached',
            ...base,
            clockId: record.id,
            dueAt: clock.dueAt,
            breachAt: clock.breachAt,
            holders: clock.holders,
          },
        ]
      : nothing;
  }
  return clock.status !== 'on-track' && record.atRiskAt === null
    ? [{ type: 'clock-at-risk', ...base, clockId: record.id, dueAt: clock.dueAt }]
    : nothing;
}

/** The return (konyshevsky p.8, krasnoufimsk p.11, NAO p.15): allowed at any time; after the window it is late. */
function decideReturn(env: Env, c: CommandOf<'return'>): Decision {
  const { s, actor, now, ctx, base } = env;
  const a = s.assignments.find((x) => x.departmentId === c.departmentId);
  if (!a || !actsFor(actor, a) || a.receivedAt === null || a.contributedAt !== null) {
    return forbidden('return.not-this-department');
  }
  const window = deadlineOf(ctx.profile, ctx.calendar, 'return', {
    startOf: () => a.receivedAt ?? now,
    routedAt: a.receivedAt,
    category: s.category,
    high: s.high,
    topic: s.topic,
    topicListed: s.topicListed,
  });
  const late =
    window !== undefined && isPastDue(window.at, now) ? { dueAt: window.at, receivedAt: a.receivedAt } : undefined;
  return [
    { type: 'case-returned', ...base, departmentId: c.departmentId, reason: c.reason, ...(late ? { late } : {}) },
  ];
}

function decideForward(env: Env, c: CommandOf<'forward'>): Decision {
  const next = nextToForward(env.s);
  if (!next) return refusal('wrong-state', 'forward.nothing', {});
  if (c.departmentId !== undefined && c.departmentId !== next.departmentId) {
    return invalid('departmentId', 'forward.other-next');
  }
  return [{ type: 'case-forwarded', ...env.base, departmentId: next.departmentId }];
}

function decideMove(env: Env, c: CommandOf<'move'>): Decision {
  const { s, ctx } = env;
  const mode = c.mode ?? (c.assignments.length === 1 ? 'single' : (s.mode ?? 'single'));
  const error = checkRoute(env, mode, c.assignments);
  if (error) return error;
  const same =
    mode === s.mode &&
    c.assignments.length === s.assignments.length &&
    c.assignments.every(
      (a, i) => s.assignments[i]?.departmentId === a.departmentId && s.assignments[i]?.executorId === a.executorId,
    );
  if (same) return invalid('assignments', 'change.nothing');
  return [
    {
      type: 'case-moved',
      ...env.base,
      mode,
      assignments: c.assignments,
      reason: c.reason,
      forwarded: mode === 'sequential' && ctx.profile.chain.forwarded,
    },
  ];
}

function decideRecategorise(env: Env, c: CommandOf<'recategorise'>): Decision {
  const { s } = env;
  const next = classify(env, c);
  if (isError(next)) return next;
  const changed = (
    [
      ['category', next.category !== s.category],
      ['high', next.high !== s.high],
      ['topic', next.topic !== s.topic || (next.topicId ?? null) !== s.topicId],
      ['location', next.location !== s.location],
    ] as const
  )
    .filter(([, differs]) => differs)
    .map(([field]) => field);
  if (changed.length === 0) return invalid('category', 'change.nothing');
  return [
    {
      type: 'case-recategorised',
      ...env.base,
      ...recordedClassification(next),
      reason: c.reason,
      changed,
    },
  ];
}

function decidePublish(env: Env, c: CommandOf<'publish'> | CommandOf<'publish-intermediate'>): Decision {
  const { s, ctx, base } = env;
  // idrinsky 3.4: a private message is answered privately, never by a post on the body's own account.
  if (s.message?.visibility === 'private' && c.where.kind === 'own-account') {
    return invalid('where', 'publish.private-reply');
  }
  // REGULATIONS 8: the answer goes out in the message's own network, so its link is an address of that network. A
  // channel account (the system) reports the address the network itself gave.
  const network = s.message?.network ?? null;
  const typed = !env.actor.roles.includes('system');
  if (typed && c.where.url && network && publicationUrlProblem(c.where.url, network) === 'other-network') {
    return refusal('invalid-input', 'publish.other-network', { hosts: networkHosts(network) }, { path: 'where.url' });
  }
  // Where the profile sets no approval step (idrinsky 3.2: the operator checks, then returns or publishes), publishing
  // a draft under review approves it in the same act.
  const approval: CaseEvent[] =
    s.status === 'draft-review' ? [{ type: 'draft-approved', ...base, publisher: ctx.profile.publisher }] : [];
  if (c.type === 'publish-intermediate')
    return [...approval, { type: 'intermediate-published', ...base, where: c.where }];
  if (s.draft?.kind === 'explanation') {
    return [
      ...approval,
      { type: 'explanation-sent', ...base, reason: s.draft.explanationReason ?? '', text: s.draft.text },
    ];
  }
  return [
    ...approval,
    {
      type: 'answer-published',
      ...base,
      kind: s.draft?.kind === 'clarification' ? 'clarification' : 'answer',
      where: c.where,
    },
  ];
}

export function decideCommand(env: Env, c: CaseCommand): Decision {
  const { s, actor, ctx, base } = env;
  const { profile } = ctx;
  switch (c.type) {
    case 'register': {
      if (c.postedAt !== undefined && c.postedAt > env.now) return invalid('postedAt', 'register.posted-in-future');
      const known = c.topic ?? c.topicId ?? c.location ?? c.category ?? c.high;
      const classification = known === undefined ? undefined : classify(env, c);
      if (isError(classification)) return classification;
      return [
        {
          type: 'case-registered',
          ...base,
          caseId: c.caseId,
          profileId: profile.id,
          network: c.network,
          link: c.link,
          author: c.author,
          text: c.text,
          attachments: c.attachments,
          visibility: c.visibility,
          ...(c.postedAt === undefined ? {} : { postedAt: c.postedAt }),
          ...(c.externalId === undefined ? {} : { externalId: c.externalId }),
          clocks: pinModel(profile),
          ...(classification ? { classification } : {}),
        },
      ];
    }
    case 'triage': {
      if (!c.processable)
        return decideCommand(env, { type: 'reject', ground: c.ground ?? '', ...(c.note ? { note: c.note } : {}) });
      const next = classify(env, c);
      if (isError(next)) return next;
      for (const field of ['topic', 'location', 'category'] as const) {
        if (!next[field]) {
          return invalid(field, 'triage.required');
        }
      }
      return [
        {
          type: 'case-triaged',
          ...base,
          ...recordedClassification(next),
        },
      ];
    }
    case 'route':
    case 'reroute':
      return (
        checkRoute(env, c.mode, c.assignments) ?? [
          {
            type: 'case-routed',
            ...base,
            mode: c.mode,
            assignments: c.assignments,
            reroute: c.type === 'reroute',
            forwarded: c.mode === 'sequential' && profile.chain.forwarded,
          },
        ]
      );
    case 'forward':
      return decideForward(env, c);
    case 'move':
      return decideMove(env, c);
    case 'recategorise':
      return decideRecategorise(env, c);
    case 'return':
      return decideReturn(env, c);
    case 'submit-contribution': {
      const a = s.assignments.find((x) => x.departmentId === c.departmentId);
      if (!a || a === composerOf(s) || !actsFor(actor, a) || a.receivedAt === null || a.contributedAt !== null) {
        return forbidden('contribution.none-for-department');
      }
      return [
        {
          type: 'contribution-submitted',
          ...base,
          departmentId: c.departmentId,
          text: c.text,
          attachments: c.attachments,
        },
      ];
    }
    case 'compose-answer':
    case 'submit-draft':
      return (
        checkDraft(env, c) ?? [
          {
            type: 'draft-submitted',
            ...base,
            kind: c.kind,
            text: c.text,
            attachments: c.attachments,
            ...(c.evidence ? { evidence: c.evidence } : {}),
            ...(c.explanationReason ? { explanationReason: c.explanationReason } : {}),
            composed: c.type === 'compose-answer' || (s.draft?.composed ?? false),
          },
        ]
      );
    case 'approve':
      return [{ type: 'draft-approved', ...base, publisher: profile.publisher }];
    case 'request-revision':
      return [{ type: 'revision-requested', ...base, reason: c.reason }];
    case 'publish':
    case 'publish-intermediate':
      if (actor.roles.includes('system') && c.where.kind !== 'same-thread') {
        return invalid('where', 'publish.channel-same-thread');
      }
      return decidePublish(env, c);
    case 'reject':
      if (!profile.rejectionGrounds.some((g) => g.code === c.ground)) {
        const grounds = profile.rejectionGrounds.map((g) => g.code);
        return refusal('invalid-input', 'reject.unknown-ground', { grounds }, { path: 'ground' });
      }
      return [{ type: 'case-rejected', ...base, ground: c.ground, ...(c.note ? { note: c.note } : {}) }];
    case 'send-explanation':
      return [{ type: 'explanation-sent', ...base, reason: c.reason, text: c.text }];
    case 'link-published':
      return [{ type: 'linked-to-published', ...base, url: c.url }];
    case 'convert-to-appeal':
      return [
        {
          type: 'converted-to-appeal',
          ...base,
          fullName: c.fullName,
          address: c.address,
          phone: c.phone,
          registrationNumber: c.registrationNumber,
        },
      ];
    case 'link-repeat':
      if (c.earlierCaseIds.includes(s.caseId ?? '')) return invalid('earlierCaseIds', 'repeat.self');
      return [{ type: 'repeat-linked', ...base, earlierCaseIds: c.earlierCaseIds }];
    case 'flag-socially-significant':
      return [{ type: 'flagged-socially-significant', ...base, ...(c.note ? { note: c.note } : {}) }];
    case 'shorten-deadline':
      return decideShorten(env, c);
    case 'reassign-substitute': {
      const a = s.assignments.find((x) => x.departmentId === c.departmentId);
      if (!a) return invalid('departmentId', 'substitute.not-assigned');
      const overseer = actor.roles.includes('curator') || actor.roles.includes('administrator');
      if (!overseer && !actor.departmentIds.includes(c.departmentId)) {
        return forbidden('substitute.own-department');
      }
      if (a.executorId === c.substituteId) return invalid('substituteId', 'substitute.already-executor');
      // The same rule as a route's executors (checkRoute), with a reason for each half.
      const people = ctx.directory?.people;
      const substitute = people?.find((p) => p.id === c.substituteId);
      if (people && (!substitute?.active || !substitute.roles.includes('executor'))) {
        return invalid('substituteId', 'substitute.not-executor');
      }
      if (substitute && substitute.departmentId !== c.departmentId) {
        return invalid('substituteId', 'substitute.other-department');
      }
      return [
        {
          type: 'executor-reassigned',
          ...base,
          departmentId: c.departmentId,
          fromPersonId: a.executorId,
          toPersonId: c.substituteId,
          reason: c.reason,
        },
      ];
    }
    case 'record-clock-at-risk':
    case 'record-clock-breached':
      return decideClockRecord(env, c);
    case 'request-publication':
      return [
        {
          type: 'publication-requested',
          ...base,
          requestId: c.requestId,
          kind: s.draft?.kind === 'intermediate' ? 'intermediate' : 'answer',
        },
      ];
    case 'record-publication-failure':
      if (s.pendingPublication?.requestId !== c.requestId) {
        return refusal('nothing-to-record', 'publication.not-pending', {});
      }
      return [{ type: 'publication-failed', ...base, requestId: c.requestId, error: c.error, retrying: c.retrying }];
    case 'record-message-edit':
      if (!s.message || s.message.text === c.text) {
        return refusal('nothing-to-record', 'message.unchanged', {});
      }
      return [
        {
          type: 'message-edited',
          ...base,
          text: c.text,
          previousText: s.message.text,
          ...(c.editedAt === undefined ? {} : { editedAt: c.editedAt }),
        },
      ];
    case 'record-message-deletion':
      if (s.messageDeletedAt != null) {
        return refusal('nothing-to-record', 'message.deletion-recorded', {});
      }
      return [{ type: 'message-deleted', ...base, ...(c.deletedAt === undefined ? {} : { deletedAt: c.deletedAt }) }];
  }
}

/** Breaches that happened before this command and were not recorded yet: recorded first, so the history keeps
 *  them even when this command closes the clock. Charged to the holders at the breach instant: nothing changed the
 *  case between it and now (any change would have recorded the breach). */
function pendingBreaches(s: CaseState, ctx: DomainContext, now: Instant): CaseEvent[] {
  return computeClocks(s, ctx.profile, ctx.calendar, now)
    .active.filter((c) => isPastDue(c.breachAt, now) && s.clocks.some((r) => r.id === c.id && r.breachedAt === null))
    .map((c) => ({
      type: 'clock-breached',
      at: now,
      by: 'system',
      clockId: c.id,
      dueAt: c.dueAt,
      breachAt: c.breachAt,
      holders: c.holders,
    }));
}

/** Clocks this command put past their deadline: opened already late (an explanation counted from posting) or
 *  recomputed into the past (a re-categorisation). Breached from now, never retroactively, and charged to whoever
 *  held them before the command. */
function breachesCausedBy(before: CaseState, after: CaseState, ctx: DomainContext, now: Instant): CaseEvent[] {
  const out: CaseEvent[] = [];
  for (const record of after.clocks) {
    if (record.closedAt !== null || record.breachedAt !== null) continue;
    const clock = clockOf(after, record, ctx.profile, ctx.calendar, now);
    if (!clock || !isPastDue(clock.dueAt, now)) continue;
    const old = before.clocks.find((r) => r.id === record.id);
    const oldClock = old && clockOf(before, old, ctx.profile, ctx.calendar, now);
    if (oldClock && oldClock.dueAt === clock.dueAt) continue;
    out.push({
      type: 'clock-breached',
      at: now,
      by: 'system',
      clockId: record.id,
      dueAt: clock.dueAt,
      breachAt: now,
      holders: clockHolders(before, record),
    });
  }
  return out;
}

export function decide(
  state: CaseState,
  command: unknown,
  actor: Actor,
  now: Instant,
  ctx: DomainContext,
): DecideResult {
  try {
    const parsed = zCaseCommand.safeParse(command);
    if (!parsed.success) {
      // zod's issue (a schema's key or a built-in check) is passed on, for each reader to word in their language.
      const issues = inputIssues(parsed.error);
      const first = parsed.error.issues[0];
      const path = issues[0]?.path ?? '';
      return {
        ok: false,
        error: refusal(
          'invalid-input',
          'command.invalid',
          first ? { path, issue: validationIssue(first) } : { path, detail: parsed.error.message },
          { path, issues },
        ),
      };
    }
    const c = parsed.data;
    const denied = check(state, c.type, actor, ctx);
    if (denied) return { ok: false, error: denied };
    const env: Env = { s: state, actor, now, ctx, base: { at: now, by: actor.personId } };
    const decision = decideCommand(env, c);
    if (!Array.isArray(decision)) return { ok: false, error: decision as DomainError };
    const scheduled = c.type === 'register' || c.type === 'record-clock-at-risk' || c.type === 'record-clock-breached';
    if (scheduled) return { ok: true, events: decision };
    const pending = pendingBreaches(state, ctx, now);
    const before = pending.reduce(evolve, state);
    const after = decision.reduce(evolve, before);
    return { ok: true, events: [...pending, ...decision, ...breachesCausedBy(before, after, ctx, now)] };
  } catch (e) {
    // The calendar refuses impossible inputs (e.g. a schedule with no working time) by throwing; report, don't throw:
    // its key and parameters are a refusal of the decider's catalogue.
    if (e instanceof CalendarError)
      return { ok: false, error: refusal('invalid-input', e.key, e.params as RefusalParamsOf<typeof e.key>) };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: refusal('invalid-input', 'command.invalid', { path: '', detail }) };
  }
}
