// Delivers notifications of committed case events: a per-organisation loop stores them durably from the event log
// (delivery-outbox, which also writes their e-mail copies to the outbox when SMTP is configured), then pushes them
// live to the person's sockets with the new unread count and wakes the mail worker. Triggered by the bus (fast
// path), on start (catch-up after a crash) and by a sweep.
import type { ServerDeps } from '../deps';
import type { CommittedEvent } from '../events-bus';
import { log } from '../log';
import type { MailSettings } from '../mail/enqueue';
import type { MailWorker } from '../mail/worker';
import { createSingleFlight } from '../single-flight';
import { announceNotifications, type LivePush, setLivePush } from './delivery-live';
import { deliverPendingOnce, organisationsWithPending, type StoredNotification } from './delivery-outbox';

export interface Delivery {
  /** Resolves when the organisations of these events are caught up (their notifications stored and pushed). */
  deliver(committed: readonly CommittedEvent[]): Promise<void>;
  /** Catches up every organisation with events past its cursor (start-up, sweep). */
  catchUp(): Promise<void>;
  /** Settles when every delivery started so far has finished. */
  idle(): Promise<void>;
  /** Shutdown: no new passes, waits for the running ones, then no more live pushes. */
  close(): Promise<void>;
  /** No more passes nor live pushes (after `idle`). */
  stop(): void;
}

export interface DeliveryOptions {
  deps: ServerDeps;
  live: LivePush;
  /** With SMTP configured: where letters are queued and who sends them. */
  mail: { settings: MailSettings; worker: MailWorker } | null;
  /**
   * How often to look for events no bus of this node announced (another node committed them and died before
   * delivering); false = never. Default 30 s.
   */
  sweepMs?: number | false;
  /** false: no catch-up when created (tests that start it themselves). Default true. */
  catchUpOnStart?: boolean;
  /** Events per transaction (default OUTBOX_PAGE). */
  pageSize?: number;
  /** Least milliseconds between two passes of one organisation (default DELIVERY_SPACING_MS). */
  spacingMs?: number;
}

/**
 * Passes of one organisation start at least this far apart. A quiet organisation's notifications go out at once;
 * a busy one's wait up to this long and share one pass (its transaction, its read of the directory and the cursor,
 * its insert) instead of one pass per command: on the embedded database the outbox had been a third of each
 * command's time (BENCHMARKS.md note 16).
 */
export const DELIVERY_SPACING_MS = 50;

const logError = (what: string) => (error: unknown) => {
  log.error({ err: error }, what);
};

export function createDelivery(options: DeliveryOptions): Delivery {
  const { deps, live, mail } = options;
  setLivePush(deps, live);
  let stopped = false;
  const sweeps = new Set<Promise<void>>();

  // After the commit: the rows are safe, so a failed push is logged and never undoes them; the letters wait in
  // the outbox for the worker.
  const publish = async (stored: readonly StoredNotification[], mails: number) => {
    if (mails > 0) mail?.worker.kick();
    if (stored.length === 0) return;
    await announceNotifications(deps, stored).catch(logError('live notification push failed'));
  };

  /** One loop per organisation on this node; events that come in while it runs ask it for one more pass. */
  const loops = createSingleFlight(
    async (organisationId: string) => {
      for (;;) {
        const pass = await deliverPendingOnce(
          deps.db,
          organisationId,
          deps.now(),
          options.pageSize,
          mail?.settings ?? null,
        );
        await publish(pass.stored, pass.mails).catch(logError('notification publish failed'));
        if (!pass.more || stopped) break;
      }
    },
    {
      stopped: () => stopped,
      // Rolled back: the events stay past the cursor and the next trigger or sweep retries them.
      onError: logError('notification delivery failed'),
      spacingMs: options.spacingMs ?? DELIVERY_SPACING_MS,
    },
  );
  const trigger = loops.trigger;

  const catchUp = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    const sweep = organisationsWithPending(deps.db)
      .then((ids) => Promise.all(ids.map(trigger)))
      .then(() => {}, logError('notification catch-up failed'));
    sweeps.add(sweep);
    void sweep.finally(() => sweeps.delete(sweep));
    return sweep;
  };

  const sweepMs = options.sweepMs ?? 30_000;
  const timer = sweepMs === false ? null : setInterval(() => void catchUp(), sweepMs);
  timer?.unref();
  if (options.catchUpOnStart ?? true) void catchUp();

  const idle = async () => {
    while (loops.isRunning() || sweeps.size > 0) await Promise.all([...sweeps, loops.idle()]);
  };
  const stop = () => {
    stopped = true;
    if (timer) clearInterval(timer);
    setLivePush(deps, null);
  };

  return {
    deliver(committed) {
      const organisationIds = [...new Set(committed.map((c) => c.organisationId))];
      return Promise.all(organisationIds.map(trigger)).then(() => {});
    },
    catchUp,
    idle,
    async close() {
      // Running loops finish (the bus is already unsubscribed); what they miss waits past the cursor for a start.
      if (timer) clearInterval(timer);
      await idle();
      stop();
    },
    stop,
  };
}
