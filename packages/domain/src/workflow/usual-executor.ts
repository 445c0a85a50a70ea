// The executor a route form preselects for a department (issue 12): the department's default when the directory names
// one, otherwise the executor who handled most of its cases; never one who is absent now (their substitute gets the
// notices, but the curator should route to someone who is there).
/** Who may take a department's part, be routed to it or substitute in it: an active executor of that department
 *  (konyshevsky p.6, NAO p.13). The decider refuses anyone else; the route form's choices offer only them. */
export function mayTakePart(
  person:
    | { readonly active: boolean; readonly roles: readonly string[]; readonly departmentId: string | null }
    | undefined,
  departmentId: string,
): boolean {
  return !!person?.active && person.roles.includes('executor') && person.departmentId === departmentId;
}

/** A person of the directory as the executor rules read them. */
export interface DirectoryExecutor {
  readonly id: string;
  readonly active: boolean;
  readonly roles: readonly string[];
  readonly departmentId: string | null;
}

/** The people a route may give a department's part to, in the order given: those `mayTakePart` allows. The server's
 *  route choices and the web's route form (before the choices arrive) both list these. */
export function departmentExecutors<P extends DirectoryExecutor>(people: readonly P[], departmentId: string): P[] {
  return people.filter((p) => mayTakePart(p, departmentId));
}

/** Who may stand in for a part's executor (reassign-substitute): another executor who may take that department's part.
 *  The decider refuses anyone else, each half with its own reason. */
export function substituteCandidates<P extends DirectoryExecutor>(
  people: readonly P[],
  part: { readonly departmentId: string; readonly executorId: string },
): P[] {
  return departmentExecutors(people, part.departmentId).filter((p) => p.id !== part.executorId);
}

export interface ExecutorCandidate {
  readonly personId: string;
  readonly fullName: string;
  /** Cases of the department this executor took part in. */
  readonly handled: number;
  readonly absent: boolean;
  /** The directory's default executor of the department. */
  readonly isDefault?: boolean;
}

/** The usual executor among a department's executors, or null when every one of them is absent. */
export function usualExecutor(candidates: readonly ExecutorCandidate[]): string | null {
  const present = candidates.filter((c) => !c.absent);
  const preferred = present.find((c) => c.isDefault);
  if (preferred) return preferred.personId;
  // Most cases first; a tie (a new department) goes to the first by name, so the choice is stable.
  const ranked = [...present].sort((a, b) => b.handled - a.handled || a.fullName.localeCompare(b.fullName, 'ru'));
  return ranked[0]?.personId ?? null;
}
