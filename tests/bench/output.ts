// How a benchmark reports: the human text on stdout, or with --json one JSON document on stdout and the text on
// stderr (so `pnpm bench --json` can gather every benchmark's figures into one document).
import { Console } from 'node:console';
import { cpus, totalmem } from 'node:os';

export const jsonMode = process.argv.includes('--json');
// In --json mode stdout carries the one document: console.log / console.table of a benchmark go to stderr.
if (jsonMode) globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });

/** Human-readable lines: stdout normally, stderr in --json mode. */
export function say(text: string): void {
  (jsonMode ? process.stderr : process.stdout).write(`${text}\n`);
}

/** The benchmark's figures; printed only in --json mode. */
export function emit(figures: object): void {
  if (jsonMode) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
