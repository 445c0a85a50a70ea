// Whose move a case is, seen by one person (an executor's "Мои задачи"): theirs when a duty clock names them — or
// someone they stand in for — among its holders; otherwise it waits for the holders of its most urgent duty clock.
// The `return` clock is a window, not a duty (REGULATIONS "Clocks exactly"): it never makes a case anyone's move.
import type { StepId } from '../profiles/schema';

/** What `turnOf` needs of a clock: the server's Clock and the web's clock view both fit. */
export interface TurnClock {
  readonly step: StepId;
  readonly kind: 'step' | 'overall';
  readonly dueAt: number;
  readonly holders: readonly { readonly role: string; readonly personId: string | null }[];
}

export interface Turn<C extends TurnClock> {
  /** The person (or someone they stand in for) must act now. */
  readonly mine: boolean;
  /** The clock that runs for whoever holds the case: theirs when `mine`, else the holder's; null when none runs. */
  readonly clock: C | null;
}

const isDuty = (c: TurnClock) => c.step !== 'return' && c.holders.length > 0;

/** Step clocks first (the most urgent), then the case-wide one. */
function mostUrgent<C extends TurnClock>(clocks: readonly C[]): C | null {
  const steps = clocks.filter((c) => c.kind === 'step').sort((a, b) => a.dueAt - b.dueAt);
  return steps[0] ?? clocks.find((c) => c.kind === 'overall') ?? null;
}

/** `personIds`: the person and everyone they stand in for now. */
export function turnOf<C extends TurnClock>(clocks: readonly C[], personIds: readonly string[]): Turn<C> {
  const duties = clocks.filter(isDuty);
  const mine = duties.filter((c) =>
    c.holders.some((h) => h.role === 'executor' && h.personId !== null && personIds.includes(h.personId)),
  );
  if (mine.length > 0) return { mine: true, clock: mostUrgent(mine) };
  return { mine: false, clock: mostUrgent(duties) ?? mostUrgent(clocks) };
}
