// The actions a person may take on a case now: exactly the commands `decide` would not refuse on role or state
// grounds (the web UI shows these, and only these, as buttons).
import type { Instant } from '../calendar/types';
import { COMMAND_TYPES } from './commands';
import { decideClockRecord, decideCommand } from './decide';
import { check } from './permissions';
import type { Actor, CaseState, CommandType, DomainContext } from './types';

/** Command types `actor` may issue in this state. With `now`, also drops what time has ruled out: a return after
 *  its window, and scheduler records with nothing to record. */
export function allowedCommands(state: CaseState, actor: Actor, ctx: DomainContext, now?: Instant): CommandType[] {
  const allowed = COMMAND_TYPES.filter((t) => check(state, t, actor, ctx) === null);
  if (now === undefined) return allowed;
  return allowed.filter((type) => {
    const base = { s: state, actor, now, ctx, base: { at: now, by: actor.personId } };
    switch (type) {
      case 'return':
        return state.assignments.some(
          (a) =>
            a.receivedAt !== null &&
            a.contributedAt === null &&
            Array.isArray(decideCommand(base, { type: 'return', departmentId: a.departmentId, reason: '-' })),
        );
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
