// `otklik serve`: migrate, seed demo data on first start, serve the web app and the API on one port,
// and close the database cleanly on SIGINT/SIGTERM.
import { join, resolve } from 'node:path';
import type { DatabaseTarget } from '../../db/connect';
import { readEnv } from '../../env';
import { startRealtimeNode } from '../../realtime';
import { startReportsWatcher } from '../../reports/watcher';
import { SERVER_VERSION } from '../../version';

export const help = `Usage: otklik serve

Starts the web app and the API on one port (PORT, default 3000; HOST, default 127.0.0.1).
Database: embedded, in OTKLIK_DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.
On first start with an empty database, demo data is created (set OTKLIK_NO_DEMO=1 to skip).
OTKLIK_PUBLIC_URL: the address users open (the only origin allowed to change anything; https makes cookies Secure).
OTKLIK_TRUST_PROXY: reverse proxies whose X-Forwarded-For is believed. Health: /livez, /readyz, /healthz.
SIGTERM drains requests in flight (OTKLIK_SHUTDOWN_GRACE_MS) and exits. See docs/security.md.`;

export function databaseTargetFromEnv(env: ReturnType<typeof readEnv>): DatabaseTarget {
  return env.DATABASE_URL
    ? {
        kind: 'postgres',
        url: env.DATABASE_URL,
        settings: {
          connectTimeoutMs: env.OTKLIK_DB_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: env.OTKLIK_DB_STATEMENT_TIMEOUT_MS,
        },
      }
    : { kind: 'pglite', dataDir: env.OTKLIK_DATA_DIR };
}

export async function run(_argv: string[]): Promise<number> {
  const env = readEnv();
  const dataDir = resolve(env.OTKLIK_DATA_DIR);
  // One node: tRPC and the web app (startServer), then socket.io, notification delivery and the deadline
  // scheduler on the same HTTP server, and the surge watcher of the reports.
  const node = await startRealtimeNode({
    smtpUrl: env.SMTP_URL,
    target: databaseTargetFromEnv(env),
    port: env.PORT,
    host: env.HOST,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: env.COOKIE_SECURE,
    publicUrl: env.OTKLIK_PUBLIC_URL,
    trustProxy: env.OTKLIK_TRUST_PROXY,
    requestTimeoutMs: env.OTKLIK_REQUEST_TIMEOUT_MS,
    shutdownGraceMs: env.OTKLIK_SHUTDOWN_GRACE_MS,
    attachmentsDir: join(dataDir, 'attachments'),
    beforeListen: async (deps) => {
      if (env.OTKLIK_NO_DEMO) return;
      const { seedDemoIfEmpty } = await import('../../demo/seed');
      const seeded = await seedDemoIfEmpty(deps, { log: (line) => process.stderr.write(`${line}\n`) });
      if (seeded) process.stderr.write('Демо-данные созданы / demo data created\n');
    },
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `порт ${env.PORT} на ${env.HOST} уже занят; укажите другой PORT / port ${env.PORT} is in use, set PORT`,
      );
    }
    throw error;
  });
  const running = node.running;
  const reports = startReportsWatcher(running.deps);
  const { database } = running.deps;
  process.stdout.write(`Otklik ${SERVER_VERSION}: ${running.url}\nБаза данных / database: ${database.description}\n`);
  if (!env.OTKLIK_NO_DEMO) {
    const { demoLoginsText } = await import('../../demo/logins');
    process.stdout.write(`${demoLoginsText()}\n`);
  }
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      process.stderr.write(`\n${signal}: остановка / shutting down…\n`);
      reports.stop();
      // Graceful: in-flight requests finish, clients are told to reconnect, then the database closes.
      node.close().then(done, (error: unknown) => {
        process.stderr.write(`close failed: ${String(error)}\n`);
        done();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
