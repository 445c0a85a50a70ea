// The actions a person may take on a case now: exactly the commands `decide` would not refuse on role or state
// grounds (the web UI shows these, and only these, as buttons).
import type { Instant } from '../calendar/types';
import { channelPublicationRefusal, type PublicationChannel } from './channel';
import { COMMAND_TYPES } from './commands';
import { decideClockRecord } from './decide';
import { check } from './permissions';
import type { Actor, CaseState, CommandType, DomainContext } from './types';

/** Command types `actor` may issue in this state. With `now`, also drops scheduler records with nothing to record
 *  (a late return stays offered: it is recorded as late, never refused). */
export function allowedCommands(state: CaseState, actor: Actor, ctx: DomainContext, now?: Instant): CommandType[] {
  const allowed = COMMAND_TYPES.filter((t) => check(state, t, actor, ctx) === null);
  if (now === undefined) return allowed;
  return allowed.filter((type) => {
    const base = { s: state, actor, now, ctx, base: { at: now, by: actor.personId } };
    switch (type) {
      case 'record-clock-at-risk':
      case 'record-clock-breached':
        return state.clocks.some(
          (c) => c.closedAt === null && Array.isArray(decideClockRecord(base, { type, clockId: c.id })),
        );
      // Recorded when a network reports something, never offered as something to do now.
      case 'record-publication-failure':
      case 'record-message-edit':
      case 'record-message-deletion':
        return false;
      default:
        return true;
    }
  });
}

/** The actions a case's workspace offers `actor` now: the allowed commands of an existing case (registering one is
 *  not an action on it), a publication through the network account only when the case's account can post
 *  (`channel`). The server's case detail and the web's live detail both ask this: it is all the case screen's
 *  buttons. */
export function caseActions(
  state: CaseState,
  actor: Actor,
  ctx: DomainContext,
  now: Instant,
  channel: PublicationChannel,
): CommandType[] {
  return allowedCommands(state, actor, ctx, now).filter(
    (t) => t !== 'register' && (t !== 'request-publication' || channelPublicationRefusal(channel) === null),
  );
}
