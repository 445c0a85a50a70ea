// Benchmark (not a test): delay from a command's commit to a second client's receipt of the broadcast change,
// median and p99 over 1,000 changes sent one after another through the HTTP API. One node on embedded PGlite; with BENCH_DATABASE_URL (or TEST_DATABASE_URL)
// also two nodes on PostgreSQL, the command on node A and the client on node B (through the postgres adapter).
// Run: pnpm bench (root), or tsx tests/bench/broadcast.bench.ts [--json]

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ClientToServerEvents, ServerToClientEvents } from '@otklik/contract';
import { io, type Socket } from 'socket.io-client';
import { type DatabaseTarget, openDatabase } from '../../apps/server/src/db/connect';
import { type RealtimeNode, startRealtimeNode } from '../../apps/server/src/realtime/node';
import { createOrgFixture, signInCookie } from '../../apps/server/src/test/fixtures';
import { testSession } from '../support/typed-client';
import { emit, say } from './output';

const CHANGES = 1_000;
const WARM_UP = 50;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

const results: { label: string; changes: number; medianMs: number; p99Ms: number; maxMs: number; missing: number }[] =
  [];

async function measure(label: string, actingNode: RealtimeNode, watchingNode: RealtimeNode): Promise<void> {
  const deps = actingNode.running.deps;
  const org = await createOrgFixture(deps);
  const operatorCookie = await signInCookie(deps, org.people.operator.login);
  const cookie = await signInCookie(watchingNode.running.deps, org.people.observer.login);
  const client: Socket<ServerToClientEvents, ClientToServerEvents> = io(watchingNode.url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: watchingNode.url },
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });

  // The commit instant: the events bus is called right after the command's transaction resolves.
  const committedAt = new Map<number, number>();
  const receivedAt = new Map<number, number>();
  const unsubscribe = deps.bus.onCommitted((events) => {
    const t = performance.now();
    for (const e of events) committedAt.set(e.seq, t);
  });
  client.on('case:changes', (m) => {
    for (const c of m.changes) receivedAt.set(c.seq, performance.now());
  });

  const operator = testSession(actingNode.url, operatorCookie).api;
  const total = CHANGES + WARM_UP;
  const seqs: number[] = [];
  for (let i = 0; i < total; i++) {
    // Through the HTTP API, as a browser sends a command: the server's event loop turns between commands.
    const r = await operator.cases.register.mutate({
      network: 'vk',
      link: `https://vk.com/wall-1_${i}`,
      author: { name: 'Автор' },
      text: `сообщение ${i}`,
      attachments: [],
      visibility: 'public',
    });
    for (const e of r.events) seqs.push(e.seq);
  }
  const deadline = Date.now() + 30_000;
  while (seqs.some((s) => !receivedAt.has(s)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  unsubscribe();
  client.disconnect();

  const delays = seqs
    .slice(WARM_UP)
    .map((s) => (receivedAt.get(s) ?? Number.NaN) - (committedAt.get(s) ?? Number.NaN))
    .filter((d) => Number.isFinite(d))
    .sort((a, b) => a - b);
  const missing = seqs.length - WARM_UP - delays.length;
  const median = percentile(delays, 50);
  const p99 = percentile(delays, 99);
  say(
    `${label.padEnd(44)} changes ${String(delays.length).padStart(5)}  median ${median.toFixed(2).padStart(7)} ms  ` +
      `p99 ${p99.toFixed(2).padStart(7)} ms  max ${(delays.at(-1) ?? 0).toFixed(2).padStart(7)} ms` +
      `${missing > 0 ? `  MISSING ${missing}` : ''}`,
  );
  const round = (x: number) => Math.round(x * 100) / 100;
  results.push({
    label,
    changes: delays.length,
    medianMs: round(median),
    p99Ms: round(p99),
    maxMs: round(delays.at(-1) ?? 0),
    missing,
  });
}

const nodeOptions = { webDistDir: '/nonexistent', scheduler: false as const };

say(
  `Broadcast delay, commit → second client's receipt, ${CHANGES} changes after ${WARM_UP} warm-up (${process.platform}, node ${process.version})`,
);
{
  const node = await startRealtimeNode({ ...nodeOptions, target: { kind: 'pglite-memory' } });
  await measure('one node, PGlite', node, node);
  await node.close();
}

const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const admin = await openDatabase({ kind: 'postgres', url: pgUrl, settings: { poolSize: 1 } });
  const name = `otklik_bench_${randomBytes(5).toString('hex')}`;
  if (admin.raw.kind !== 'postgres') throw new Error('unreachable');
  await admin.raw.client.unsafe(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
  try {
    const a = await startRealtimeNode({ ...nodeOptions, target });
    await measure('one node, PostgreSQL', a, a);
    const b = await startRealtimeNode({ ...nodeOptions, target });
    await measure('two nodes, PostgreSQL (command A → client B)', a, b);
    await Promise.all([a.close(), b.close()]);
  } finally {
    await admin.raw.client.unsafe(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
} else {
  say('(set BENCH_DATABASE_URL or TEST_DATABASE_URL to also measure two nodes on PostgreSQL)');
}
emit({ name: 'broadcast', changes: CHANGES, results });
process.exit(0);
