// The board clients of a run, spread over child processes (board-process.ts), seen by the harness as one set.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BoardRequest } from './board-process';
import type { Follow } from './boards';
import { type LatencySummary, Samples } from './stats';

const entry = fileURLToPath(new URL('./board-process.ts', import.meta.url));

export interface BoardPool {
  readonly connected: number;
  readonly failed: number;
  /** p50/p99 of the slowest process (a summary of summaries, enough to see connections were not the problem). */
  readonly connectMs: LatencySummary;
  readonly perOrganisation: ReadonlyMap<string, number>;
  receiptCount(): Promise<number>;
  /** Every receipt so far (seq, epoch-ms arrival) and the refetch figures, from all processes. */
  take(): Promise<{
    seq: Float64Array;
    at: Float64Array;
    refetch: { count: number; errors: number; latency: LatencySummary };
  }>;
  close(): Promise<void>;
}

type Request = BoardRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function startProcess() {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (raw) => {
    const m = raw as { id: number; value?: unknown; error?: string };
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`board client process exited (${code})`));
    pending.clear();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    request(message: Request): Promise<unknown> {
      return new Promise((resolve, reject) => {
        if (!child.connected) {
          reject(new Error('board client process is gone'));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ ...message, id });
      });
    },
    async stop() {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await this.request({ type: 'close' }).catch(() => {});
      await exited;
      clearTimeout(kill);
    },
  };
}

const concat = (parts: Float64Array[]) => {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export async function startBoardPool(
  url: string,
  clients: readonly { organisationId: string; cookie: string }[],
  follow: Follow,
  processes: number,
): Promise<BoardPool> {
  const count = Math.max(1, Math.min(processes, clients.length || 1));
  const procs = Array.from({ length: count }, startProcess);
  const shares = procs.map((_, i) => clients.filter((_, k) => k % count === i));
  const results = (await Promise.all(
    procs.map((p, i) => p.request({ type: 'connect', url, clients: shares[i]!, follow })),
  )) as { connected: number; failed: number; connectMs: LatencySummary; perOrganisation: [string, number][] }[];
  const perOrganisation = new Map<string, number>();
  for (const r of results)
    for (const [org, n] of r.perOrganisation) perOrganisation.set(org, (perOrganisation.get(org) ?? 0) + n);
  const worst = (f: (s: LatencySummary) => number | null) => Math.max(0, ...results.map((r) => f(r.connectMs) ?? 0));
  return {
    connected: results.reduce((n, r) => n + r.connected, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
    connectMs: {
      count: results.reduce((n, r) => n + r.connectMs.count, 0),
      p50: worst((s) => s.p50),
      p95: worst((s) => s.p95),
      p99: worst((s) => s.p99),
      max: worst((s) => s.max),
    },
    perOrganisation,
    async receiptCount() {
      const counts = (await Promise.all(procs.map((p) => p.request({ type: 'count' })))) as number[];
      return counts.reduce((a, b) => a + b, 0);
    },
    async take() {
      const parts = (await Promise.all(procs.map((p) => p.request({ type: 'take' })))) as {
        receipts: { seq: Float64Array; at: Float64Array } | null;
        refetch: { count: number; errors: number; latency: LatencySummary } | null;
      }[];
      const refetchLatency = new Samples();
      let refetchCount = 0;
      let refetchErrors = 0;
      for (const p of parts) {
        refetchCount += p.refetch?.count ?? 0;
        refetchErrors += p.refetch?.errors ?? 0;
      }
      // Per-process summaries cannot be merged exactly: the slowest process's percentiles are reported.
      const slowest = parts
        .map((p) => p.refetch?.latency)
        .filter((l): l is LatencySummary => Boolean(l?.count))
        .sort((a, b) => (b.p99 ?? 0) - (a.p99 ?? 0))[0];
      return {
        seq: concat(parts.map((p) => p.receipts?.seq ?? new Float64Array(0))),
        at: concat(parts.map((p) => p.receipts?.at ?? new Float64Array(0))),
        refetch: { count: refetchCount, errors: refetchErrors, latency: slowest ?? refetchLatency.summary() },
      };
    },
    async close() {
      await Promise.all(procs.map((p) => p.stop()));
    },
  };
}
