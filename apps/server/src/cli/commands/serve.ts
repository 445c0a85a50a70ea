// `otklik serve`: migrate, seed demo data on first start, serve the web app and the API on one port,
// and close the database cleanly on SIGINT/SIGTERM.
import { join, resolve } from 'node:path';
import { startChannelRuntime } from '../../channels/runtime';
import { parseSecretKey } from '../../channels/secret-box';
import type { DatabaseTarget } from '../../db/connect';
import { readEnv } from '../../env';
import { startRealtimeNode } from '../../realtime';
import { startReportsWatcher } from '../../reports/watcher';
import { SERVER_VERSION } from '../../version';

export const help = `Usage: otklik serve

Starts the web app and the API on one port (PORT, default 3000; HOST, default 127.0.0.1).
Database: embedded, in OTKLIK_DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.
On first start with an empty database, demo data is created (set OTKLIK_NO_DEMO=1 to skip).`;

export function databaseTargetFromEnv(env: ReturnType<typeof readEnv>): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
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
    attachmentsDir: join(dataDir, 'attachments'),
    secretKey: parseSecretKey(env.OTKLIK_SECRET_KEY),
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
  // Collector loops of the connected network accounts and the publication outbox worker.
  const channels = startChannelRuntime(running.deps);
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
      channels
        .stop()
        .then(() => node.close())
        .then(done, (error: unknown) => {
          process.stderr.write(`close failed: ${String(error)}\n`);
          done();
        });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
