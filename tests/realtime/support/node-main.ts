// A server node in its own process for the realtime tests and the bench: startServer with the realtime services,
// configured by environment variables; prints one JSON line when ready and shuts down gracefully on SIGTERM.

import { hashSecret, newSecret } from '../../../apps/server/src/auth/tokens';
import type { DatabaseTarget } from '../../../apps/server/src/db/connect';
import { displayTokens } from '../../../apps/server/src/db/schema';
import { startServer } from '../../../apps/server/src/http/server';
import { startRealtimeServices } from '../../../apps/server/src/realtime/services';
import { startReportsWatcher } from '../../../apps/server/src/reports/watcher';
import { createOrgFixture } from '../../../apps/server/src/test/fixtures';

const env = process.env;

function target(): DatabaseTarget {
  const t = env.NODE_TARGET ?? 'pglite-memory';
  if (t === 'pglite-memory') return { kind: 'pglite-memory' };
  if (t.startsWith('pglite:')) return { kind: 'pglite', dataDir: t.slice('pglite:'.length) };
  // Fault tests bound the database timeouts (as OTKLIK_DB_CONNECT_TIMEOUT_MS / OTKLIK_DB_STATEMENT_TIMEOUT_MS do).
  const settings = {
    ...(env.NODE_DB_CONNECT_TIMEOUT_MS ? { connectTimeoutMs: Number(env.NODE_DB_CONNECT_TIMEOUT_MS) } : {}),
    ...(env.NODE_DB_STATEMENT_TIMEOUT_MS ? { statementTimeoutMs: Number(env.NODE_DB_STATEMENT_TIMEOUT_MS) } : {}),
  };
  return { kind: 'postgres', url: t, settings };
}

// A shared virtual clock: every process of a test adds the same offset to its real clock.
const offset = Number(env.NODE_CLOCK_OFFSET_MS ?? 0);
const now = () => Date.now() + offset;

const running = await startServer({
  target: target(),
  now,
  webDistDir: '/nonexistent',
  ...(env.NODE_REQUEST_TIMEOUT_MS ? { requestTimeoutMs: Number(env.NODE_REQUEST_TIMEOUT_MS) } : {}),
});

// A slow command path, so a test can have a command in flight when SIGTERM arrives. Installed before the
// realtime services, exactly where a slow database would make the API slow.
const slowMs = Number(env.NODE_SLOW_COMMANDS_MS ?? 0);
if (slowMs > 0) {
  const server = running.server;
  const listeners = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const delay = req.url?.startsWith('/trpc/cases.') && req.method === 'POST' ? slowMs : 0;
    setTimeout(() => {
      for (const l of listeners) l.call(server, req, res);
    }, delay);
  });
}

// The same composition as realtime/node.ts (startRealtimeNode), with the slow path above in between.
const services = await startRealtimeServices({
  httpServer: running.server,
  deps: running.deps,
  timeIntervalMs: Number(env.NODE_TIME_INTERVAL_MS ?? 15_000),
  sessionCheckMs: Number(env.NODE_SESSION_CHECK_MS ?? 10_000),
  broadcastIntervalMs: env.NODE_BROADCAST_MS === undefined ? undefined : Number(env.NODE_BROADCAST_MS),
  scheduler: env.NODE_SCHEDULER === '0' ? false : { pollMs: Number(env.NODE_POLL_MS ?? 1000) },
  smtpUrl: env.SMTP_URL,
  mailFrom: env.OTKLIK_MAIL_FROM,
  publicUrl: env.OTKLIK_PUBLIC_URL,
  mailWorker: {
    pollMs: Number(env.NODE_MAIL_POLL_MS ?? 15_000),
    baseDelayMs: Number(env.NODE_MAIL_BASE_DELAY_MS ?? 60_000),
    leaseMs: Number(env.NODE_MAIL_LEASE_MS ?? 120_000),
  },
});
const reports = env.NODE_REPORTS === '1' ? startReportsWatcher(running.deps) : null;
const node = {
  url: running.url,
  running,
  async close() {
    reports?.stop();
    await reports?.idle();
    await services.shutdown();
    await running.close();
  },
};

let fixture: unknown = null;
let displayToken: string | null = null;
if (env.NODE_SEED === '1') {
  const deps = node.running.deps;
  const org = await createOrgFixture(deps, {
    profileId: env.NODE_PROFILE ?? 'konyshevsky-2020',
    timeZone: 'Europe/Moscow',
  });
  const other = await createOrgFixture(deps, { profileId: 'konyshevsky-2020', timeZone: 'Europe/Moscow' });
  displayToken = newSecret('wall_');
  await deps.db
    .insert(displayTokens)
    .values({ organisationId: org.organisationId, name: 'Табло', tokenHash: hashSecret(displayToken) });
  fixture = { org, other };
}

process.once('SIGTERM', () => {
  node.close().then(
    () => {
      process.stdout.write(`${JSON.stringify({ closed: true })}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`close failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});

// Ready only once SIGTERM is handled: a test that stops a node right after start must still get a graceful close.
process.stdout.write(`${JSON.stringify({ ready: true, url: node.url, pid: process.pid, fixture, displayToken })}\n`);
