// `pnpm bench`: every benchmark in its own process, one after the other (they compete for the same cores), and
// their figures gathered: a summary on stdout, or with --json one JSON document. Benchmarks print figures; they
// never pass or fail on a number — only a benchmark that could not run fails the command.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { strictFlags } from '../support/strict-flags';
import { machine } from './output';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const repoRoot = here('../..');

interface Bench {
  readonly name: string;
  readonly what: string;
  readonly args: () => string[];
  readonly env?: () => Record<string, string>;
}

/** The short load run of `pnpm bench`: small enough for a couple of minutes, big enough for stable medians. */
const SHORT_LOAD = ['--orgs', '2', '--cases', '2000', '--clients', '20', '--rate', '20', '--duration', '15'];
const SHORT_LOAD_PG = [...SHORT_LOAD, '--pgbench', '10'];

const BENCHES: readonly Bench[] = [
  { name: 'calendar', what: 'working-time calendar vs dayjs-business-time', args: () => [here('calendar.bench.ts')] },
  { name: 'decider', what: 'commands decided and folded per second', args: () => [here('decider.bench.ts')] },
  {
    name: 'cli-deadline',
    what: 'otklik deadline --batch, marginal deadlines/s',
    args: () => [here('cli-deadline.bench.ts')],
  },
  { name: 'repeats-index', what: 'in-memory repeat index at 100,000 cases', args: () => [here('repeats.bench.ts')] },
  { name: 'board-render', what: 'the board in Chromium at 10,000 rows', args: () => [here('board-render.bench.ts')] },
  { name: 'broadcast', what: 'commit → second client, one change at a time', args: () => [here('broadcast.bench.ts')] },
  {
    name: 'channels',
    what: 'collection lag and publication against the fake networks',
    args: () => [here('channels.bench.ts')],
  },
  {
    name: 'load',
    what: 'a short pnpm load on the embedded database',
    args: () => [here('../load/main.ts'), ...SHORT_LOAD],
    env: () => ({ DATABASE_URL: '' }),
  },
  {
    name: 'load-postgres',
    what: 'the same short load on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL), with pgbench',
    args: () => [here('../load/main.ts'), ...SHORT_LOAD_PG],
    env: () => ({ DATABASE_URL: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || '' }),
  },
];

const HELP = `Usage: pnpm bench [--json] [--only <names>] [--skip <names>]

Runs the benchmarks one after the other, each in its own process, and prints their figures
(--json: one JSON document on stdout; every benchmark's own text still goes to stderr).

Benchmarks: ${BENCHES.map((b) => `\n  ${b.name.padEnd(14)} ${b.what}`).join('')}

load-postgres runs only when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server on this machine.
Names are separated by commas, e.g. --only calendar,decider.`;

/** Runs one benchmark with --json; its text goes to our stdout (or stderr when stdout carries our document). */
function runOne(bench: Bench, json: boolean): Promise<{ figures: unknown } | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...bench.args(), '--json'], {
      cwd: repoRoot,
      env: { ...process.env, ...(bench.env?.() ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr.pipe(json ? process.stderr : process.stdout, { end: false });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', (error) => resolve({ error: error.message }));
    child.on('close', (code) => {
      if (code !== 0) {
        resolve({ error: `exited with ${code}` });
        return;
      }
      try {
        resolve({ figures: JSON.parse(out) });
      } catch {
        resolve({ error: `printed no JSON document: ${out.slice(0, 200)}` });
      }
    });
  });
}

function names(value: string | undefined): Set<string> | null {
  if (value === undefined) return null;
  const set = new Set(
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const n of set) {
    if (!BENCHES.some((b) => b.name === n)) {
      throw new Error(`unknown benchmark "${n}"; known: ${BENCHES.map((b) => b.name).join(', ')}`);
    }
  }
  return set;
}

async function main(argv: string[]): Promise<number> {
  let values: { json?: boolean; only?: string; skip?: string; help?: boolean };
  let only: Set<string> | null;
  let skip: Set<string> | null;
  try {
    const parsed = strictFlags(argv, {
      json: { type: 'boolean' },
      only: { type: 'string' },
      skip: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    values = parsed.values;
    only = names(values.only);
    skip = names(values.skip);
  } catch (error) {
    process.stderr.write(`pnpm bench: ${error instanceof Error ? error.message.split('\n')[0] : error}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const hasPostgres = Boolean(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL);
  const selected = BENCHES.filter(
    (b) => (only ? only.has(b.name) : true) && !skip?.has(b.name) && (b.name !== 'load-postgres' || hasPostgres),
  );
  const started = Date.now();
  const results: Record<string, unknown> = {};
  const failed: { name: string; error: string }[] = [];
  const text = values.json ? process.stderr : process.stdout;
  for (const bench of selected) {
    text.write(`\n=== ${bench.name}: ${bench.what}\n`);
    const t0 = performance.now();
    const r = await runOne(bench, values.json ?? false);
    if ('error' in r) failed.push({ name: bench.name, error: r.error });
    else results[bench.name] = r.figures;
    text.write(`=== ${bench.name}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const document = {
    tool: 'pnpm bench',
    date: new Date(started).toISOString(),
    commit,
    machine: machine(),
    note: 'Figures of one run on a possibly shared machine: compare ratios taken side by side in one run.',
    seconds: Math.round((Date.now() - started) / 1000),
    benchmarks: results,
    failed,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else {
    process.stdout.write(`\npnpm bench — ${document.date}, commit ${commit ?? '?'}, ${document.seconds} s\n`);
    for (const f of failed) process.stdout.write(`  ${f.name}: FAILED (${f.error})\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`pnpm bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
