// One log line and one metrics sample per HTTP request: a request id (the caller's X-Request-Id when it looks sane,
// else a new one, echoed in the response), method, path without the query string (it may carry tokens), status,
// duration and the signed-in person's id. The web app's static files and the probes log at debug level.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../deps';
import { log } from '../log';

const requestUsers = new WeakMap<IncomingMessage, string>();

/** Called once the session is known (tRPC context), so the request's log line names who made it. */
export function noteRequestUser(req: IncomingMessage, personId: string | null | undefined): void {
  if (personId) requestUsers.set(req, personId);
}

const SANE_ID = /^[\w.:-]{1,64}$/;

/** A low-cardinality name for the metrics: never the raw path. */
export function routeGroup(path: string): string {
  if (path === '/trpc' || path.startsWith('/trpc/')) return 'trpc';
  if (path.startsWith('/api/')) return path.startsWith('/api/intake') ? 'api-intake' : 'api';
  if (path === '/metrics') return 'metrics';
  if (path === '/healthz' || path === '/livez' || path === '/readyz') return 'health';
  return 'static';
}

const QUIET = new Set(['static', 'health', 'metrics']);

export function withRequestLog(
  deps: ServerDeps,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const httpLog = log.child({ component: 'http' });
  return (req, res) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const reqId = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', reqId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routeGroup(path);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.headersSent ? res.statusCode : 0;
      deps.metrics.observeHttp(route, req.method ?? 'GET', status, seconds);
      const entry = {
        reqId,
        method: req.method,
        path,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        userId: requestUsers.get(req) ?? null,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) httpLog.error(entry, 'request');
      else if (QUIET.has(route)) httpLog.debug(entry, 'request');
      else httpLog.info(entry, 'request');
    });
    listener(req, res);
  };
}
