// One complete server node: `startServer` (tRPC, HTTP) with the realtime services attached to its HTTP server.
// Used by the tests and the bench until startServer attaches them itself (see NOTES-realtime-requests.md).
import { type RunningServer, type StartServerOptions, startServer } from '../http/server';
import { type RealtimeServices, type RealtimeServicesOptions, startRealtimeServices } from './services';

export interface RealtimeNode {
  readonly running: RunningServer;
  readonly services: RealtimeServices;
  readonly url: string;
  /** Graceful: in-flight requests finish, clients are told to reconnect, then the database closes. */
  close(): Promise<void>;
}

export async function startRealtimeNode(
  options: StartServerOptions &
    Pick<
      RealtimeServicesOptions,
      'smtpUrl' | 'mailFrom' | 'publicUrl' | 'mailWorker' | 'scheduler' | 'timeIntervalMs' | 'sessionCheckMs'
    > & {
      /** How long SIGTERM waits for requests in flight (OTKLIK_SHUTDOWN_GRACE_MS, default 10 s). */
      shutdownGraceMs?: number;
    } = {},
): Promise<RealtimeNode> {
  const running = await startServer(options);
  const services = await startRealtimeServices({
    httpServer: running.server,
    deps: running.deps,
    smtpUrl: options.smtpUrl,
    mailFrom: options.mailFrom,
    publicUrl: options.publicUrl,
    mailWorker: options.mailWorker,
    scheduler: options.scheduler,
    timeIntervalMs: options.timeIntervalMs,
    sessionCheckMs: options.sessionCheckMs,
  });
  let closing: Promise<void> | null = null;
  return {
    running,
    services,
    url: running.url,
    close() {
      closing ??= (async () => {
        await services.shutdown(options.shutdownGraceMs);
        await running.close();
      })();
      return closing;
    },
  };
}
