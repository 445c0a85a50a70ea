// Benchmark (not a test): `otklik deadline --batch`, run as a user runs it (a node process reading JSON lines on
// stdin). The marginal rate — (lines₂ − lines₁) / (time₂ − time₁) of two batch sizes — leaves out the start-up,
// which a one-off command pays once. Requests mix the five presets and the four kinds of request, with instants
// spread over 2026–2027. Median of 3 pairs of runs. Run: pnpm bench (root), or tsx tests/bench/cli-deadline.bench.ts
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../load/corpus';
import { emit, median, say } from './output';

const SMALL = 10_000;
const LARGE = 110_000;
const PAIRS = 3;
const cli = fileURLToPath(new URL('../../apps/server/src/cli/main.ts', import.meta.url));

const PRESETS = [
  ['konyshevsky-2020', '+03:00', ['triage', 'answer', 'draft', 'approve', 'publish', 'final']],
  ['idrinsky-2021', '+07:00', ['answer', 'draft', 'explain']],
  ['slavgorod-2020', '+07:00', ['draft', 'final']],
  ['krasnoufimsk-2021', '+05:00', ['answer', 'final', 'fast-track']],
  ['nao-2020', '+03:00', ['answer', 'draft', 'final']],
] as const;

function requests(n: number): string {
  const rand = seededRandom(2026);
  const lines: string[] = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const [profile, offset, steps] = PRESETS[i % PRESETS.length]!;
    // A local wall time with the preset's own offset, to the minute, anywhere in 2026–2027.
    const local = new Date(start + Math.floor(rand() * 2 * 365 * 1440) * 60_000).toISOString().slice(0, 16);
    const base = { profile, from: `${local}:00${offset}` };
    const kind = i % 4;
    const request =
      kind === 0
        ? { ...base, workMinutes: Math.floor(rand() * 4800) - 960 }
        : kind === 1
          ? { ...base, workDays: Math.floor(rand() * 30) }
          : kind === 2
            ? { ...base, calendarDays: Math.floor(rand() * 30) }
            : { ...base, step: steps[Math.floor(rand() * steps.length)] };
    lines.push(JSON.stringify(request));
  }
  return `${lines.join('\n')}\n`;
}

function runBatch(input: string): Promise<{ ms: number; lines: number; errors: number; sha: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'deadline', '--batch'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const hash = createHash('sha256');
    let lines = 0;
    let errors = 0;
    let rest = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      hash.update(d);
      const parts = (rest + d).split('\n');
      rest = parts.pop() ?? '';
      lines += parts.length;
      for (const p of parts) if (p.includes('"error"')) errors++;
    });
    child.on('error', reject);
    child.on('close', () => resolve({ ms: performance.now() - started, lines, errors, sha: hash.digest('hex') }));
    child.stdin.end(input);
  });
}

const small = requests(SMALL);
const large = requests(LARGE);
await runBatch(small); // warm the file cache and tsx's transform cache
const rates: number[] = [];
const startups: number[] = [];
let checked: { lines: number; errors: number; sha: string } | null = null;
for (let i = 0; i < PAIRS; i++) {
  const a = await runBatch(small);
  const b = await runBatch(large);
  if (b.lines !== LARGE || a.lines !== SMALL) throw new Error(`expected ${LARGE} answers, got ${b.lines}`);
  rates.push((LARGE - SMALL) / ((b.ms - a.ms) / 1000));
  startups.push(a.ms - (SMALL / rates.at(-1)!) * 1000);
  checked = b;
}
const figures = {
  name: 'cli-deadline',
  linesSmall: SMALL,
  linesLarge: LARGE,
  marginalDeadlinesPerSecond: Math.round(median(rates)),
  startupMs: Math.round(median(startups)),
  errorLines: checked?.errors ?? 0,
  /** sha256 of the output of the large batch: equal before and after a change means byte-identical answers. */
  outputSha256: checked?.sha ?? '',
};
say(
  `otklik deadline --batch — ${SMALL.toLocaleString('en')} vs ${LARGE.toLocaleString('en')} lines, median of ${PAIRS} pairs`,
);
say(
  `  marginal ${figures.marginalDeadlinesPerSecond.toLocaleString('en')} deadlines/s (target ≥ 50,000: ` +
    `${figures.marginalDeadlinesPerSecond >= 50_000 ? 'met' : 'NOT met'}); start-up ≈ ${figures.startupMs} ms; ` +
    `${figures.errorLines} lines answered with an error; output sha256 ${figures.outputSha256.slice(0, 16)}…`,
);
emit(figures);
