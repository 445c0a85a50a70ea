// Who may issue which command in which state (REGULATIONS.md "Roles" and "The life of a message"): the single check
// both `decide` and `allowedCommands` use, so the UI offers exactly what the decider accepts.
import type { Ending } from '../profiles/schema';
import type { CommandType } from './commands';
import { type RefusalKey, refusal } from './refusals';
import { composerOf, contributionsComplete, isOpen, nextToForward } from './state';
import type { Actor, AssignmentState, CaseState, CaseStatus, DomainContext, DomainError, Role } from './types';

/** Roles that may issue each command at all; finer checks (which executor) follow in `check`. */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  register: ['operator', 'curator', 'system'],
  triage: ['operator', 'curator'],
  route: ['curator'],
  return: ['executor'],
  reroute: ['curator'],
  forward: ['curator'],
  move: ['curator'],
  recategorise: ['curator'],
  'submit-contribution': ['executor'],
  // Sequential: the last executor composes; parallel: the curator (checked per state below).
  'compose-answer': ['executor', 'curator'],
  'submit-draft': ['executor', 'curator'],
  approve: ['curator'],
  'request-revision': ['curator'],
  // The profile names the publisher (checked per state below).
  // 'system': the outbox worker records a publication a publisher requested through a channel account.
  publish: ['executor', 'curator', 'system'],
  'publish-intermediate': ['executor', 'curator', 'system'],
  reject: ['operator', 'curator'],
  'send-explanation': ['curator'],
  'link-published': ['curator'],
  'convert-to-appeal': ['curator'],
  'link-repeat': ['operator', 'curator'],
  'flag-socially-significant': ['operator', 'curator', 'department-head', 'head'],
  'shorten-deadline': ['curator'],
  'reassign-substitute': ['curator', 'department-head', 'administrator'],
  'record-clock-at-risk': ['system'],
  'record-clock-breached': ['system'],
  'request-publication': ['executor', 'curator'],
  'record-publication-failure': ['system'],
  'record-message-edit': ['system'],
  'record-message-deletion': ['system'],
};

/** A refusal that names no parameters: the actor's seat does not allow the command. */
export const forbidden = (key: SeatKey): DomainError => refusal('forbidden', key, {});
export const wrongState = (s: CaseState, type: CommandType): DomainError =>
  refusal('wrong-state', 'command.state', { command: type, status: s.status }, { status: s.status, stage: s.stage });

type SeatKey = Extract<
  RefusalKey,
  | 'return.not-received'
  | 'return.not-this-department'
  | 'contribution.none-for-executor'
  | 'contribution.none-for-department'
  | 'compose.not-composer'
  | 'draft.not-composer'
  | 'publish.not-requested'
  | 'publish.by-curator'
  | 'publish.by-executor'
  | 'substitute.own-department'
>;

const has = (actor: Actor, role: Role) => actor.roles.includes(role);

/** An executor of the assigned department, or the personal substitute of its assigned executor. */
export function actsFor(actor: Actor, a: AssignmentState): boolean {
  if (!has(actor, 'executor')) return false;
  // The assigned person (a substitute after reassignment), any executor of the department, or a personal substitute.
  return (
    actor.personId === a.executorId ||
    actor.departmentIds.includes(a.departmentId) ||
    (actor.substituteFor ?? []).includes(a.executorId)
  );
}

function notInProfile(ctx: DomainContext, ending: Ending): DomainError | null {
  return ctx.profile.endings.includes(ending)
    ? null
    : refusal('not-in-profile', 'profile.no-ending', { profile: ctx.profile.id, ending });
}

const inStatus = (s: CaseState, ...statuses: CaseStatus[]) => statuses.includes(s.status);

/** Assignments the actor may act for that have the message and have not sent their part yet. */
function pendingFor(s: CaseState, actor: Actor): AssignmentState[] {
  return s.assignments.filter((a) => a.receivedAt !== null && a.contributedAt === null && actsFor(actor, a));
}

/** The composer's seat: the curator for a parallel set, else the composing executor once they have the case (in a
 *  curator-forwarded chain, only after the forward). */
function isComposer(s: CaseState, actor: Actor): boolean {
  const c = composerOf(s);
  return c ? c.receivedAt !== null && actsFor(actor, c) : has(actor, 'curator');
}

/** A draft waits for the curator's review (approve, or return for revision). */
const isDraftUnderReview = (status: string): boolean => status === 'draft-review';

/**
 * Whether `actor` may approve a case that is in `status`: the same role and state rule `check` applies to
 * 'approve'. Approval depends on nothing else of the case, so a list that carries only a case's status (the board's
 * one-click approval) asks this instead of folding the whole state; the decider still checks the real state.
 */
export function mayApprove(status: string, actor: Pick<Actor, 'roles'>): boolean {
  return COMMAND_ROLES.approve.some((r) => actor.roles.includes(r)) && isDraftUnderReview(status);
}

/** null when `actor` may issue `type` now; otherwise the typed reason (role first, then state, then seat). */
export function check(s: CaseState, type: CommandType, actor: Actor, ctx: DomainContext): DomainError | null {
  const roles = COMMAND_ROLES[type];
  if (!roles.some((r) => has(actor, r))) {
    return refusal('forbidden', 'command.role', { command: type, roles });
  }
  if (type === 'register') return s.status === 'none' ? null : wrongState(s, type);
  if (!isOpen(s)) return wrongState(s, type);
  const seat = (ok: boolean, why: SeatKey) => (ok ? null : forbidden(why));
  switch (type) {
    case 'triage':
      return inStatus(s, 'detected') ? null : wrongState(s, type);
    case 'route':
      return inStatus(s, 'triaged') ? null : wrongState(s, type);
    case 'reroute':
      return inStatus(s, 'returned') ? null : wrongState(s, type);
    case 'forward':
      return inStatus(s, 'assigned', 'returned') && nextToForward(s) !== null ? null : wrongState(s, type);
    case 'move':
      // A misrouted case is never trapped: the curator moves it at any time before the answer is approved.
      return inStatus(s, 'assigned', 'returned', 'draft-review', 'revision') ? null : wrongState(s, type);
    case 'recategorise':
      return inStatus(s, 'detected') ? wrongState(s, type) : null;
    case 'return':
      // Late is recorded, never blocked: a return after the window is a late return (REGULATIONS "Clocks exactly").
      if (!inStatus(s, 'assigned', 'returned') || s.stage !== 'answer') return wrongState(s, type);
      return seat(pendingFor(s, actor).length > 0, 'return.not-received');
    case 'submit-contribution': {
      if (!inStatus(s, 'assigned', 'returned') || s.mode === 'single' || s.mode === null) return wrongState(s, type);
      const composer = composerOf(s);
      const mine = pendingFor(s, actor).filter((a) => a !== composer);
      return seat(mine.length > 0, 'contribution.none-for-executor');
    }
    case 'compose-answer':
      if (!inStatus(s, 'assigned') || s.mode === 'single' || s.mode === null || !contributionsComplete(s)) {
        return wrongState(s, type);
      }
      return seat(isComposer(s, actor), 'compose.not-composer');
    case 'submit-draft': {
      const single = s.mode === 'single' && inStatus(s, 'assigned');
      if (!single && !inStatus(s, 'revision')) return wrongState(s, type);
      return seat(isComposer(s, actor), 'draft.not-composer');
    }
    case 'approve':
    case 'request-revision':
      return isDraftUnderReview(s.status) ? null : wrongState(s, type);
    case 'publish':
    case 'publish-intermediate': {
      if (!isPublishable(s, ctx)) return wrongState(s, type);
      const intermediate = s.draft?.kind === 'intermediate';
      if (intermediate !== (type === 'publish-intermediate')) return wrongState(s, type);
      // The system records only what a publisher asked a channel account to post.
      if (has(actor, 'system')) {
        return s.pendingPublication ? null : forbidden('publish.not-requested');
      }
      return publisherSeat(s, actor, ctx);
    }
    case 'request-publication':
      if (!isPublishable(s, ctx)) return wrongState(s, type);
      // One request at a time; a failed one may be requested again (a retry).
      if (s.pendingPublication && !s.pendingPublication.failure) return wrongState(s, type);
      return publisherSeat(s, actor, ctx);
    case 'reject':
      return notInProfile(ctx, 'rejected');
    case 'send-explanation':
      return inStatus(s, 'detected') ? wrongState(s, type) : notInProfile(ctx, 'explained');
    case 'link-published':
      return inStatus(s, 'detected') ? wrongState(s, type) : notInProfile(ctx, 'linked');
    case 'convert-to-appeal':
      return inStatus(s, 'detected') ? wrongState(s, type) : notInProfile(ctx, 'converted');
    case 'link-repeat':
      return null;
    case 'flag-socially-significant':
      return s.sociallySignificant ? wrongState(s, type) : null;
    case 'shorten-deadline':
      return null;
    case 'reassign-substitute': {
      if (s.assignments.length === 0 || inStatus(s, 'returned')) return wrongState(s, type);
      if (has(actor, 'curator') || has(actor, 'administrator')) return null;
      return seat(
        s.assignments.some((a) => actor.departmentIds.includes(a.departmentId)),
        'substitute.own-department',
      );
    }
    case 'record-publication-failure':
      return s.pendingPublication ? null : wrongState(s, type);
    case 'record-message-edit':
    case 'record-message-deletion':
    case 'record-clock-at-risk':
    case 'record-clock-breached':
      return null;
  }
}

/** An approved draft, or, without an approval step (idrinsky 3.2), a draft under review: the curator publishes
 *  straight from the review. */
function isPublishable(s: CaseState, ctx: DomainContext): boolean {
  const noApproval = !ctx.profile.clocks.approve && !ctx.profile.steps.approve && ctx.profile.publisher === 'curator';
  return s.draft !== null && (inStatus(s, 'approved') || (noApproval && inStatus(s, 'draft-review')));
}

/** The profile names who publishes: the curator (NAO p.20, krasnoufimsk p.16) or the composing executor
 *  (konyshevsky p.14); a parallel set's answer is the curator's. */
function publisherSeat(s: CaseState, actor: Actor, ctx: DomainContext): DomainError | null {
  const byCurator = (s.publisher ?? ctx.profile.publisher) === 'curator' || composerOf(s) === null;
  if (byCurator) return has(actor, 'curator') ? null : forbidden('publish.by-curator');
  return isComposer(s, actor) ? null : forbidden('publish.by-executor');
}
