// Everything realtime a server node runs beside tRPC: socket.io, notification delivery (in-app and email) and
// the deadline scheduler, plus the graceful shutdown that stops them in the right order.
import type { Server as HttpServer } from 'node:http';
import type { ServerDeps } from '../deps';
import { type MailWorkerOptions, startMailWorker } from '../mail/worker';
import { createDelivery, type Delivery } from '../notifications/delivery';
import { createMailer, DEFAULT_MAIL_FROM } from '../notifications/delivery-email';
import { type Scheduler, type SchedulerOptions, startScheduler } from '../scheduler';
import { attachRealtime, type Realtime } from './server';

export interface RealtimeServicesOptions {
  httpServer: HttpServer;
  deps: ServerDeps;
  /** SMTP_URL: email copies of notifications; unset = in-app only. */
  smtpUrl?: string;
  /** OTKLIK_MAIL_FROM: the sender of the letters. */
  mailFrom?: string;
  /** OTKLIK_PUBLIC_URL: the base of the links to cases in the letters. */
  publicUrl?: string;
  /** Retry timing of the mail worker (tests shorten it). */
  mailWorker?: Pick<MailWorkerOptions, 'pollMs' | 'baseDelayMs' | 'maxDelayMs' | 'maxAttempts' | 'leaseMs'>;
  /** false: no scheduler on this node (tests of the socket layer alone). */
  scheduler?: Omit<SchedulerOptions, 'deps'> | false;
  timeIntervalMs?: number;
  sessionCheckMs?: number;
  /** How often an organisation's receivers are sent their changes at most (default 100 ms; tests lengthen it). */
  broadcastIntervalMs?: number;
}

export interface RealtimeServices {
  readonly realtime: Realtime;
  readonly delivery: Delivery;
  readonly scheduler: Scheduler | null;
  /** HTTP requests (tRPC commands, API calls) being served now; socket.io's own requests are not counted. */
  readonly inflight: () => number;
  /**
   * Graceful shutdown, before the database closes: stop accepting connections, let in-flight requests finish
   * (up to `graceMs`), stop the scheduler, finish deliveries, tell clients to reconnect and close the sockets.
   */
  shutdown(graceMs?: number): Promise<void>;
}

export async function startRealtimeServices(options: RealtimeServicesOptions): Promise<RealtimeServices> {
  const { httpServer, deps } = options;
  // Registered before socket.io attaches, so socket.io's long-polling requests are not counted as in flight.
  let inflight = 0;
  let draining = false;
  const open = new Set<import('node:http').ServerResponse>();
  const drained: (() => void)[] = [];
  httpServer.on('request', (_req, res) => {
    inflight++;
    open.add(res);
    // While draining, a request that still arrives on a kept-alive connection is answered and the connection closed,
    // so the client opens a new one (to another node) instead of meeting a reset on this one.
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inflight--;
      open.delete(res);
      if (inflight === 0) for (const done of drained.splice(0)) done();
    });
  });
  const realtime = await attachRealtime({
    httpServer,
    deps,
    timeIntervalMs: options.timeIntervalMs,
    sessionCheckMs: options.sessionCheckMs,
    broadcastIntervalMs: options.broadcastIntervalMs,
  });
  const mailer = createMailer(options.smtpUrl, options.mailFrom ?? DEFAULT_MAIL_FROM);
  const worker = mailer ? startMailWorker({ db: deps.db, mailer, now: deps.now, ...options.mailWorker }) : null;
  const delivery = createDelivery({
    deps,
    live: realtime,
    mail: worker
      ? {
          worker,
          settings: {
            publicUrl: options.publicUrl,
            messageIdDomain: messageIdDomain(options.publicUrl, options.mailFrom ?? DEFAULT_MAIL_FROM),
          },
        }
      : null,
  });
  const unsubscribe = deps.bus.onCommitted((events) => {
    void delivery.deliver(events);
  });
  const scheduler = options.scheduler === false ? null : startScheduler({ deps, ...options.scheduler });
  deps.metrics.setSources({
    sockets: () => realtime.io.engine.clientsCount,
    schedulerLeader: () => !!scheduler?.isLeader,
  });

  let closing: Promise<void> | null = null;
  return {
    realtime,
    delivery,
    scheduler,
    inflight: () => inflight,
    shutdown(graceMs = 10_000) {
      closing ??= (async () => {
        draining = true;
        // Answers in flight end their connection: a browser must not reuse a connection this node is about to close.
        for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
        httpServer.close();
        httpServer.closeIdleConnections();
        if (inflight > 0) {
          await new Promise<void>((resolve) => {
            drained.push(resolve);
            setTimeout(resolve, graceMs).unref();
          });
        }
        await scheduler?.stop();
        unsubscribe();
        await delivery.close();
        await realtime.close();
        // Sends in progress finish (or their lease lets another node resend them); then the SMTP pool closes.
        await worker?.stop();
        mailer?.close();
      })();
      return closing;
    },
  };
}

/** The domain of generated Message-IDs: the public host, else the sender's domain. */
function messageIdDomain(publicUrl: string | undefined, from: string): string {
  if (publicUrl) {
    try {
      return new URL(publicUrl).hostname;
    } catch {
      // Validated by env.ts; fall through to the sender's domain.
    }
  }
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'otklik.local';
}
