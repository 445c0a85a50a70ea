// `pnpm load` keeps working: its flags are strict, and a tiny run on the embedded database completes with every
// command answered, every broadcast received by every board client and the figures in its JSON. No figure is
// judged here (speed belongs to the benchmarks), only that the harness measures what it says.
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPnpmScript } from '../cli/run-cli';
import { checkDatabaseUrl, OptionsError, parseLoadOptions } from './options';
import type { LoadReport } from './report';

/** `pnpm load …` on the embedded database (DATABASE_URL emptied unless `env` sets it). */
const runLoad = (args: string[], env: Record<string, string> = {}) =>
  runPnpmScript('load', args, undefined, { DATABASE_URL: '', ...env });

describe('pnpm load options', () => {
  it('takes the documented flags and defaults', () => {
    const o = parseLoadOptions(['--orgs', '3', '--cases', '1000', '--rate', 'max', '--follow', 'push'], {});
    expect(o).toMatchObject({ orgs: 3, cases: 1000, open: 100, rate: null, follow: 'push', databaseUrl: null });
    expect(parseLoadOptions([], {})).toMatchObject({ orgs: 2, cases: 2000, clients: 20, rate: 20, durationS: 20 });
    expect(parseLoadOptions([], {}).heapSnapshotDir).toBeNull();
    expect(parseLoadOptions(['--heap-snapshot', '/tmp/h'], {}).heapSnapshotDir).toBe('/tmp/h');
  });

  it.each([
    [['--bogus'], /bogus/],
    [['--orgs', 'two'], /--orgs must be a whole number/],
    [['--duration', '100000'], /--duration must be between 1 and 600/],
    [['--open', '50', '--cases', '10'], /--open must be between 0 and 10/],
    [['--follow', 'poll'], /web or push/],
    [['extra'], /unexpected argument "extra"/],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseLoadOptions(argv, {})).toThrow(message);
  });

  it("sizes the server's pool as otklik serve does, and refuses a bad size as a bad option", () => {
    expect(parseLoadOptions([], {}).poolSize).toBe(10);
    expect(parseLoadOptions([], { OTKLIK_DB_POOL_SIZE: '2' }).poolSize).toBe(2);
    expect(() => parseLoadOptions([], { OTKLIK_DB_POOL_SIZE: '0' })).toThrow(OptionsError);
    expect(() => parseLoadOptions([], { OTKLIK_DB_POOL_SIZE: 'два' })).toThrow(/OTKLIK_DB_POOL_SIZE/);
  });

  it('runs on loopback only', () => {
    expect(checkDatabaseUrl('postgres://postgres@127.0.0.1:5432/x')).toContain('127.0.0.1');
    expect(checkDatabaseUrl('postgres://u@localhost/x')).toContain('localhost');
    expect(() => checkDatabaseUrl('postgres://u@db.example.org/x')).toThrow(/loopback only/);
    expect(() => checkDatabaseUrl('mysql://u@127.0.0.1/x')).toThrow(/postgres/);
  });
});

describe('pnpm load', () => {
  it('--help describes the flags; a bad flag exits 2 with one line', async () => {
    const help = await runLoad(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--clients <C>');
    const bad = await runLoad(['--rate', 'fast']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['pnpm load: --rate must be a number, got "fast"']);
  });

  it('a tiny run measures every figure it promises', async () => {
    const heapDir = mkdtempSync(join(tmpdir(), 'otklik-load-heap-'));
    const r = await runLoad([
      '--json',
      ...['--heap-snapshot', heapDir],
      ...['--orgs', '2', '--cases', '60', '--open', '20', '--due', '2', '--clients', '4'],
      ...['--rate', '8', '--duration', '4', '--intake-samples', '3', '--repeat-samples', '2'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as LoadReport;
    expect(report.fill).toMatchObject({ organisations: 2, storedCases: 120, openCases: 40 });
    expect(report.scheduler?.dueCases).toBe(4);
    expect(report.scheduler?.recorded).toBeGreaterThan(0);
    // The snapshot is the board of the first organisation: its open cases, none dropped.
    expect(report.snapshot.rows).toBe(20);
    expect(report.intake?.messages).toBe(3);
    // Statements are counted (a message registers a case: at least its transaction's writes).
    expect(report.intake?.statementsPerMessage).toBeGreaterThanOrEqual(3);
    expect(report.load.server.statementsPerCommand).toBeGreaterThan(0);
    // The harness's own CPU is counted: it shares the machine with the server.
    expect(report.load.driver.cpuMsPerCommand).toBeGreaterThan(0);
    expect(report.load.completed).toBeGreaterThan(0);
    expect(report.load.errors).toEqual([]);
    expect(report.load.latency.intake.count).toBeGreaterThan(0);
    expect(report.load.latency.triage.count).toBeGreaterThan(0);
    // Every commit reached every board client of its organisation.
    expect(report.load.commitToReceipt.received).toBeGreaterThan(0);
    expect(report.load.commitToReceipt.missing).toBe(0);
    expect(report.load.boards.connected).toBe(4);
    // The RSS peak comes with what it was made of at that sample.
    expect(report.load.server.peakSample.rssMb).toBe(report.load.server.rssPeakMb);
    expect(report.load.server.peakSample.heapMb).toBeGreaterThan(0);
    expect(report.load.server.peakSample.heapTotalMb).toBeGreaterThanOrEqual(report.load.server.peakSample.heapMb);
    expect(report.pgbench).toEqual({ skipped: expect.stringContaining('embedded') });
    // The server's heap after the measurements and after the load, as V8 writes it (DevTools reads these).
    expect(report.heapSnapshots).toEqual(
      ['after-measures', 'after-load'].map((n) => join(heapDir, `${n}.heapsnapshot`)),
    );
    for (const file of report.heapSnapshots) {
      const head = Buffer.alloc(64);
      const fd = openSync(file, 'r');
      readSync(fd, head, 0, head.length, 0);
      closeSync(fd);
      expect(head.toString('utf8')).toMatch(/^\{"snapshot":\{"meta":\{"node_fields":\[/);
    }
    rmSync(heapDir, { recursive: true, force: true });
  }, 300_000);
});
