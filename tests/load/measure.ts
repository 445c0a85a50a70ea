// The figures that depend on how much is stored: the board snapshot (bytes on the wire, time), the server CPU one
// intake message costs, repeat suggestions, and — before the server starts — the scheduler's rebuild and catch-up.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { Session } from 'node:inspector/promises';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Database } from '../../apps/server/src/db/connect';
import { createDeps } from '../../apps/server/src/deps';
import { rebuildAlarms, startScheduler } from '../../apps/server/src/scheduler';
import { createCorpus } from './corpus';
import type { FilledOrg } from './fill';
import type { ServerHandle } from './server-handle';
import { percentile } from './stats';

const cpuMs = (a: { user: number; system: number }, b: { user: number; system: number }) =>
  (b.user + b.system - a.user - a.system) / 1000;

/** GET with a browser's Accept-Encoding; the body as it crossed the wire (maybe compressed) and decoded. */
function getRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; wireBytes: number; body: string; firstByteMs: number; totalMs: number }>(
    (resolve, reject) => {
      const started = performance.now();
      let firstByteMs = 0;
      const req = request(url, { headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          if (chunks.length === 0) firstByteMs = performance.now() - started;
          chunks.push(c);
        });
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const decoded =
            encoding === 'gzip'
              ? gunzipSync(raw)
              : encoding === 'br'
                ? brotliDecompressSync(raw)
                : encoding === 'deflate'
                  ? inflateSync(raw)
                  : raw;
          resolve({
            status: res.statusCode ?? 0,
            wireBytes: raw.length,
            body: decoded.toString('utf8'),
            firstByteMs,
            totalMs: performance.now() - started,
          });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    },
  );
}

export interface SnapshotFigures {
  readonly rows: number;
  readonly wireBytes: number;
  readonly decodedBytes: number;
  readonly contentEncoding: 'none' | 'compressed';
  /** Medians over the repeats: until the first byte (the server's work before it writes) and until the last. */
  readonly firstByteMs: number;
  readonly totalMs: number;
  readonly serverCpuMs: number;
}

/** The board snapshot as the web app asks for it (GET /api/board with no filters: its first page), as the curator. */
export async function measureSnapshot(server: ServerHandle, org: FilledOrg, repeats = 3): Promise<SnapshotFigures> {
  const runs: { firstByteMs: number; totalMs: number; cpu: number; wire: number; decoded: number; rows: number }[] = [];
  for (let i = 0; i < repeats + 1; i++) {
    const before = await server.stats();
    const res = await getRaw(`${server.url}/api/board`, { cookie: org.curator.cookie });
    const after = await server.stats();
    if (res.status !== 200) throw new Error(`/api/board answered ${res.status}: ${res.body.slice(0, 300)}`);
    const rows = (JSON.parse(res.body) as { cases: unknown[] }).cases.length;
    // The first request warms the server's code paths; the figures are the later ones.
    if (i > 0) {
      runs.push({
        firstByteMs: res.firstByteMs,
        totalMs: res.totalMs,
        cpu: cpuMs(before.cpu, after.cpu),
        wire: res.wireBytes,
        decoded: Buffer.byteLength(res.body),
        rows,
      });
    }
  }
  const median = (f: (r: (typeof runs)[number]) => number) =>
    percentile(
      runs.map(f).sort((a, b) => a - b),
      50,
    ) ?? 0;
  const last = runs.at(-1)!;
  return {
    rows: last.rows,
    wireBytes: last.wire,
    decodedBytes: last.decoded,
    contentEncoding: last.wire === last.decoded ? 'none' : 'compressed',
    firstByteMs: median((r) => r.firstByteMs),
    totalMs: median((r) => r.totalMs),
    serverCpuMs: median((r) => r.cpu),
  };
}

export interface IntakeFigures {
  readonly messages: number;
  /** Server CPU per message, including what each sets off after it returns (surge detection, notifications). */
  readonly serverCpuMsPerMessage: number;
  readonly wallMsPerMessage: number;
  /** Database statements per message, what it sets off included (a count: background passes may add a few). */
  readonly statementsPerMessage: number;
}

/** One message after another through the HTTP intake; CPU counted until the server is quiet again. */
export async function measureIntake(
  server: ServerHandle,
  org: FilledOrg,
  count: number,
  runTag: string,
): Promise<IntakeFigures> {
  const corpus = createCorpus(0x5eed);
  const send = async (n: number) => {
    const m = corpus.message();
    const res = await fetch(`${server.url}/api/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.apiKey}` },
      body: JSON.stringify({
        network: m.network,
        externalId: `intake-${runTag}-${n}`,
        url: `https://vk.com/wall-3_${runTag}_${n}`,
        author: m.author,
        text: m.text,
      }),
    });
    if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  };
  // Warm-up: the first messages pay for code loading and caches.
  for (let i = 0; i < 5; i++) await send(-1 - i);
  await server.idle();
  const before = await server.stats();
  const started = performance.now();
  for (let i = 0; i < count; i++) await send(i);
  await server.idle();
  const wall = performance.now() - started;
  const after = await server.stats();
  return {
    messages: count,
    serverCpuMsPerMessage: cpuMs(before.cpu, after.cpu) / count,
    statementsPerMessage: (after.statements - before.statements) / count,
    wallMsPerMessage: wall / count,
  };
}

export interface RepeatFigures {
  readonly queries: number;
  /** The first query of a fresh server (it may build what it searches first). */
  readonly firstMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly suggestionsPerQuery: number;
}

/** `reports.repeatCandidates` for the newest open cases, as the curator's case workspace asks for them. */
export async function measureRepeats(server: ServerHandle, org: FilledOrg, count: number): Promise<RepeatFigures> {
  const cases = org.openCases.slice(-count);
  const times: number[] = [];
  let found = 0;
  for (const c of cases) {
    const input = encodeURIComponent(JSON.stringify({ caseId: c.id }));
    const started = performance.now();
    const res = await fetch(`${server.url}/trpc/reports.repeatCandidates?input=${input}`, {
      headers: { cookie: org.curator.cookie },
    });
    const body = (await res.json()) as { result?: { data?: unknown[] } };
    times.push(performance.now() - started);
    if (!res.ok || !body.result?.data) throw new Error(`repeatCandidates answered ${res.status}`);
    found += body.result.data.length;
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  return {
    queries: times.length,
    firstMs: times[0] ?? 0,
    medianMs: percentile(rest, 50) ?? 0,
    p95Ms: percentile(rest, 95) ?? 0,
    suggestionsPerQuery: times.length ? found / times.length : 0,
  };
}

export interface SchedulerFigures {
  readonly dueCases: number;
  /** Clock records of the due cases (other open cases may fall due meanwhile: they are not counted). */
  readonly recorded: number;
  /** Rebuilding every open case's alarm, as a node does when it takes the lead. */
  readonly rebuildMs: number;
  /** From the scheduler's start until every due clock was recorded (its own rebuild included). */
  readonly catchUpMs: number;
}

/**
 * Run in the harness before the server starts, on the filled database: the real scheduler (startScheduler), alone,
 * catching up on the `expected` at-risk and breach records of the due cases, which fell due while "no node was
 * running" (they are the oldest open cases, so the scheduler takes them first).
 */
/** The scheduler's rebuild, then its catch-up of the due clocks, in this process (before the server starts); with
 *  `profileFile`, a CPU profile of the catch-up is written there. */
export async function measureScheduler(
  database: Database,
  expected: number,
  dueCaseIds: ReadonlySet<string>,
  profileFile: string | null = null,
) {
  const deps = createDeps({ database });
  const rebuildStarted = performance.now();
  await rebuildAlarms(deps.db, deps.now());
  const rebuildMs = performance.now() - rebuildStarted;
  const profiler = profileFile ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
    await profiler.post('Profiler.start');
  }
  let recorded = 0;
  let doneAt = 0;
  const started = performance.now();
  const unsubscribe = deps.bus.onCommitted((events) => {
    recorded += events.filter(
      (e) => dueCaseIds.has(e.caseId) && (e.type === 'clock-at-risk' || e.type === 'clock-breached'),
    ).length;
    if (recorded >= expected && !doneAt) doneAt = performance.now();
  });
  const scheduler = startScheduler({ deps, pollMs: 200 });
  const give = started + 300_000;
  while (!doneAt && performance.now() < give) await new Promise((r) => setTimeout(r, 20));
  if (profiler && profileFile) {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    writeFileSync(profileFile, JSON.stringify(profile));
  }
  await scheduler.stop();
  unsubscribe();
  if (!doneAt) throw new Error(`scheduler recorded ${recorded} of ${expected} due clocks within 5 minutes`);
  return { dueCases: dueCaseIds.size, recorded, rebuildMs, catchUpMs: doneAt - started } satisfies SchedulerFigures;
}
