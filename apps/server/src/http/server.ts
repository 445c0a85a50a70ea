// The HTTP server: tRPC at /trpc, /healthz, /metrics, the plain /api routes and the web app, all on one node:http server
// so socket.io can attach to the same port. `startServer` is what `otklik serve` and the tests call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { type Database, type DatabaseTarget, openDatabase } from '../db/connect';
import { migrateDatabase } from '../db/migrate';
import { createDeps, type DepsOptions, type ServerDeps } from '../deps';
import { appRouter } from '../trpc/app-router';
import { createContext } from '../trpc/context';
import { handleApiRequest } from './api-routes';
import { handleHealthz } from './healthz';
import { handleMetrics } from './metrics-route';
import { noteRequestUser, withRequestLog } from './request-log';
import { clientIp, sendError } from './respond';
import { createStaticHandler, DEFAULT_WEB_DIST } from './static-files';

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

export function createRequestListener(deps: ServerDeps, webDistDir: string) {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: TRPC_MAX_BODY,
    createContext: ({ req, res }) =>
      createContext(deps, {
        cookieHeader: req.headers.cookie,
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? '',
        setCookie: (cookie) => {
          const existing = res.getHeader('set-cookie');
          res.setHeader('set-cookie', [...(Array.isArray(existing) ? existing : []), cookie]);
        },
      }).then((ctx) => {
        noteRequestUser(req, ctx.user?.personId);
        return ctx;
      }),
  });
  const serveStatic = createStaticHandler(webDistDir);
  return withRequestLog(deps, (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    if (path === '/healthz') {
      void handleHealthz(deps, res);
      return;
    }
    if (path === '/metrics') {
      handleMetrics(deps, req, res).catch((error: unknown) => sendError(res, error));
      return;
    }
    if (path.startsWith('/api/')) {
      handleApiRequest(deps, req, res, path).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, error);
        else res.destroy();
      });
      return;
    }
    // socket.io handles its own path before this listener; anything else is the web app.
    serveStatic(req, res);
  });
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await openDatabase(options.target ?? { kind: 'pglite-memory' }));
  try {
    if (ownsDatabase) await migrateDatabase(database);
    const deps = createDeps({ ...options, database });
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
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
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
