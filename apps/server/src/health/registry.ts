// The health of a node's subsystems (database, migrations, scheduler, broadcast channel): each reports its state here,
// /readyz reads it, and every change is written to the log with its reason, so a subsystem that fails makes the node
// unhealthy and says why instead of failing in silence.

import { say } from '../cli/messages';
import { log as rootLog } from '../log';

const healthLog = rootLog.child({ component: 'health' });

export type SubsystemName = 'database' | 'migrations' | 'scheduler' | 'broadcast';

export interface SubsystemState {
  readonly ok: boolean;
  /** Why: 'leading', 'standby', 'listening', or the error that made it fail. */
  readonly detail: string;
  /** When this state began (epoch ms). */
  readonly since: number;
}

export interface Health {
  /** Records a subsystem's state; a change of ok-ness (or of the failure's reason) is logged. */
  report(name: SubsystemName, ok: boolean, detail: string): void;
  /** Subsystems not reported yet are absent (a node without a scheduler does not wait for one). */
  snapshot(): Partial<Record<SubsystemName, SubsystemState>>;
}

export function createHealth(options: { log?: (line: string) => void; now?: () => number } = {}): Health {
  const log = options.log ?? ((line: string) => healthLog.warn(line));
  const now = options.now ?? Date.now;
  const states = new Map<SubsystemName, SubsystemState>();
  return {
    report(name, ok, detail) {
      const before = states.get(name);
      if (before && before.ok === ok && (ok || before.detail === detail)) {
        if (before.detail !== detail) states.set(name, { ...before, detail });
        return;
      }
      states.set(name, { ok, detail, since: now() });
      // In the operator's language (OTKLIK_LANG), as the command line speaks.
      if (!ok) log(say('health.unhealthy', { name, detail }));
      else if (before && !before.ok) log(say('health.recovered', { name, detail }));
    },
    snapshot: () => Object.fromEntries(states),
  };
}
