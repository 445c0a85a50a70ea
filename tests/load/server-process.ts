// The server under load, in its own process so its CPU and memory are its own: one node started as `otklik serve`
// starts it (tRPC + HTTP intake, socket.io, notification delivery, the deadline scheduler, the reports watcher), on
// 127.0.0.1 and a free port. A probe on the events bus notes the instant each change committed, and the parent asks
// over the IPC channel for figures (CPU, RSS, commits), for quiet (`idle`), for a CPU profile, or to stop.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { DatabaseTarget } from '../../apps/server/src/db/connect';
import { dbQueryDuration } from '../../apps/server/src/metrics/db-timing';
import { startRealtimeNode } from '../../apps/server/src/realtime/node';
import { startReportsWatcher } from '../../apps/server/src/reports/watcher';

export type ServerRequest =
  | { id: number; type: 'stats' }
  | { id: number; type: 'idle' }
  | { id: number; type: 'profile-start' }
  | { id: number; type: 'profile-stop'; file: string }
  | { id: number; type: 'heap-snapshot'; file: string }
  | { id: number; type: 'stop' };

export interface ServerStats {
  /** process.cpuUsage(): user and system µs since the process started. */
  readonly cpu: { user: number; system: number };
  readonly rss: number;
  readonly heapUsed: number;
  /** The JS heap as reserved (used + free pages V8 keeps), and memory outside it: Buffers and other native objects. */
  readonly heapTotal: number;
  readonly external: number;
  /** Database statements sent since the process started (both drivers; what metrics/db-timing.ts counts). */
  readonly statements: number;
  /**
   * Commits since the last `stats`: global seq, organisation and the epoch-ms instant (sub-ms) at which the
   * command's transaction had committed (the events bus is called right after).
   */
  readonly commits: { seq: number[]; at: number[]; organisationId: string[] };
}

export type ServerMessage =
  | { type: 'ready'; url: string }
  | { type: 'failed'; error: string }
  | { id: number; type: 'reply'; value?: unknown; error?: string };

const send = (message: ServerMessage) => process.send?.(message);
/** Epoch milliseconds with the monotonic clock's resolution: comparable across the processes of one machine. */
const preciseNow = () => performance.timeOrigin + performance.now();

function targetFromEnv(): DatabaseTarget {
  const url = process.env.LOAD_DATABASE_URL;
  // The pool as `otklik serve` sizes it: OTKLIK_DB_POOL_SIZE, read and checked by the harness (options.ts).
  if (url) return { kind: 'postgres', url, settings: { poolSize: Number(process.env.LOAD_DB_POOL_SIZE) } };
  const dataDir = process.env.LOAD_DATA_DIR;
  if (!dataDir) throw new Error('LOAD_DATA_DIR or LOAD_DATABASE_URL is required');
  return { kind: 'pglite', dataDir };
}

/** Statements sent so far: the count of the query-latency histogram (a count, exact whatever the machine's load). */
async function statementsSent(): Promise<number> {
  const { values } = await dbQueryDuration.get();
  return values
    .filter((v) => v.metricName === 'otklik_db_query_duration_seconds_count')
    .reduce((n, v) => n + v.value, 0);
}

async function main(): Promise<void> {
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'otklik-load-files-'));
  const node = await startRealtimeNode({
    target: targetFromEnv(),
    port: 0,
    host: '127.0.0.1',
    attachmentsDir,
    webDistDir: join(attachmentsDir, 'no-web-app'),
  });
  const deps = node.running.deps;
  const reports = startReportsWatcher(deps);
  let seqs: number[] = [];
  let ats: number[] = [];
  let orgs: string[] = [];
  deps.bus.onCommitted((events) => {
    const at = preciseNow();
    for (const e of events) {
      seqs.push(e.seq);
      ats.push(at);
      orgs.push(e.organisationId);
    }
  });
  let profiler: Session | null = null;

  const handle = async (request: ServerRequest): Promise<unknown> => {
    switch (request.type) {
      case 'stats': {
        const memory = process.memoryUsage();
        const stats: ServerStats = {
          cpu: process.cpuUsage(),
          rss: memory.rss,
          heapUsed: memory.heapUsed,
          heapTotal: memory.heapTotal,
          external: memory.external,
          statements: await statementsSent(),
          commits: { seq: seqs, at: ats, organisationId: orgs },
        };
        seqs = [];
        ats = [];
        orgs = [];
        return stats;
      }
      case 'idle':
        // What a change sets off after its command returned: surge detection, notifications, alarms.
        await reports.idle();
        await node.services.delivery.idle();
        return null;
      case 'profile-start':
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
        await profiler.post('Profiler.start');
        return null;
      case 'profile-stop': {
        if (!profiler) throw new Error('no profile running');
        const { profile } = await profiler.post('Profiler.stop');
        profiler.disconnect();
        profiler = null;
        writeFileSync(request.file, JSON.stringify(profile));
        return null;
      }
      case 'heap-snapshot':
        writeHeapSnapshot(request.file);
        return null;
      case 'stop':
        reports.stop();
        await node.close();
        rmSync(attachmentsDir, { recursive: true, force: true });
        setImmediate(() => process.exit(0));
        return null;
    }
  };

  process.on('message', (raw) => {
    const request = raw as ServerRequest;
    handle(request).then(
      (value) => send({ id: request.id, type: 'reply', value }),
      (error: unknown) => send({ id: request.id, type: 'reply', error: String(error) }),
    );
  });
  // The harness went away without saying stop (killed, crashed): never outlive it.
  process.on('disconnect', () => process.exit(1));
  send({ type: 'ready', url: node.url });
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
