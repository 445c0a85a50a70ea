// The decider: checks a command against the actor's role, the case's state and the profile, and returns the events
// it causes or a typed error. Never throws; time comes in as `now`.
import type { Instant } from '../calendar/types';
import { clockOf, computeClocks } from '../sla/clocks';
import { deadlineOf } from '../sla/deadline';
import type { CaseCommand, CommandOf } from './commands';
import { zCaseCommand } from './commands';
import type { CaseEvent } from './events';
import { actsFor, check, forbidden } from './permissions';
import { composerOf } from './state';
import type { Actor, CaseState, DecideResult, DomainContext, DomainError } from './types';

type Decision = readonly CaseEvent[] | DomainError;

const invalid = (path: string, message: string): DomainError => ({ code: 'invalid-input', message, details: { path } });

export interface Env {
  readonly s: CaseState;
  readonly actor: Actor;
  readonly now: Instant;
  readonly ctx: DomainContext;
  readonly base: { readonly at: Instant; readonly by: string };
}

function checkRoute(env: Env, c: CommandOf<'route'> | CommandOf<'reroute'>): DomainError | null {
  const { profile } = env.ctx;
  const n = c.assignments.length;
  if (c.mode === 'single' && n !== 1)
    return invalid('assignments', 'Один исполнитель для режима single / single mode takes one executor');
  if (c.mode !== 'single') {
    if (n < 2)
      return invalid(
        'assignments',
        'Для цепочки нужно не меньше двух подразделений / a chain needs two or more departments',
      );
    if (!profile.chain.modes.includes(c.mode)) {
      return {
        code: 'not-in-profile',
        message: `Профиль ${profile.id} не предусматривает режим «${c.mode}» / profile ${profile.id} has no '${c.mode}' mode`,
      };
    }
  }
  const departments = new Set(c.assignments.map((a) => a.departmentId));
  return departments.size === n
    ? null
    : invalid('assignments', 'Подразделения повторяются / a department is listed twice');
}

function checkDraft(env: Env, c: CommandOf<'submit-draft'> | CommandOf<'compose-answer'>): DomainError | null {
  const { s, ctx } = env;
  if (c.kind === 'intermediate') {
    if (s.stage === 'final')
      return invalid('kind', 'Промежуточный ответ уже дан / an intermediate answer was already given');
    if (!ctx.profile.steps.final) {
      return {
        code: 'not-in-profile',
        message: `Профиль ${ctx.profile.id} не предусматривает промежуточных ответов / no intermediate answers in this profile`,
      };
    }
  }
  // krasnoufimsk p.20: a fast-track answer carries evidence of the solution, or that the problem was not confirmed.
  if (s.category === 'fast-track' && c.kind === 'answer' && !c.evidence) {
    return invalid(
      'evidence',
      'Для категории «решаемые» нужны фото/видео/документ / a fast-track answer needs evidence',
    );
  }
  return null;
}

function decideShorten(env: Env, c: CommandOf<'shorten-deadline'>): Decision {
  const { s, ctx, now, base } = env;
  const record = s.clocks.find((r) => r.closedAt === null && r.step === c.step);
  const clock = record && clockOf(s, record, ctx.profile, ctx.calendar, now);
  if (!record || !clock)
    return { code: 'wrong-state', message: `Нет активного срока «${c.step}» / no active '${c.step}' clock` };
  if (c.dueAt <= now) return invalid('dueAt', 'Срок должен быть в будущем / the deadline must be in the future');
  // NAO p.14: the curator may shorten a term, never extend it past the profile's own limit.
  const limit = clockOf({ ...s, shortenedDeadlines: {} }, record, ctx.profile, ctx.calendar, now);
  if (limit && c.dueAt > limit.dueAt) {
    return {
      code: 'deadline-too-long',
      message: `Срок позже установленного профилем (${ctx.calendar.formatInstant(limit.dueAt)}) / later than the profile allows`,
      details: { profileDueAt: limit.dueAt },
    };
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
  const nothing: DomainError = {
    code: 'nothing-to-record',
    message: `Нечего записывать для ${c.clockId} / nothing to record`,
  };
  if (!record || !clock) return nothing;
  if (c.type === 'record-clock-breached') {
    return clock.status === 'breached' && record.breachedAt === null && now > clock.dueAt
      ? [{ type: 'clock-breached', ...base, clockId: record.id, dueAt: clock.dueAt }]
      : nothing;
  }
  return clock.status !== 'on-track' && record.atRiskAt === null
    ? [{ type: 'clock-at-risk', ...base, clockId: record.id, dueAt: clock.dueAt }]
    : nothing;
}

export function decideCommand(env: Env, c: CaseCommand): Decision {
  const { s, actor, now, ctx, base } = env;
  const { profile } = ctx;
  switch (c.type) {
    case 'register':
      if (c.postedAt !== undefined && c.postedAt > now)
        return invalid('postedAt', 'Время публикации в будущем / posting time is in the future');
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
          overallStep: profile.overallStep,
          triageEndsAt: profile.triageEndsAt,
        },
      ];
    case 'triage':
      if (!c.processable)
        return decideCommand(env, { type: 'reject', ground: c.ground ?? '', ...(c.note ? { note: c.note } : {}) });
      return [
        {
          type: 'case-triaged',
          ...base,
          topic: c.topic ?? '',
          location: c.location ?? '',
          category: c.category ?? 'ordinary',
        },
      ];
    case 'route':
    case 'reroute':
      return (
        checkRoute(env, c) ?? [
          { type: 'case-routed', ...base, mode: c.mode, assignments: c.assignments, reroute: c.type === 'reroute' },
        ]
      );
    case 'return': {
      const a = s.assignments.find((x) => x.departmentId === c.departmentId);
      if (!a || !actsFor(actor, a) || a.receivedAt === null || a.contributedAt !== null) {
        return forbidden('Это подразделение не может вернуть сообщение / this department cannot return the message');
      }
      // konyshevsky p.8, krasnoufimsk p.11, NAO p.15: a return is possible only within the limit after receipt.
      const window = deadlineOf(profile, ctx.calendar, 'return', {
        startOf: () => a.receivedAt ?? now,
        routedAt: a.receivedAt,
        category: s.category,
        topic: s.topic,
      });
      if (window && now > window.at) {
        return {
          code: 'window-closed',
          message: `Срок возврата истёк ${ctx.calendar.formatInstant(window.at)} / the return window closed`,
          details: { closedAt: window.at },
        };
      }
      return [{ type: 'case-returned', ...base, departmentId: c.departmentId, reason: c.reason }];
    }
    case 'submit-contribution': {
      const a = s.assignments.find((x) => x.departmentId === c.departmentId);
      if (!a || a === composerOf(s) || !actsFor(actor, a) || a.receivedAt === null || a.contributedAt !== null) {
        return forbidden('Нет ожидающей части этого подразделения / no pending part of this department');
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
        return invalid('where', 'Через аккаунт публикуется только в той же ветке / a channel posts in the same thread');
      }
      // idrinsky 3.4: a private message is answered privately, never by a post on the body's own account.
      if (s.message?.visibility === 'private' && c.where.kind === 'own-account') {
        return invalid('where', 'На личное сообщение отвечают лично / a private message gets a private reply');
      }
      return c.type === 'publish'
        ? [
            {
              type: 'answer-published',
              ...base,
              kind: s.draft?.kind === 'clarification' ? 'clarification' : 'answer',
              where: c.where,
            },
          ]
        : [{ type: 'intermediate-published', ...base, where: c.where }];
    case 'reject':
      if (!profile.rejectionGrounds.some((g) => g.code === c.ground)) {
        return invalid(
          'ground',
          `Основание не из профиля; допустимы: ${profile.rejectionGrounds.map((g) => g.code).join(', ')} / unknown ground`,
        );
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
      if (c.earlierCaseIds.includes(s.caseId ?? ''))
        return invalid('earlierCaseIds', 'Обращение не может повторять само себя / a case cannot repeat itself');
      return [{ type: 'repeat-linked', ...base, earlierCaseIds: c.earlierCaseIds }];
    case 'flag-socially-significant':
      return [{ type: 'flagged-socially-significant', ...base, ...(c.note ? { note: c.note } : {}) }];
    case 'shorten-deadline':
      return decideShorten(env, c);
    case 'reassign-substitute': {
      const a = s.assignments.find((x) => x.departmentId === c.departmentId);
      if (!a) return invalid('departmentId', 'Подразделение не назначено / the department is not assigned');
      const overseer = actor.roles.includes('curator') || actor.roles.includes('administrator');
      if (!overseer && !actor.departmentIds.includes(c.departmentId)) {
        return forbidden(
          'Руководитель может заменить исполнителя только своего подразделения / only in their own department',
        );
      }
      if (a.executorId === c.substituteId)
        return invalid('substituteId', 'Это уже назначенный исполнитель / already the executor');
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
        return { code: 'nothing-to-record', message: 'Эта публикация уже не ожидается / no such pending publication' };
      }
      return [{ type: 'publication-failed', ...base, requestId: c.requestId, error: c.error, retrying: c.retrying }];
    case 'record-message-edit':
      if (!s.message || s.message.text === c.text) {
        return { code: 'nothing-to-record', message: 'Текст не изменился / the text did not change' };
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
        return { code: 'nothing-to-record', message: 'Удаление уже записано / the deletion is already recorded' };
      }
      return [{ type: 'message-deleted', ...base, ...(c.deletedAt === undefined ? {} : { deletedAt: c.deletedAt }) }];
  }
}

/** Breaches that happened before this command and were not recorded yet: recorded first, so the history keeps
 *  them even when this command closes the clock. */
function pendingBreaches(s: CaseState, ctx: DomainContext, now: Instant): CaseEvent[] {
  return computeClocks(s, ctx.profile, ctx.calendar, now)
    .active.filter((c) => now > c.dueAt && s.clocks.some((r) => r.id === c.id && r.breachedAt === null))
    .map((c) => ({ type: 'clock-breached', at: now, by: 'system', clockId: c.id, dueAt: c.dueAt }));
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
      const issue = parsed.error.issues[0];
      const path = issue?.path.map(String).join('.') ?? '';
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: issue?.message ?? 'Неверная команда / invalid command',
          details: {
            path,
            issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
          },
        },
      };
    }
    const c = parsed.data;
    const denied = check(state, c.type, actor, ctx);
    if (denied) return { ok: false, error: denied };
    const env: Env = { s: state, actor, now, ctx, base: { at: now, by: actor.personId } };
    const decision = decideCommand(env, c);
    if (!Array.isArray(decision)) return { ok: false, error: decision as DomainError };
    const scheduled = c.type === 'register' || c.type === 'record-clock-at-risk' || c.type === 'record-clock-breached';
    return { ok: true, events: scheduled ? decision : [...pendingBreaches(state, ctx, now), ...decision] };
  } catch (e) {
    // The calendar refuses impossible inputs (e.g. a schedule with no working time) by throwing; report, don't throw.
    return { ok: false, error: { code: 'invalid-input', message: e instanceof Error ? e.message : String(e) } };
  }
}
