// The figures of one `pnpm load` run (the --json document) and their plain-text report.
import type { CommandKind } from './driver';
import type { IntakeFigures, RepeatFigures, SchedulerFigures, SnapshotFigures } from './measure';
import type { LoadOptions } from './options';
import type { PgbenchResult } from './pgbench';
import type { ProfileSummary } from './profile-summary';
import { int, type LatencySummary, ms } from './stats';

export interface LoadReport {
  readonly tool: 'pnpm load';
  readonly startedAt: string;
  readonly machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    freeMemoryGiB: number;
    node: string;
    platform: string;
  };
  readonly options: Omit<LoadOptions, 'databaseUrl'> & { databaseUrl: string | null };
  readonly database: string;
  readonly fill: {
    organisations: number;
    storedCases: number;
    openCases: number;
    storedEvents: number;
    seconds: number;
  };
  readonly scheduler: SchedulerFigures | null;
  /** The server after start, before any request of the run. */
  /** RSS, and of it the JS heap (used / reserved) and native memory outside the heap (Buffers and the like). */
  readonly idle: { rssMb: number; heapMb: number; heapTotalMb: number; externalMb: number };
  /** After the snapshot, intake and repeat measurements (caches built). */
  readonly afterMeasures: { rssMb: number; heapMb: number; heapTotalMb: number; externalMb: number };
  /** With --heap-snapshot: the server's heap snapshots written (after the measurements, after the load). */
  readonly heapSnapshots: readonly string[];
  readonly snapshot: SnapshotFigures;
  readonly intake: IntakeFigures | null;
  readonly repeats: RepeatFigures | null;
  readonly load: {
    seconds: number;
    targetRate: number | null;
    commandsPerSecond: number;
    completed: number;
    notSent: number;
    conflicts: number;
    latency: Record<CommandKind, LatencySummary>;
    overallLatency: LatencySummary;
    errors: { kind: CommandKind; code: string; message: string; count: number }[];
    commitToReceipt: LatencySummary & { expected: number; received: number; missing: number };
    boards: {
      connected: number;
      failed: number;
      connectMs: LatencySummary;
      follow: string;
      processes: number;
      refetch: { count: number; errors: number; latency: LatencySummary };
    };
    server: {
      cpuPercentOfOneCore: number;
      cpuMsPerCommand: number | null;
      /** PostgreSQL backends of the run's database (Linux only), per command; a backend that ended during the load is
       *  not counted (tests/load/main.ts backendCpuBetween). */
      databaseCpuMsPerCommand: number | null;
      /** Database statements per command, everything it sets off included (intake, broadcasts, board catch-ups). */
      statementsPerCommand: number | null;
      rssPeakMb: number;
      /** The sample (one a second) with the highest RSS: how much of it was the JS heap, how much outside it. */
      peakSample: { rssMb: number; heapMb: number; heapTotalMb: number; externalMb: number };
      rssEndMb: number;
    };
    /** The harness's own process while it drives the commands (the board clients run apart): CPU it takes from the
     *  machine the server and PostgreSQL share. */
    driver: { cpuMsPerCommand: number | null };
  };
  readonly pgbench: PgbenchResult | { skipped: string };
  /** Commands/s over pgbench's TPS, measured one after the other in this run. */
  readonly ratioToPgbench: number | null;
  readonly profiles: {
    scheduler: { file: string; summary: ProfileSummary } | null;
    snapshot: { file: string; summary: ProfileSummary } | null;
    intake: { file: string; summary: ProfileSummary } | null;
    load: { file: string; summary: ProfileSummary } | null;
  } | null;
}

const latencyLine = (name: string, s: LatencySummary) =>
  `  ${name.padEnd(10)} ${String(s.count).padStart(7)}  p50 ${ms(s.p50).padStart(6)}  p95 ${ms(s.p95).padStart(6)}  ` +
  `p99 ${ms(s.p99).padStart(6)}  max ${ms(s.max).padStart(6)} ms`;

export function formatReport(r: LoadReport): string {
  const l = r.load;
  const lines = [
    `Otklik load run — ${r.startedAt}, ${r.machine.cpus} × ${r.machine.cpuModel}, node ${r.machine.node}`,
    `Database: ${r.database}`,
    `Stored: ${int(r.fill.storedCases)} cases (${int(r.fill.openCases)} open), ${int(r.fill.storedEvents)} events in ` +
      `${r.fill.organisations} organisation(s); filled in ${r.fill.seconds} s`,
    '',
  ];
  if (r.scheduler) {
    lines.push(
      `Scheduler: rebuild of every alarm ${ms(r.scheduler.rebuildMs)} ms; catch-up of ${r.scheduler.dueCases} due cases ` +
        `(${r.scheduler.recorded} clock records) ${ms(r.scheduler.catchUpMs)} ms`,
    );
  }
  lines.push(
    `Server RSS: ${r.idle.rssMb} MB idle after start, ${r.afterMeasures.rssMb} MB after the measurements below` +
      ` (JS heap used / reserved ${r.idle.heapMb} / ${r.idle.heapTotalMb} → ${r.afterMeasures.heapMb} / ` +
      `${r.afterMeasures.heapTotalMb} MB, outside it ${r.idle.externalMb} → ${r.afterMeasures.externalMb} MB)` +
      (r.heapSnapshots.length > 0 ? `; heap snapshots: ${r.heapSnapshots.join(', ')}` : ''),
    `Board snapshot: ${int(r.snapshot.rows)} rows, ${(r.snapshot.wireBytes / 1e6).toFixed(2)} MB on the wire ` +
      `(${r.snapshot.contentEncoding === 'none' ? 'uncompressed' : `${(r.snapshot.decodedBytes / 1e6).toFixed(2)} MB decoded`}), ` +
      `first byte ${ms(r.snapshot.firstByteMs)} ms, complete ${ms(r.snapshot.totalMs)} ms, server CPU ${ms(r.snapshot.serverCpuMs)} ms`,
  );
  if (r.intake) {
    lines.push(
      `Intake: ${ms(r.intake.serverCpuMsPerMessage)} ms server CPU per message (${ms(r.intake.wallMsPerMessage)} ms wall), ` +
        `${r.intake.statementsPerMessage.toFixed(1)} statements each, ${r.intake.messages} messages one by one`,
    );
  }
  if (r.repeats) {
    lines.push(
      `Repeat suggestions: first ${ms(r.repeats.firstMs)} ms, then median ${ms(r.repeats.medianMs)} ms, p95 ${ms(r.repeats.p95Ms)} ms ` +
        `(${r.repeats.queries} queries, ${r.repeats.suggestionsPerQuery.toFixed(1)} suggestions each)`,
    );
  }
  lines.push(
    '',
    `Load: ${l.seconds} s at ${l.targetRate === null ? 'max' : `${l.targetRate}/s`} → ${l.commandsPerSecond} commands/s ` +
      `(${int(l.completed)} done${l.notSent ? `, ${int(l.notSent)} not sent: too many in flight` : ''}` +
      `${l.conflicts ? `, ${l.conflicts} version conflicts retried` : ''})`,
    'Latency per command type:',
    ...Object.entries(l.latency).map(([k, s]) => latencyLine(k, s)),
    latencyLine('all', l.overallLatency),
    `Commit → receipt over ${l.boards.connected} board client(s) (${l.boards.follow}): p50 ${ms(l.commitToReceipt.p50)} ms, ` +
      `p99 ${ms(l.commitToReceipt.p99)} ms, max ${ms(l.commitToReceipt.max)} ms; ${int(l.commitToReceipt.received)} of ` +
      `${int(l.commitToReceipt.expected)} received${l.commitToReceipt.missing ? ` — ${int(l.commitToReceipt.missing)} MISSING` : ''}`,
    `  board clients: ${l.boards.connected} connected from ${l.boards.processes} process(es) (p50 ${ms(l.boards.connectMs.p50)} ms, p99 ${ms(l.boards.connectMs.p99)} ms)` +
      `${l.boards.failed ? `, ${l.boards.failed} FAILED to connect within a minute` : ''}`,
  );
  if (l.boards.follow === 'web') {
    lines.push(
      `  board catch-ups (changes:since): ${int(l.boards.refetch.count)}, p50 ${ms(l.boards.refetch.latency.p50)} ms, ` +
        `p99 ${ms(l.boards.refetch.latency.p99)} ms, errors ${l.boards.refetch.errors}`,
    );
  }
  lines.push(
    `Errors: ${l.errors.length === 0 ? 'none' : ''}`,
    ...l.errors.map((e) => `  ${e.kind} ${e.code} × ${e.count}: ${e.message}`),
    `Server: CPU ${l.server.cpuPercentOfOneCore} % of one core, ${ms(l.server.cpuMsPerCommand)} ms per command` +
      `${l.server.databaseCpuMsPerCommand !== null ? ` (+ PostgreSQL backends ${ms(l.server.databaseCpuMsPerCommand)} ms)` : ''}, ` +
      `${l.server.statementsPerCommand ?? '—'} statements per command; ` +
      `RSS peak ${l.server.rssPeakMb} MB (JS heap used / reserved ${l.server.peakSample.heapMb} / ` +
      `${l.server.peakSample.heapTotalMb} MB, outside it ${l.server.peakSample.externalMb} MB), end ${l.server.rssEndMb} MB`,
    `Load driver (this process): ${ms(l.driver.cpuMsPerCommand)} ms of CPU per command`,
    'tps' in r.pgbench
      ? `pgbench on the same server: ${r.pgbench.tps.toFixed(0)} TPS (${r.pgbench.clients} clients, ${r.pgbench.seconds} s, ` +
          `scale ${r.pgbench.scale}) → commands/s are ${((r.ratioToPgbench ?? 0) * 100).toFixed(1)} % of it`
      : `pgbench: skipped (${r.pgbench.skipped})`,
  );
  return lines.join('\n');
}
