// `otklik serve`: migrate, serve the web app and the API on one port, create the demo data only when asked (--demo),
// offer the first-run page while no organisation exists, and shut down gracefully on SIGINT/SIGTERM.
import { join, resolve } from 'node:path';
import { inArray } from 'drizzle-orm';
import { signInMethodsFromEnv } from '../../auth/sign-in-methods';
import { startChannelRuntime } from '../../channels/runtime';
import { parseSecretKey } from '../../channels/secret-box';
import type { DatabaseTarget } from '../../db/connect';
import { organisations } from '../../db/schema';
import type { ServerDeps } from '../../deps';
import { type Env, readEnv } from '../../env';
import { log } from '../../log';
import { startRealtimeNode } from '../../realtime';
import { startReportsWatcher } from '../../reports/watcher';
import { hasNoOrganisation } from '../../setup/new-organisation';
import { SERVER_VERSION } from '../../version';
import { badInput, parseCommandArgs } from '../args';
import { say } from '../messages';

export const help = `Usage: otklik serve [--port <n>] [--host <address>] [--demo]

Starts the web app and the API on one port. Migrations are applied first.
OTKLIK_PUBLIC_URL: the address users open (the only origin allowed to change anything; https makes cookies Secure).
OTKLIK_TRUST_PROXY: reverse proxies whose X-Forwarded-For is believed. Health: /livez, /readyz, /healthz.
SIGTERM drains requests in flight (OTKLIK_SHUTDOWN_GRACE_MS) and exits. See docs/security.md.
The same process runs the deadline scheduler, e-mail delivery (SMTP_URL) and the network accounts' collectors and
publication outbox (VK, OK, Telegram, MAX; their tokens are stored only with OTKLIK_SECRET_KEY set). Nothing is
collected for, or published by, an archived organisation.

Options:
  --port <n>         TCP port (default: PORT, else 3000); 0 picks a free one
  --host <address>   address to listen on (default: HOST, else 127.0.0.1); 0.0.0.0 for every interface
  --demo             on an empty database, create the demo organisations (five, one per preset, password "demo"
                     for every account) and print their logins; never use it for real work

Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded one in OTKLIK_DATA_DIR (default ./data).
Without --demo and without any organisation, the server prints a one-time setup code: open the address it
shows, enter the code and create the first organisation — or run \`otklik init\` instead. Its administrator is
a region administrator: manages the organisations and loads the production calendar for all of them.
Every setting: \`otklik config\`, docs/configuration.md.`;

export function databaseTargetFromEnv(env: Env): DatabaseTarget {
  return env.DATABASE_URL
    ? {
        kind: 'postgres',
        url: env.DATABASE_URL,
        settings: {
          connectTimeoutMs: env.OTKLIK_DB_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: env.OTKLIK_DB_STATEMENT_TIMEOUT_MS,
          poolSize: env.OTKLIK_DB_POOL_SIZE,
        },
      }
    : { kind: 'pglite', dataDir: env.OTKLIK_DATA_DIR };
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

async function hasDemoOrganisations(deps: ServerDeps): Promise<boolean> {
  const { DEMO_ORGANISATIONS } = await import('../../demo/roster');
  const rows = await deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      inArray(
        organisations.slug,
        DEMO_ORGANISATIONS.map((o) => o.slug),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs('serve', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
  });
  if (!args.ok) return args.exitCode;
  const env = readEnv();
  const port = args.values.port === undefined ? env.PORT : parsePort(args.values.port);
  if (port === null) return badInput('serve', say('serve.bad-port', { value: args.values.port ?? '' }));
  const host = args.values.host ?? env.HOST;
  if (host.trim() === '') return badInput('serve', say('serve.host-required', {}));
  const demo = args.values.demo === true;
  if (demo) {
    process.stdout.write(`${say('serve.demo-mode', {})}\n`);
  }
  const dataDir = resolve(env.OTKLIK_DATA_DIR);
  let demoSeeded = false;
  let firstRunCode: string | null = null;
  // One node: tRPC and the web app (startServer), then socket.io, notification delivery and the deadline
  // scheduler on the same HTTP server, and the surge watcher of the reports.
  const node = await startRealtimeNode({
    signIn: signInMethodsFromEnv(env),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.OTKLIK_MAIL_FROM,
    publicUrl: env.OTKLIK_PUBLIC_URL,
    target: databaseTargetFromEnv(env),
    port,
    host,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: env.COOKIE_SECURE,
    metricsToken: env.OTKLIK_METRICS_TOKEN,
    trustProxy: env.OTKLIK_TRUST_PROXY,
    requestTimeoutMs: env.OTKLIK_REQUEST_TIMEOUT_MS,
    shutdownGraceMs: env.OTKLIK_SHUTDOWN_GRACE_MS,
    attachmentsDir: join(dataDir, 'attachments'),
    secretKey: parseSecretKey(env.OTKLIK_SECRET_KEY),
    beforeListen: async (deps) => {
      if (demo) {
        const { seedDemoIfEmpty } = await import('../../demo/seed');
        const demoLog = log.child({ component: 'demo' });
        demoSeeded = await seedDemoIfEmpty(deps, { log: (line) => demoLog.info(line) });
        if (demoSeeded) demoLog.info('demo data created');
      } else if (await hasNoOrganisation(deps.db)) {
        firstRunCode = deps.setup.issue();
      }
    },
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(say('serve.port-in-use', { port, host }));
    }
    throw error;
  });
  if (env.SMTP_URL && !env.OTKLIK_MAIL_FROM) {
    log.warn('OTKLIK_MAIL_FROM is not set: letters go out from otklik@localhost and may be refused');
  }
  if (env.SMTP_URL && !env.OTKLIK_PUBLIC_URL) {
    log.warn('OTKLIK_PUBLIC_URL is not set: letters carry no link to the case');
  }
  const running = node.running;
  const reports = startReportsWatcher(running.deps);
  // Collector loops of the connected network accounts and the publication outbox worker.
  const channels = startChannelRuntime(running.deps);
  const { database } = running.deps;
  log.info({ url: running.url, database: database.description, version: SERVER_VERSION }, 'listening');
  process.stdout.write(
    `Otklik ${SERVER_VERSION}: ${running.url}\n${say('serve.database', { database: database.description })}\n`,
  );
  if (demo && (demoSeeded || (await hasDemoOrganisations(running.deps)))) {
    const { demoLoginsText } = await import('../../demo/logins');
    process.stdout.write(`${demoLoginsText()}\n`);
  }
  if (firstRunCode) {
    // The code goes to the log too: under systemd or docker that is where the administrator finds it.
    const setupUrl = `${running.url}/setup?code=${firstRunCode}`;
    log.warn({ setupUrl, setupCode: firstRunCode }, 'first run: no organisation yet');
    process.stdout.write(`\n${say('serve.first-run', { url: setupUrl, code: firstRunCode })}\n`);
  }
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      reports.stop();
      // Graceful: in-flight requests finish, clients are told to reconnect, then the database closes.
      channels
        .stop()
        .then(() => node.close())
        .then(done, (error: unknown) => {
          log.error({ err: error }, 'close failed');
          done();
        });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
