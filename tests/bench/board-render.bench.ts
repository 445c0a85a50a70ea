// Benchmark (not a test): the board in Chromium with 10,000 open cases against a board of one — render time after
// the data arrived, main-thread time of the shared 1-second countdown tick, and the longest task while scrolling to
// the middle; the tick again with today made a working day for the page (its countdowns run and show seconds at any
// hour of the run). The server's board snapshot (GET /api/board) is replaced in the browser by generated rows (as in
// the e2e test board-10k.test.ts); the server is the real one with its demo data. Needs Debian's chromium (or
// CHROMIUM_PATH).
// Run: pnpm bench (root), or tsx tests/bench/board-render.bench.ts [--json] [--tick]
// --tick: only the working-time tick at 10,000 rows (the alternated pairs of BENCHMARKS.md notes 22 and 25), with
// the median tick from a Chromium trace after it (OTKLIK_BENCH_TRACE=<file> keeps the trace for the DevTools
// Performance panel).
import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { registerCase, signIn } from '../e2e/support/api';
import { boardRows, serveBoardRows, workAllDay } from '../e2e/support/board-rows';
import { hasBrowser, launchBrowser, signedInPage } from '../e2e/support/browser';
import { buildWeb, startTestServer } from '../e2e/support/server';
import { emit, median, say } from './output';

const RENDERS = 5;
const tickOnly = process.argv.includes('--tick');
const traceFile = process.env.OTKLIK_BENCH_TRACE;
const TICK_SECONDS = 6;
/** --tick measures longer: its figure is compared in alternated pairs on a shared machine. */
const TICK_ONLY_SECONDS = 10;
/** Changes another client makes while a board with 10,000 rows watches (issue 16 "Measure"). */
const CHANGES = 40;

/**
 * Page script: notes performance.now() at the first frame after the board's total shows `n` cases. A string, not a
 * function: the TypeScript runner adds helpers to compiled functions that do not exist in the page.
 */
const watchTotal = (n: number) => `
  new MutationObserver(() => {
    const total = document.querySelector('.board-total')?.textContent ?? '';
    if (window.__shownAt === undefined && !window.__seen && total.replace(/\\D/g, '').includes('${n}')) {
      window.__seen = true;
      requestAnimationFrame(() => { window.__shownAt = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });`;

async function renderOnce(page: Page, url: string, n: number): Promise<number> {
  await page.addInitScript({ content: watchTotal(n) });
  await page.goto(`${url}/board`);
  await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, null, {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const shownAt = (window as unknown as { __shownAt: number }).__shownAt;
    const board = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/board'))
      .at(-1) as PerformanceResourceTiming | undefined;
    return shownAt - (board?.responseEnd ?? 0);
  });
}

/**
 * Main-thread time per second while the board just sits there ticking (CDP Performance metrics): all of its tasks
 * (TaskDuration), and the JavaScript among them (ScriptDuration; the rest is the browser's style, layout, paint and
 * compositing of what the JavaScript changed).
 */
async function tickCost(
  cdp: CDPSession,
  seconds: number,
): Promise<{ task: number; script: number; style: number; layout: number; cpu: number }> {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      task: of('TaskDuration'),
      script: of('ScriptDuration'),
      style: of('RecalcStyleDuration'),
      layout: of('LayoutDuration'),
      cpu: of('ThreadTime'),
    };
  };
  await new Promise((r) => setTimeout(r, 1500)); // let the first render and its follow-ups settle
  const before = await read();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await read();
  const perSecond = (k: keyof typeof before) => ((after[k] - before[k]) * 1000) / seconds;
  return {
    task: perSecond('task'),
    script: perSecond('script'),
    style: perSecond('style'),
    layout: perSecond('layout'),
    cpu: perSecond('cpu'),
  };
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** A Chromium trace of `seconds` of the page (the DevTools timeline's categories); written to `file` when given. */
async function trace(cdp: CDPSession, seconds: number, file?: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink',
        'cc',
        'gpu',
        'viz',
        'disabled-by-default-devtools.timeline.frame',
      ],
    },
  });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await cdp.send('Tracing.end');
  await done;
  if (file) writeFileSync(file, JSON.stringify({ traceEvents: events }));
  return events;
}

/**
 * Each tick's own cost from a trace: the main-thread task of the shared timer plus the task of the frame that draws
 * what it changed (the next BeginMainFrame), as wall time and as the thread's CPU time; the median over the ticks
 * of the trace. Unlike the per-second totals this leaves out what does not come every second (a socket message, a
 * collection) and is not moved by one tick the busy machine held up.
 */
function tickFromTrace(events: readonly TraceEvent[]): { ticks: number; wallMs: number; cpuMs: number } {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const own = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const tasks = own.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const around = (e: TraceEvent) => tasks.find((t) => t.ts <= e.ts && e.ts < t.ts + (t.dur ?? 0));
  const walls: number[] = [];
  const cpus: number[] = [];
  for (const timer of own.filter((e) => e.name === 'TimerFire')) {
    const frame = own.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts > timer.ts);
    const [a, b] = [around(timer), frame && around(frame)];
    if (!a || !b || a === b) continue;
    walls.push(((a.dur ?? 0) + (b.dur ?? 0)) / 1000);
    cpus.push(((a.tdur ?? 0) + (b.tdur ?? 0)) / 1000);
  }
  return { ticks: walls.length, wallMs: median(walls), cpuMs: median(cpus) };
}

async function longestScrollTask(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let longest = 0;
        const obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
        });
        obs.observe({ type: 'longtask' });
        const el = document.querySelector('[data-testid="board-scroll"]');
        if (el) el.scrollTop = el.scrollHeight / 2;
        setTimeout(() => {
          obs.disconnect();
          resolve(longest);
        }, 2500);
      }),
  );
}

async function measure(browser: Browser, url: string, organisationId: string, n: number, working: boolean) {
  const { context, page } = await signedInPage(browser, url, 'curator');
  const rows = boardRows(n, Date.now(), organisationId);
  await serveBoardRows(page, () => rows, working ? workAllDay : undefined);
  const renders: number[] = [];
  for (let i = 0; i <= (working ? 1 : RENDERS); i++) {
    const ms = await renderOnce(page, url, n);
    if (i > 0) renders.push(ms); // the first load also compiles the app's code
  }
  const running = await page.locator('.ok-countdown[data-paused="false"]').count();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const tick = await tickCost(cdp, tickOnly ? TICK_ONLY_SECONDS : TICK_SECONDS);
  const perTick = tickOnly && working && n > 1 ? tickFromTrace(await trace(cdp, 12, traceFile)) : null;
  const scrollMs = n > 100 && !working ? await longestScrollTask(page) : null;
  await context.close();
  return {
    renderMs: median(renders),
    tickMsPerSecond: tick.task,
    tickScriptMsPerSecond: tick.script,
    tickStyleMsPerSecond: tick.style,
    tickLayoutMsPerSecond: tick.layout,
    /** The main thread's CPU time (ThreadTime): the tasks' time without the time the busy machine took the CPU away. */
    tickCpuMsPerSecond: tick.cpu,
    /** --tick only: the median tick (its timer's task and its frame's) over 12 s of a trace. */
    perTick,
    longestScrollTaskMs: scrollMs,
    runningCountdowns: running,
  };
}

/**
 * A connected board of `n` rows while another client (the operator, through the HTTP API) registers CHANGES
 * messages one after another: the HTTP requests the board's page makes per change (goal 0: a change carries
 * its row), the socket bytes it receives per change (the `case:changes` messages as the page receives them, i.e.
 * decompressed, over the changes they carry), and its main-thread time per change (ticks included).
 */
async function liveChanges(browser: Browser, url: string, organisationId: string, n: number) {
  const { context, page } = await signedInPage(browser, url, 'curator');
  const rows = boardRows(n, Date.now(), organisationId);
  await serveBoardRows(page, () => rows);
  await page.goto(`${url}/board`);
  await page.locator('.board-total').filter({ hasText: /\d/ }).first().waitFor({ timeout: 120_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  let frames = 0;
  let frameBytes = 0;
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const payload = e.response.payloadData;
    if (!payload.includes('"case:changes"')) return;
    // A socket.io event frame: its packet type digits, then ["case:changes", { changes, rules }].
    const [, message] = JSON.parse(payload.replace(/^\d+/, '')) as [string, { changes: unknown[] }];
    frames += message.changes.length;
    frameBytes += Buffer.byteLength(payload);
  });
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() !== 'websocket') requests.push(new URL(r.url()).pathname);
  });
  const taskSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  await new Promise((r) => setTimeout(r, 1500));
  requests.length = 0;
  const operator = await signIn(url, 'operator');
  const before = await taskSeconds();
  for (let i = 0; i < CHANGES; i++) await registerCase(operator, { text: `Изменение для замера ${i}: яма во дворе` });
  const deadline = Date.now() + 20_000;
  while (frames < CHANGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1500)); // a refetch after the last change would come now
  const mainMs = ((await taskSeconds()) - before) * 1000;
  await context.close();
  const byPath = new Map<string, number>();
  for (const r of requests) byPath.set(r, (byPath.get(r) ?? 0) + 1);
  return {
    changes: CHANGES,
    caseChangedReceived: frames,
    httpRequestsPerChange: Math.round((requests.length / CHANGES) * 100) / 100,
    httpRequests: Object.fromEntries(byPath),
    socketBytesPerChange: frames > 0 ? Math.round(frameBytes / frames) : null,
    mainThreadMsPerChange: Math.round((mainMs / CHANGES) * 10) / 10,
  };
}

if (!hasBrowser) {
  say('board render benchmark skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  emit({ name: 'board-render', skipped: 'no Chromium' });
  process.exit(0);
}
say('board render benchmark: building the web app and starting the server…');
buildWeb();
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const org = await (await signIn(server.url, 'curator')).api.directory.organisation.query();
  if (tickOnly) {
    const w = await measure(browser, server.url, org.id, 10_000, true);
    const f = (x: number) => x.toFixed(1);
    const p = w.perTick;
    if (p) say(`median tick (timer + frame) over ${p.ticks} ticks: ${f(p.wallMs)} ms, CPU ${f(p.cpuMs)} ms`);
    say(
      `working time, 10,000 rows: tick ${f(w.tickMsPerSecond)} ms per second (CPU ${f(w.tickCpuMsPerSecond)}; JavaScript ${f(w.tickScriptMsPerSecond)}, style ${f(w.tickStyleMsPerSecond)}, layout ${f(w.tickLayoutMsPerSecond)}; ${w.runningCountdowns} countdowns running)`,
    );
    emit({ name: 'board-render', tickOnly: true, workingTime: { rows10k: w } });
  } else await fullRun(server.url, org.id);
} finally {
  await browser.close();
  await server.dispose();
}

async function fullRun(url: string, organisationId: string) {
  const big = await measure(browser, url, organisationId, 10_000, false);
  const one = await measure(browser, url, organisationId, 1, false);
  // The same boards in working time: every visible countdown runs, most of them showing seconds.
  const bigWorking = await measure(browser, url, organisationId, 10_000, true);
  const oneWorking = await measure(browser, url, organisationId, 1, true);
  const live = await liveChanges(browser, url, organisationId, 10_000);
  const figures = {
    name: 'board-render',
    viewport: '1440×900',
    renders: RENDERS,
    rows10k: big,
    rows1: one,
    workingTime: { rows10k: bigWorking, rows1: oneWorking },
    liveChanges10k: live,
    tickRatio10kTo1: Math.round((big.tickMsPerSecond / one.tickMsPerSecond) * 10) / 10,
  };
  const f = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  say(`Board in Chromium (headless, 1440×900), median of ${RENDERS} renders; tick over ${TICK_SECONDS} s`);
  say(
    `  10,000 rows: render after data ${f(big.renderMs)} ms; tick ${f(big.tickMsPerSecond)} ms main thread per second; longest task while scrolling ${f(big.longestScrollTaskMs)} ms`,
  );
  say(
    `  1 row:       render after data ${f(one.renderMs)} ms; tick ${f(one.tickMsPerSecond)} ms main thread per second`,
  );
  say(`  tick at 10,000 rows / tick at 1 row: ${figures.tickRatio10kTo1}× (target: < 4 ms at 10,000 rows)`);
  say(
    `  in working time (today made a working day): tick ${f(bigWorking.tickMsPerSecond)} ms per second at 10,000 rows (${f(bigWorking.tickScriptMsPerSecond)} ms of it JavaScript; ${bigWorking.runningCountdowns} countdowns running), ${f(oneWorking.tickMsPerSecond)} ms at 1 row (${oneWorking.runningCountdowns} running)`,
  );
  say(
    `  10,000 rows, another client makes ${live.changes} changes: ${live.httpRequestsPerChange} HTTP requests per change (goal 0${live.httpRequestsPerChange > 0 ? `: ${JSON.stringify(live.httpRequests)}` : ''}); ${live.socketBytesPerChange ?? '—'} socket bytes per change (${live.caseChangedReceived} changes received); ${f(live.mainThreadMsPerChange)} ms main thread per change`,
  );
  emit(figures);
}
