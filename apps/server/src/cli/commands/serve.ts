// `otklik serve`: migrate, seed demo data on first start, serve the web app and the API on one port,
// and close the database cleanly on SIGINT/SIGTERM.
import { join, resolve } from 'node:path';
import type { DatabaseTarget } from '../../db/connect';
import { readEnv } from '../../env';
import { startServer } from '../../http/server';
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
  const running = await startServer({
    target: databaseTargetFromEnv(env),
    port: env.PORT,
    host: env.HOST,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: env.COOKIE_SECURE,
    attachmentsDir: join(dataDir, 'attachments'),
    beforeListen: async (deps) => {
      if (env.OTKLIK_NO_DEMO) return;
      const { seedDemoIfEmpty } = await import('../../demo/seed');
      const seeded = await seedDemoIfEmpty(deps, { log: (line) => process.stderr.write(`${line}\n`) });
      if (seeded) process.stderr.write('Демо-данные созданы / demo data created\n');
    },
  });
  const { database } = running.deps;
  process.stdout.write(`Otklik ${SERVER_VERSION}: ${running.url}\nБаза данных / database: ${database.description}\n`);
  if (!env.OTKLIK_NO_DEMO) {
    const { demoLoginsText } = await import('../../demo/logins');
    process.stdout.write(`${demoLoginsText()}\n`);
  }
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      process.stderr.write(`\n${signal}: остановка / shutting down…\n`);
      running.close().then(done, (error: unknown) => {
        process.stderr.write(`close failed: ${String(error)}\n`);
        done();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
