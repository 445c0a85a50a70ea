// `pnpm load`: one bounded load run of Otklik on this machine (see HELP in options.ts). Progress goes to stderr;
// the figures to stdout, as a report or (--json) as one JSON document.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../../apps/server/src/db/connect';
import { migrateDatabase } from '../../apps/server/src/db/migrate';
import { startBoardPool } from './board-pool';
import { driveCommands } from './driver';
import { fillDatabase } from './fill';
import { measureIntake, measureRepeats, measureScheduler, measureSnapshot } from './measure';
import { HELP, type LoadOptions, OptionsError, parseLoadOptions } from './options';
import { findPgbench, runPgbench } from './pgbench';
import { formatProfileSummary, summariseProfile } from './profile-summary';
import { formatReport, type LoadReport } from './report';
import { type ServerHandle, startServerProcess } from './server-handle';
import type { ServerStats } from './server-process';
import { round, Samples } from './stats';

const progress = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => round(bytes / 2 ** 20, 0)!;
const memoryMb = (s: ServerStats) => ({
  rssMb: mb(s.rss),
  heapMb: mb(s.heapUsed),
  heapTotalMb: mb(s.heapTotal),
  externalMb: mb(s.external),
});
const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** A fresh database for the run and how to throw it away. */
async function prepareDatabase(options: LoadOptions) {
  if (!options.databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-load-'));
    return {
      open: () => openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') }),
      serverEnv: { LOAD_DATA_DIR: join(dir, 'data') } as Record<string, string>,
      pgbenchUrl: null as string | null,
      adminUrl: null as string | null,
      describe: 'PGlite (embedded, in a temporary directory)',
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = await openDatabase({ kind: 'postgres', url: options.databaseUrl, settings: { poolSize: 1 } });
  if (admin.raw.kind !== 'postgres') throw new Error('unreachable');
  const client = admin.raw.client;
  const name = `otklik_load_${randomBytes(5).toString('hex')}`;
  await client.unsafe(`create database ${name}`);
  const [version] = await client.unsafe<{ server_version: string }[]>('show server_version');
  const url = new URL(options.databaseUrl);
  url.pathname = `/${name}`;
  return {
    open: () => openDatabase({ kind: 'postgres', url: url.toString() }),
    serverEnv: { LOAD_DATABASE_URL: url.toString(), LOAD_DB_POOL_SIZE: String(options.poolSize) } as Record<
      string,
      string
    >,
    pgbenchUrl: options.databaseUrl,
    adminUrl: options.databaseUrl,
    describe: `PostgreSQL ${version?.server_version ?? ''} (temporary database ${name}; the server's pool: ${options.poolSize} connections, OTKLIK_DB_POOL_SIZE)`,
    dispose: async () => {
      await client.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** CPU milliseconds of each PostgreSQL backend serving `database` (Linux /proc), to show the database's share. */
async function backendCpuMs(database: Database): Promise<Map<number, number> | null> {
  if (database.raw.kind !== 'postgres' || process.platform !== 'linux') return null;
  const rows = await database.raw.client.unsafe<{ pid: number }[]>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  const byPid = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // USER_HZ is 100 on Linux
    } catch {
      // the backend ended meanwhile
    }
  }
  return byPid;
}

/** The backends' CPU between two samples: each backend alive at the end, from its first sample (0: started since).
 *  A backend that ended in between is not counted (its last ticks are gone with it), so this may fall short, never
 *  below zero (a sum of the two samples' totals went negative when the pool closed an idle connection). */
function backendCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, at] of after) ms += Math.max(0, at - (before.get(pid) ?? 0));
  return ms;
}

/** What to undo when a run is cut short (Ctrl-C, SIGTERM, the time limit): the server and the temporary database. */
let undo: (() => Promise<void>) | null = null;

async function interrupted(code: number, why: string): Promise<never> {
  progress(`pnpm load: ${why}; cleaning up…`);
  await Promise.race([undo?.().catch(() => {}), new Promise((r) => setTimeout(r, 20_000))]);
  process.exit(code);
}

async function run(options: LoadOptions): Promise<LoadReport> {
  const started = performance.now();
  const runTag = randomBytes(3).toString('hex');
  const db = await prepareDatabase(options);
  let server: ServerHandle | null = null;
  undo = async () => {
    await server?.stop();
    await db.dispose();
  };
  try {
    progress(`database: ${db.describe}`);
    // Fill, then (with --due) the scheduler's catch-up, before the server opens the database.
    const database = await db.open();
    let fill: Awaited<ReturnType<typeof fillDatabase>>;
    let scheduler: Awaited<ReturnType<typeof measureScheduler>> | null = null;
    // With --profile: a CPU profile of each phase (the scheduler's in this process, the others in the server's).
    type PhaseProfile = { file: string; summary: ReturnType<typeof summariseProfile> };
    const phaseProfiles: Record<'scheduler' | 'snapshot' | 'intake' | 'load', PhaseProfile | null> = {
      scheduler: null,
      snapshot: null,
      intake: null,
      load: null,
    };
    const profilePhase = async (phase: keyof typeof phaseProfiles, stop: (file: string) => Promise<void>) => {
      if (!options.profileDir) return;
      const file = join(options.profileDir, `${phase}.cpuprofile`);
      await stop(file);
      phaseProfiles[phase] = { file, summary: summariseProfile(file) };
    };
    if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
    try {
      await migrateDatabase(database);
      progress(
        `filling ${options.orgs} organisation(s) × ${options.cases.toLocaleString('en')} cases (${options.open} open)…`,
      );
      fill = await fillDatabase(database.db, {
        orgs: options.orgs,
        cases: options.cases,
        open: options.open,
        due: options.due,
        boards: options.clients,
        now: Date.now(),
        seed: options.seed,
        log: progress,
      });
      if (options.due > 0) {
        progress(`scheduler: catching up on ${fill.dueActions} due clock records…`);
        const file = options.profileDir ? join(options.profileDir, 'scheduler.cpuprofile') : null;
        scheduler = await measureScheduler(database, fill.dueActions, fill.dueCaseIds, file);
        await profilePhase('scheduler', async () => {});
      }
    } finally {
      await database.close();
    }

    progress(`starting the server… (${seconds(started)})`);
    server = await startServerProcess(db.serverEnv);
    progress(`server ${server.url} (pid ${server.pid})`);
    // Settle: the scheduler's rebuild on taking the lead, notification catch-up.
    await new Promise((r) => setTimeout(r, 2000));
    await server.idle();
    const idleStats = await server.stats();
    const firstOrg = fill.orgs[0]!;

    progress('board snapshot…');
    if (options.profileDir) await server.profileStart();
    const snapshot = await measureSnapshot(server, firstOrg);
    await profilePhase('snapshot', (file) => server!.profileStop(file));
    let intake: LoadReport['intake'] = null;
    if (options.intakeSamples > 0) {
      progress(`intake: ${options.intakeSamples} messages one by one…`);
      if (options.profileDir) await server.profileStart();
      intake = await measureIntake(server, firstOrg, options.intakeSamples, runTag);
      await profilePhase('intake', (file) => server!.profileStop(file));
    }
    const repeats = options.repeatSamples > 0 ? await measureRepeats(server, firstOrg, options.repeatSamples) : null;
    await server.idle();
    const afterMeasures = await server.stats();
    const heapSnapshots: string[] = [];
    const heapSnapshot = async (name: string) => {
      if (!options.heapSnapshotDir || !server) return;
      const file = join(options.heapSnapshotDir, `${name}.heapsnapshot`);
      progress(`heap snapshot: ${file}…`);
      await server.heapSnapshot(file);
      heapSnapshots.push(file);
    };
    if (options.heapSnapshotDir) mkdirSync(options.heapSnapshotDir, { recursive: true });
    await heapSnapshot('after-measures');

    progress(`connecting ${options.clients} board client(s) in ${options.clientProcesses} process(es)…`);
    const boardClients = fill.orgs.flatMap((o) => o.boardCookies.map((cookie) => ({ organisationId: o.id, cookie })));
    const boards = await startBoardPool(server.url, boardClients, options.follow, options.clientProcesses);
    await boards.take(); // from here on
    await server.stats(); // drops the commits so far: only the load's count

    const rateText = options.rate === null ? `max (${options.concurrency} workers)` : `${options.rate}/s`;
    progress(`load: ${options.durationS} s at ${rateText}…`);
    if (options.profileDir) await server.profileStart();
    const statsDatabase = db.adminUrl ? await db.open() : null;
    const dbCpuBefore = statsDatabase ? await backendCpuMs(statsDatabase) : null;
    const before = await server.stats();
    const commits = new Map<number, { at: number; organisationId: string }>();
    const keep = (s: typeof before) => {
      s.commits.seq.forEach((seq, i) => {
        commits.set(seq, { at: s.commits.at[i]!, organisationId: s.commits.organisationId[i]! });
      });
    };
    keep(before);
    let peak = before;
    const sampler = setInterval(() => {
      server
        ?.stats()
        .then((s) => {
          keep(s);
          if (s.rss > peak.rss) peak = s;
        })
        .catch(() => {});
    }, 1000);
    let load: Awaited<ReturnType<typeof driveCommands>>;
    // This process's CPU while it drives the commands: the load's own share of the machine the server runs on.
    const driverCpuBefore = process.cpuUsage();
    try {
      load = await driveCommands({
        url: server.url,
        orgs: fill.orgs,
        rate: options.rate,
        concurrency: options.concurrency,
        durationMs: options.durationS * 1000,
        seed: options.seed + 1000,
        runTag,
      });
    } finally {
      clearInterval(sampler);
    }
    const driverCpu = process.cpuUsage(driverCpuBefore);
    const after = await server.stats();
    keep(after);
    const dbCpuAfter = statsDatabase ? await backendCpuMs(statsDatabase) : null;
    await statsDatabase?.close();
    await profilePhase('load', (file) => server!.profileStop(file));
    // Broadcasts still on their way: wait until none has arrived for 2 s (at most a minute), the rest are missing.
    for (let last = -1, quietSince = Date.now(), until = Date.now() + 60_000; Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 250));
      const count = await boards.receiptCount();
      if (count !== last) {
        last = count;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= 2000) break;
    }
    keep(await server.stats());
    await heapSnapshot('after-load');
    const { refetch, ...receipts } = await boards.take();
    await boards.close();

    const delays = new Samples();
    let received = 0;
    for (let i = 0; i < receipts.seq.length; i++) {
      const commit = commits.get(receipts.seq[i]!);
      if (!commit) continue;
      received++;
      delays.add(receipts.at[i]! - commit.at);
    }
    let expected = 0;
    for (const c of commits.values()) expected += boards.perOrganisation.get(c.organisationId) ?? 0;
    const serverCpuMs = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000;

    let pgbench: LoadReport['pgbench'] = { skipped: 'embedded database (pgbench needs a PostgreSQL server)' };
    if (db.pgbenchUrl && options.pgbenchS > 0) {
      const binary = await findPgbench();
      if (!binary) pgbench = { skipped: 'pgbench not found (apt-get install postgresql; or set PGBENCH)' };
      else {
        progress(`pgbench: ${options.pgbenchS} s on the same server…`);
        const name = `otklik_pgbench_${randomBytes(4).toString('hex')}`;
        const admin = await openDatabase({ kind: 'postgres', url: db.pgbenchUrl, settings: { poolSize: 1 } });
        if (admin.raw.kind !== 'postgres') throw new Error('unreachable');
        await admin.raw.client.unsafe(`create database ${name}`);
        try {
          const url = new URL(db.pgbenchUrl);
          url.pathname = `/${name}`;
          const clients = options.rate === null ? Math.min(options.concurrency, 8) : 4;
          pgbench = await runPgbench(binary, url.toString(), { clients, seconds: options.pgbenchS, scale: 10 });
        } catch (error) {
          pgbench = { skipped: `pgbench failed: ${error instanceof Error ? error.message.split('\n')[0] : error}` };
        } finally {
          await admin.raw.client.unsafe(`drop database if exists ${name} with (force)`);
          await admin.close();
        }
      }
    } else if (db.pgbenchUrl) pgbench = { skipped: '--pgbench 0' };

    const commandsPerSecond = load.completed / (load.elapsedMs / 1000);
    return {
      tool: 'pnpm load',
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30, 1)!,
        freeMemoryGiB: round(freemem() / 2 ** 30, 1)!,
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      options: { ...options, databaseUrl: options.databaseUrl ? '(set)' : null },
      database: db.describe,
      fill: {
        organisations: options.orgs,
        storedCases: fill.storedCases,
        openCases: options.open * options.orgs,
        storedEvents: fill.storedEvents,
        seconds: round(fill.ms / 1000, 1)!,
      },
      scheduler,
      idle: memoryMb(idleStats),
      afterMeasures: memoryMb(afterMeasures),
      heapSnapshots,
      snapshot,
      intake,
      repeats,
      load: {
        seconds: round(load.elapsedMs / 1000, 1)!,
        targetRate: options.rate,
        commandsPerSecond: round(commandsPerSecond, 1)!,
        completed: load.completed,
        notSent: load.notSent,
        conflicts: load.conflicts,
        latency: load.latency,
        overallLatency: load.overall,
        errors: load.errors,
        commitToReceipt: { ...delays.summary(), expected, received, missing: Math.max(0, expected - received) },
        boards: {
          connected: boards.connected,
          failed: boards.failed,
          connectMs: boards.connectMs,
          follow: options.follow,
          processes: options.clientProcesses,
          refetch,
        },
        server: {
          cpuPercentOfOneCore: round((100 * serverCpuMs) / load.elapsedMs, 0)!,
          cpuMsPerCommand: load.completed ? round(serverCpuMs / load.completed, 2) : null,
          databaseCpuMsPerCommand:
            dbCpuBefore !== null && dbCpuAfter !== null && load.completed
              ? round(backendCpuBetween(dbCpuBefore, dbCpuAfter) / load.completed, 2)
              : null,
          statementsPerCommand: load.completed
            ? round((after.statements - before.statements) / load.completed, 1)
            : null,
          rssPeakMb: mb(peak.rss),
          peakSample: memoryMb(peak),
          rssEndMb: round(after.rss / 2 ** 20, 0)!,
        },
        driver: {
          cpuMsPerCommand: load.completed
            ? round((driverCpu.user + driverCpu.system) / 1000 / load.completed, 2)
            : null,
        },
      },
      pgbench,
      ratioToPgbench: 'tps' in pgbench ? round(commandsPerSecond / pgbench.tps, 4) : null,
      profiles: options.profileDir ? phaseProfiles : null,
    };
  } finally {
    undo = null;
    await server?.stop().catch(() => {});
    await db.dispose().catch((error: unknown) => progress(`clean-up failed: ${String(error)}`));
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  let options: LoadOptions;
  try {
    options = parseLoadOptions(argv);
  } catch (error) {
    if (error instanceof OptionsError) {
      process.stderr.write(`pnpm load: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Bounded in time whatever happens: the fill, the run and pgbench, with room for a slow machine.
  const limitMs = (30 * 60 + options.durationS + options.pgbenchS) * 1000;
  const watchdog = setTimeout(() => void interrupted(1, `stopped after ${limitMs / 60_000} minutes`), limitMs);
  watchdog.unref();
  process.once('SIGINT', () => void interrupted(130, 'interrupted'));
  process.once('SIGTERM', () => void interrupted(143, 'terminated'));
  const report = await run(options);
  // With --json the document goes to stdout and the readable report to stderr, so both are there.
  const text = options.json ? process.stderr : process.stdout;
  text.write(`${formatReport(report)}\n`);
  if (report.profiles?.scheduler) {
    text.write(`\nScheduler catch-up — ${formatProfileSummary(report.profiles.scheduler.summary)}\n`);
  }
  if (report.profiles?.snapshot) {
    text.write(`\nBoard snapshot — ${formatProfileSummary(report.profiles.snapshot.summary)}\n`);
  }
  if (report.profiles?.intake) text.write(`\nIntake phase — ${formatProfileSummary(report.profiles.intake.summary)}\n`);
  if (report.profiles?.load) text.write(`\nLoad phase — ${formatProfileSummary(report.profiles.load.summary)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`pnpm load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
