// Runs the reports' reactions to committed case events: surge detection when a case is registered or triaged
// (serialised per organisation, so two registrations at once cannot open the same surge twice) and the repeat index.
import type { ServerDeps } from '../deps';
import { createKeyedSequence } from '../events-order';
import { log } from '../log';
import { announceNotifications } from '../notifications/delivery-live';
import { applyToRepeatIndex } from './repeats';
import { runSurgeDetection } from './surges';

export interface ReportsWatcher {
  /** Settles when every run started so far has finished (tests and shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

export function startReportsWatcher(deps: ServerDeps): ReportsWatcher {
  const runs = createKeyedSequence((error) => log.error({ err: error }, 'surge detection failed'));
  const unsubscribe = deps.bus.onCommitted((committed) => {
    const relevant = committed.filter((c) => {
      const type = c.type;
      return type === 'case-registered' || type === 'case-triaged';
    });
    const first = relevant[0];
    if (!first) return;
    const org = first.organisationId;
    runs.run(org, async () => {
      await applyToRepeatIndex(deps.db, relevant);
      const result = await runSurgeDetection(deps.db, org, deps.now());
      // Committed by now: the head and the curators get the alert live, not on their next look at the feed.
      await announceNotifications(deps, result.alerts);
    });
  });
  return {
    idle: runs.idle,
    stop: unsubscribe,
  };
}
