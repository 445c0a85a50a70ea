// The HTTP server: tRPC at /trpc, /healthz, /metrics, the plain /api routes and the web app, all on one node:http server
// so socket.io can attach to the same port. `startServer` is what `otklik serve` and the tests call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { parseCookies, SESSION_COOKIE } from '../auth/sessions';
import { type Database, type DatabaseTarget, openDatabase } from '../db/connect';
import { migrateDatabase } from '../db/migrate';
import { createDeps, type DepsOptions, type ServerDeps } from '../deps';
import { APP_ERROR_CODES, AppError, appError } from '../errors/app-error';
import { toClientError } from '../errors/client-error';
import { withDeadline } from '../errors/deadline';
import { appRouter } from '../trpc/app-router';
import { type Context, createContext } from '../trpc/context';
import { handleApiRequest } from './api-routes';
import { compressResponse } from './compress';
import { handleHealthz, handleLivez, handleReadyz } from './health-routes';
import { handleMetrics } from './metrics-route';
import { checkOrigin } from './origin';
import { noteRequestUser, withRequestLog } from './request-log';
import { clientIp, sendError } from './respond';
import { createSecurityHeaders } from './security-headers';
import { createStaticHandler, DEFAULT_WEB_DIST } from './static-files';
import { createDirectCalls } from './trpc-direct';

export interface StartServerOptions extends Omit<DepsOptions, 'database'> {
  /** An open database the caller owns (tests); otherwise `target` is opened, migrated and closed with the server. */
  database?: Database;
  target?: DatabaseTarget;
  port?: number;
  host?: string;
  webDistDir?: string;
  /** Runs after migrations, before listening (e.g. the demo seed on first start). */
  beforeListen?: (deps: ServerDeps) => Promise<void>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly deps: ServerDeps;
  close(): Promise<void>;
}

/** tRPC's JSON bodies are small; attachments go through /api/attachments with their own limit. */
const TRPC_MAX_BODY = 1024 * 1024;

const TRPC_BASE = '/trpc/';

/** Paths that look like an operations endpoint (metrics, health variants): never answered with the web app. */
const OPERATIONS_LIKE =
  /^\/(metrics|prometheus|health|healthz|livez|readyz|live|ready|status|_health|actuator|server-status|debug)([/.]|$)/i;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function notFoundJson(res: ServerResponse, path: string) {
  sendError(res, appError('NOT_FOUND', 'http.no-endpoint', { path: path.slice(0, 200) }));
}

/** Refuses a state-changing request that a page of another origin could have sent (CSRF, issue 11 item 11). */
function crossSiteRefusal(deps: ServerDeps, req: IncomingMessage, path: string): AppError | null {
  if (!STATE_CHANGING.has(req.method ?? 'GET')) return null;
  const ambient = parseCookies(req.headers.cookie)[SESSION_COOKIE] !== undefined;
  const verdict = checkOrigin(deps.origins, req.headers, ambient);
  if (!verdict.ok) {
    const { reason, origin } = verdict;
    return appError('FORBIDDEN', 'http.origin-refused', origin ? { reason, origin } : { reason }, { reason: 'origin' });
  }
  if (path.startsWith('/trpc')) {
    // tRPC also parses form data and raw bytes, which a plain HTML form can send cross-site: only JSON here.
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return appError(
        'UNSUPPORTED_TYPE',
        'http.json-only',
        {},
        {
          contentType: type || null,
        },
      );
    }
  }
  return null;
}

/** A request's tRPC context (its session's person, language, a way to set cookies), as tRPC's handler and the direct
 *  path (trpc-direct.ts) both make it; a failed session lookup (the database is down) becomes a client-safe error. */
export function requestContext(deps: ServerDeps) {
  return (req: IncomingMessage, res: ServerResponse): Promise<Context> =>
    withDeadline(
      createContext(deps, {
        cookieHeader: req.headers.cookie,
        ip: clientIp(deps, req),
        userAgent: req.headers['user-agent'] ?? '',
        acceptLanguage: req.headers['accept-language'],
        setCookie: (cookie) => {
          const existing = res.getHeader('set-cookie');
          res.setHeader('set-cookie', [...(Array.isArray(existing) ? existing : []), cookie]);
        },
      }),
      deps.requestTimeoutMs,
    )
      .then((ctx) => {
        noteRequestUser(req, ctx.user?.personId);
        return ctx;
      })
      .catch((error: unknown) => {
        // The session lookup runs before any procedure: its failure (the database is down) is mapped here.
        const client = toClientError(error, 'trpc context');
        throw new TRPCError({
          code: APP_ERROR_CODES[client.code].trpc,
          message: client.message,
          cause: new AppError(
            client.code,
            client.message,
            client.requestId ? { requestId: client.requestId } : {},
            client.refusal ?? undefined,
          ),
        });
      });
}

export function createRequestListener(deps: ServerDeps, webDistDir: string) {
  const contextOf = requestContext(deps);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE,
    maxBodySize: TRPC_MAX_BODY,
    createContext: ({ req, res }) => contextOf(req, res),
  });
  const direct = createDirectCalls({
    router: appRouter,
    basePath: TRPC_BASE,
    maxBodySize: TRPC_MAX_BODY,
    createContext: contextOf,
  });
  const serveStatic = createStaticHandler(webDistDir);
  const securityHeaders = createSecurityHeaders(deps.origins);
  const fail = (res: ServerResponse, where: string) => (error: unknown) => {
    if (!res.headersSent) sendError(res, error, where);
    else res.destroy();
  };
  return withRequestLog(deps, (req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(req, res);
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      sendError(res, appError('BAD_INPUT', 'http.bad-url', {}));
      return;
    }
    const isTrpc = path === '/trpc' || path.startsWith('/trpc/');
    const isApi = path === '/api' || path.startsWith('/api/');
    if (isTrpc || isApi) {
      const refusal = crossSiteRefusal(deps, req, path);
      if (refusal) {
        sendError(res, refusal, 'http');
        return;
      }
    }
    if (isTrpc) {
      compressResponse(req, res);
      // Ordinary calls are answered without tRPC's Fetch adapter (trpc-direct.ts); the rest by tRPC's handler.
      if (!direct.take(req, res)) trpc(req, res);
      return;
    }
    // Operations endpoints, before the JSON 404 of look-alikes.
    if (path === '/healthz') return void handleHealthz(deps, res).catch(fail(res, 'healthz'));
    if (path === '/readyz') return void handleReadyz(deps, res).catch(fail(res, 'readyz'));
    if (path === '/livez') return handleLivez(deps, res);
    if (path === '/metrics') return void handleMetrics(deps, req, res).catch(fail(res, 'metrics'));
    if (isApi) {
      handleApiRequest(deps, req, res, path).catch(fail(res, `api ${path}`));
      return;
    }
    if (OPERATIONS_LIKE.test(path)) return notFoundJson(res, path);
    // socket.io handles its own path before this listener; anything else is the web app.
    serveStatic(req, res);
  });
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await openDatabase(options.target ?? { kind: 'pglite-memory' }));
  try {
    const deps = createDeps({ ...options, database });
    if (ownsDatabase) {
      await migrateDatabase(database);
      deps.health.report('migrations', true, 'applied at start');
    }
    await options.beforeListen?.(deps);
    const server = createServer(createRequestListener(deps, options.webDistDir ?? DEFAULT_WEB_DIST));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port, address } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host}:${port}`;
    deps.origins.listening(url);
    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      server,
      deps,
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          if (ownsDatabase) await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}
