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
