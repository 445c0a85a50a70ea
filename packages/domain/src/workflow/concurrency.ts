// Optimistic concurrency by what a command acts on. Most commands act on the whole case: any change since the version
// the user saw is a conflict. A department's part of a combined answer acts on that part only: parts of different
// departments never conflict (krasnoufimsk p.17: a parallel set sends its parts independently).
import type { CaseState } from './types';

/** The department whose part a command concerns, or null when it concerns the whole case. */
export function partOfCommand(command: unknown): string | null {
  if (typeof command !== 'object' || command === null) return null;
  const c = command as { type?: unknown; departmentId?: unknown };
  return c.type === 'submit-contribution' && typeof c.departmentId === 'string' ? c.departmentId : null;
}

function partState(s: CaseState, departmentId: string) {
  return {
    open: s.status !== 'closed',
    assignment: s.assignments.find((a) => a.departmentId === departmentId) ?? null,
    contributions: s.contributions.filter((c) => c.departmentId === departmentId),
  };
}

/** Whether what `command` acts on changed between the state the user saw and the current one. */
export function changedForCommand(command: unknown, seen: CaseState, current: CaseState): boolean {
  if (seen.version === current.version) return false;
  const part = partOfCommand(command);
  if (part === null) return true;
  return !sameValue(partState(seen, part), partState(current, part));
}

/** Deep equality of JSON-like values, whatever the order of object keys (a stored state comes back from a jsonb
 *  column with its keys reordered) and treating an undefined property as absent. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}
