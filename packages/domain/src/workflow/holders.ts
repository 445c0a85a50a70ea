// Who holds a case, and a clock, in a given state (REGULATIONS.md "Clocks exactly"): the operator, the curator, the
// departments working on it, the composer, the publisher. A breach is charged to the holders in the state before
// the breach event; custody (who held the case when) gives every holder's share of the case's time.
import { CURATOR, composerOf, contributionsComplete, executorOf, OPERATOR } from './state';
import type { AssignmentState, CaseState, ClockRecord, Responsible } from './types';

/** Departments that have the case and owe their part now (the composer's own work is counted separately). */
function working(s: CaseState, composer: AssignmentState | null): Responsible[] {
  return s.assignments
    .filter((a) => a !== composer && a.receivedAt !== null && a.contributedAt === null)
    .map(executorOf);
}

/** The composer's seat: the composing executor once they have the case (the curator of a parallel set). */
function composing(s: CaseState): Responsible[] {
  const composer = composerOf(s);
  if (!composer) return [CURATOR];
  return composer.receivedAt !== null ? [executorOf(composer)] : [];
}

/** Whoever holds the case now: several departments at once in a parallel set, nobody once it is closed. */
export function caseHolders(s: CaseState): Responsible[] {
  switch (s.status) {
    case 'none':
    case 'closed':
      return [];
    case 'detected':
      return [s.model.triage?.holder === 'curator' ? CURATOR : OPERATOR];
    case 'triaged':
    case 'draft-review':
      return [CURATOR];
    case 'approved':
      return s.publisher === 'executor' ? composing(s) : [CURATOR];
    case 'revision':
      return composing(s);
    case 'returned':
      return [CURATOR, ...working(s, composerOf(s))];
    case 'assigned': {
      const composer = composerOf(s);
      const busy = working(s, composer);
      if (busy.length > 0) return busy;
      if (composer === null) return [CURATOR];
      if (composer.receivedAt !== null && contributionsComplete(s)) return [executorOf(composer)];
      // A part was sent and the curator has not forwarded the case yet (konyshevsky p.16, NAO p.22.2).
      return [CURATOR];
    }
  }
}

/** Who holds a clock now: its named party, or for `case`- and `composer`-held clocks whoever has the case. */
export function clockHolders(s: CaseState, record: ClockRecord): Responsible[] {
  switch (record.holder) {
    case 'case':
      return caseHolders(s);
    case 'composer': {
      const seat = s.mode === 'parallel' ? [] : composing(s);
      return seat.length > 0 ? seat : caseHolders(s);
    }
    default:
      return [record.responsible];
  }
}

/** How a holder is named in reports and in `otklik replay`: 'operator', 'curator' or the department id. */
export function holderKey(r: Responsible): string {
  return r.role === 'executor' ? (r.departmentId ?? 'executor') : r.role;
}

export function sameHolders(a: readonly Responsible[], b: readonly Responsible[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return y !== undefined && x.role === y.role && x.personId === y.personId && x.departmentId === y.departmentId;
    })
  );
}
