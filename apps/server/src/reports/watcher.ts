// Runs the reports' reactions to committed case events: surge detection when a case is registered or triaged
// (one run at a time per organisation, so two registrations at once cannot open the same surge twice) and the
// repeat index. A busy organisation's registrations and triages share one run per spacing: detection reads the
// organisation's recent cases as they stand when it runs, so one run after several commits decides what the last of
// one run per commit would have.
import type { ServerDeps } from '../deps';
import type { CommittedEvent } from '../events-bus';
import { log } from '../log';
import { announceNotifications } from '../notifications/delivery-live';
import { createSingleFlight } from '../single-flight';
import { applyToRepeatIndex } from './repeats';
import { runSurgeDetection } from './surges';

/** Least milliseconds between two runs of one organisation (a quiet organisation's run starts at once). A stream of
 *  messages shares one run per spacing: each run reads the window (hundreds of rows in a busy hour), and a head's
 *  alert a quarter of a second later is still at once for a person. */
export const SURGE_RUN_SPACING_MS = 250;

export interface ReportsWatcher {
  /** Settles when every run started so far has finished (tests and shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

export function startReportsWatcher(deps: ServerDeps, options: { spacingMs?: number } = {}): ReportsWatcher {
  /** Registrations and triages committed since their organisation's run last took them, in commit order. */
  const pending = new Map<string, CommittedEvent[]>();
  const runs = createSingleFlight(
    async (org: string) => {
      const relevant = pending.get(org) ?? [];
      pending.delete(org);
      await applyToRepeatIndex(deps.db, relevant);
      const result = await runSurgeDetection(deps.db, org, deps.now());
      // Committed by now: the head and the curators get the alert live, not on their next look at the feed.
      await announceNotifications(deps, result.alerts);
    },
    {
      stopped: () => false,
      onError: (error) => log.error({ err: error }, 'surge detection failed'),
      spacingMs: options.spacingMs ?? SURGE_RUN_SPACING_MS,
    },
  );
  const unsubscribe = deps.bus.onCommitted((committed) => {
    const relevant = committed.filter((c) => c.type === 'case-registered' || c.type === 'case-triaged');
    const first = relevant[0];
    if (!first) return;
    const org = first.organisationId;
    const waiting = pending.get(org);
    if (waiting) waiting.push(...relevant);
    else pending.set(org, relevant);
    void runs.trigger(org);
  });
  return {
    idle: runs.idle,
    stop: unsubscribe,
  };
}
