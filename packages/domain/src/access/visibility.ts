// Who may see a case, and who takes part in it (REGULATIONS.md "Roles"; issue 11 items 7-9). One rule, asked by the
// board query, case detail, the changes feed, attachments, drafts and the socket rooms:
// - curators and operators see every case of the organisation and take part in each;
// - the head and observers see every case of the organisation, read-only;
// - executors see, and take part in, the cases their department holds or held (a chain: every department of it)
//   and those they were personally given (or stand in for the person given);
// - department heads see the cases their departments hold or held;
// - administrators manage the directory and see no case (a person with several roles gets the union).
// The citizen's personal data of an official appeal (59-FZ: name, address, phone) is shown only to those who take part.
import type { CaseEvent } from '../workflow/events';
import type { Actor, CaseState } from '../workflow/types';

/** The departments and executors that hold or held a case: what visibility is decided on. */
export interface CaseParties {
  readonly departmentIds: readonly string[];
  readonly executorIds: readonly string[];
}

/** Every department and executor the case was routed to, returned from or contributed by (never shrinks while the
 *  case lives: a department that returned the case still sees what became of it). */
export function caseParties(state: CaseState): CaseParties {
  const departments = new Set<string>();
  const executors = new Set<string>();
  for (const a of state.assignments) {
    departments.add(a.departmentId);
    executors.add(a.executorId);
  }
  for (const r of state.returns) {
    departments.add(r.departmentId);
    if (r.by !== 'system') executors.add(r.by);
  }
  for (const c of state.contributions) {
    departments.add(c.departmentId);
    if (c.by !== 'system') executors.add(c.by);
  }
  return { departmentIds: [...departments].sort(), executorIds: [...executors].sort() };
}

/** Two parties lists merged (a stored one and a newly computed one): visibility never shrinks. */
export function mergeParties(a: CaseParties, b: CaseParties): CaseParties {
  return {
    departmentIds: [...new Set([...a.departmentIds, ...b.departmentIds])].sort(),
    executorIds: [...new Set([...a.executorIds, ...b.executorIds])].sort(),
  };
}

/**
 * An audience: a group of people who receive the same view of a case. Organisation-wide audiences are 'org:…';
 * the others carry a department or person id. The realtime layer makes a room of each.
 */
export type Audience =
  | 'org:participants'
  | 'org:readers'
  | `dept:${string}:executors`
  | `dept:${string}:heads`
  | `person:${string}`;

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);

/** The audiences a person belongs to. */
export function actorAudiences(actor: Actor): Audience[] {
  const out: Audience[] = [];
  if (has(actor, 'curator') || has(actor, 'operator')) out.push('org:participants');
  if (has(actor, 'head') || has(actor, 'observer')) out.push('org:readers');
  if (has(actor, 'executor')) {
    for (const d of actor.departmentIds) out.push(`dept:${d}:executors`);
    for (const p of [actor.personId, ...(actor.substituteFor ?? [])]) out.push(`person:${p}`);
  }
  if (has(actor, 'department-head')) {
    for (const d of actor.departmentIds) out.push(`dept:${d}:heads`);
  }
  return [...new Set(out)];
}

/** The audiences of a case: `participants` take part (and see the appeal's personal data), `readers` only read. */
export function caseAudiences(parties: CaseParties): { participants: Audience[]; readers: Audience[] } {
  return {
    participants: [
      'org:participants',
      ...parties.departmentIds.map((d) => `dept:${d}:executors` as const),
      ...parties.executorIds.map((p) => `person:${p}` as const),
    ],
    readers: ['org:readers', ...parties.departmentIds.map((d) => `dept:${d}:heads` as const)],
  };
}

const meets = (actor: Actor, audiences: readonly Audience[]) => {
  const mine = new Set(actorAudiences(actor));
  return audiences.some((a) => mine.has(a));
};

export function canSeeCase(actor: Actor, parties: CaseParties): boolean {
  const { participants, readers } = caseAudiences(parties);
  return meets(actor, participants) || meets(actor, readers);
}

/** Takes part in the case: curators, operators and its executors. They see the appeal's personal data and may
 *  upload files to the case. */
export function takesPartIn(actor: Actor, parties: CaseParties): boolean {
  return meets(actor, caseAudiences(parties).participants);
}

/** Who may write a draft slot of a case: the answer (executors taking part, curators), or one department's
 *  contribution (that department's executors, curators). */
export function mayEditDraft(actor: Actor, parties: CaseParties, slot: string): boolean {
  if (!takesPartIn(actor, parties)) return false;
  if (has(actor, 'curator')) return true;
  if (!has(actor, 'executor')) return false;
  if (slot.startsWith('contribution:')) return actor.departmentIds.includes(slot.slice('contribution:'.length));
  return slot === 'answer';
}

/** What a query must filter on to return exactly the cases `canSeeCase` allows: the whole organisation, or the
 *  cases whose parties include one of these departments or persons. Derived from the audiences, not restated. */
export interface VisibilityScope {
  readonly wholeOrganisation: boolean;
  readonly departmentIds: readonly string[];
  readonly personIds: readonly string[];
}

export function visibilityScope(actor: Actor): VisibilityScope {
  const departments = new Set<string>();
  const persons = new Set<string>();
  let whole = false;
  for (const a of actorAudiences(actor)) {
    if (a === 'org:participants' || a === 'org:readers') whole = true;
    else if (a.startsWith('dept:')) departments.add(a.slice('dept:'.length, a.lastIndexOf(':')));
    else if (a.startsWith('person:')) persons.add(a.slice('person:'.length));
  }
  return { wholeOrganisation: whole, departmentIds: [...departments], personIds: [...persons] };
}

/** `canSeeCase` through a scope (what the SQL filter does). */
export function scopeIncludes(scope: VisibilityScope, parties: CaseParties): boolean {
  return (
    scope.wholeOrganisation ||
    parties.departmentIds.some((d) => scope.departmentIds.includes(d)) ||
    parties.executorIds.some((p) => scope.personIds.includes(p))
  );
}

const HIDDEN = '';

/** An event as a reader who does not take part may see it: the appeal's personal data emptied, as in
 *  `stateForReader` (the same shape, so the reader's timeline is typed and validated as everyone's). */
export function eventForReader(event: CaseEvent): CaseEvent {
  if (event.type === 'converted-to-appeal') return { ...event, fullName: HIDDEN, address: HIDDEN, phone: HIDDEN };
  return event;
}

/** A case state as a reader who does not take part may see it. */
export function stateForReader(state: CaseState): CaseState {
  if (!state.appeal) return state;
  return { ...state, appeal: { ...state.appeal, fullName: HIDDEN, address: HIDDEN, phone: HIDDEN } };
}
