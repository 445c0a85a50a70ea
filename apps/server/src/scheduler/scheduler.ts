// The deadline scheduler: on the leading node, wakes at the earliest alarm in clock_alarms (or at least every
// second, since other nodes write alarms too), records at-risk and breach events at their true instants through
// the case command service, and keeps every case's alarm current after each committed change.

import { gt, min } from 'drizzle-orm';
import type { ServerDeps } from '../deps';
import { log as rootLog } from '../log';
import { rebuildAlarms } from './alarms';
import { catchUpDue, stillDue } from './catch-up';
import { createLeadership, type Leadership } from './leader';
import { clockAlarms } from './schema';

export interface SchedulerOptions {
  deps: ServerDeps;
  /** Longest sleep between two looks at the database (default 1 s): bounds the delay of an alarm another node wrote. */
  pollMs?: number;
  /** Full rebuild of the alarms while leading (default every 10 minutes), besides the one on taking the lead. */
  rebuildEveryMs?: number;
  leadership?: Leadership;
}

export interface Scheduler {
  readonly isLeader: boolean;
  /** One pass: confirm the lead, record what fell due; resolves with the delay until the next pass. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Due alarms read per pass. */
const BATCH = 200;
/** A case whose alarm could not be processed is retried after this long, not on every pass. */
const RETRY_FAILED_MS = 60_000;

const log = (line: string): void => {
  rootLog.warn({ component: 'scheduler' }, line);
};

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { deps } = options;
  const pollMs = options.pollMs ?? 1000;
  const rebuildEveryMs = options.rebuildEveryMs ?? 10 * 60_000;
  const leadership = options.leadership ?? createLeadership(deps.database);
  let rebuiltAt: number | null = null;
  const failedAt = new Map<string, number>();
  let stopped = false;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;

  // Every node writes the alarm of a case in the transaction of the command that changes it (cases/commands.ts);
  // the loop finds an earlier one within pollMs, as it finds those of other nodes (no pass per commit).

  // One pass at a time on this node: the loop's own pass and an explicit tick() (tests, a wake-up) never process the
  // same case side by side, which would make one of them see a conflict and leave the alarm for a later pass.
  let passing: Promise<unknown> = Promise.resolve();
  const tick = (): Promise<number> => {
    const pass = passing.then(onePass, onePass);
    passing = pass.catch(() => undefined);
    return pass;
  };

  const onePass = async (): Promise<number> => {
    if (!(await leadership.confirm())) {
      rebuiltAt = null;
      const error = leadership.lastError;
      deps.health.report(
        'scheduler',
        error === null,
        error === null ? 'standby (another node leads)' : `cannot take the leader lock: ${error}`,
      );
      return pollMs;
    }
    const now = deps.now();
    const rebuild = rebuiltAt === null || now - rebuiltAt >= rebuildEveryMs;
    // Every due case of the batch at once (catch-up.ts): one read, one transaction.
    let due = 0;
    let progressed = 0;
    if (!stopped) {
      const skip = (caseId: string) => now - (failedAt.get(caseId) ?? Number.NEGATIVE_INFINITY) < RETRY_FAILED_MS;
      const pass = await catchUpDue(deps, now, BATCH, skip);
      due = pass.due;
      for (const { caseId, error } of pass.failed) {
        failedAt.set(caseId, now);
        log(`case ${caseId}: ${error} (retry in ${RETRY_FAILED_MS / 1000} s)`);
      }
      // Still due after processing: something refuses it (a bug, a broken profile). Back off, do not spin.
      const stuck = await stillDue(deps, pass.done, now);
      for (const caseId of pass.done) {
        if (stuck.has(caseId)) {
          failedAt.set(caseId, now);
          log(`case ${caseId}: alarm still due after processing (retry in ${RETRY_FAILED_MS / 1000} s)`);
        } else {
          failedAt.delete(caseId);
          progressed++;
        }
      }
    }
    if (rebuild && !stopped) {
      // Taking the lead (or a periodic check): alarms a crashed node never wrote are rebuilt from the cases — after
      // the alarms already due were recorded (the rebuild reads every open case), and the next pass comes at once.
      await rebuildAlarms(deps.db, now);
      rebuiltAt = now;
    }
    const [next] = await deps.db
      .select({ at: min(clockAlarms.fireAt) })
      .from(clockAlarms)
      .where(gt(clockAlarms.fireAt, new Date(now)));
    const until = next?.at ? next.at.getTime() - deps.now() : pollMs;
    deps.health.report('scheduler', true, 'leading');
    // A full batch that made progress may have more behind it, and a rebuild may have found more: go again at once.
    return (due >= BATCH && progressed > 0) || rebuild ? 0 : Math.max(0, Math.min(pollMs, until));
  };

  let current: Promise<void> = Promise.resolve();
  let lastFailure: string | null = null;
  const loop = async () => {
    while (!stopped) {
      let delay = pollMs;
      current = tick().then(
        (d) => {
          delay = d;
          lastFailure = null;
        },
        (error: unknown) => {
          // Once per distinct failure, not every second while the database is away.
          const said = String(error);
          if (said !== lastFailure) log(said);
          lastFailure = said;
          deps.health.report('scheduler', false, `pass failed: ${error instanceof Error ? error.message : said}`);
        },
      );
      await current;
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, delay);
      });
      wake = null;
      if (timer) clearTimeout(timer);
    }
  };
  void loop();

  return {
    get isLeader() {
      return leadership.isLeader;
    },
    tick,
    async stop() {
      stopped = true;
      wake?.();
      await current;
      await leadership.release();
    },
  };
}
