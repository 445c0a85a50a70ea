// pgbench on the same PostgreSQL server as the load run, in a database of its own (created and dropped here): the
// server's own transactions per second on this machine at this moment, to quote the load's commands/s against.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PGBENCH, or pgbench on the PATH, or Debian's /usr/lib/postgresql/<version>/bin/pgbench (newest first). */
export async function findPgbench(): Promise<string | null> {
  if (process.env.PGBENCH) return existsSync(process.env.PGBENCH) ? process.env.PGBENCH : null;
  try {
    await run('pgbench', ['--version']);
    return 'pgbench';
  } catch {
    // not on the PATH
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const candidate = `${root}/${v}/bin/pgbench`;
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export interface PgbenchResult {
  readonly tps: number;
  readonly latencyMs: number | null;
  readonly clients: number;
  readonly seconds: number;
  readonly scale: number;
  readonly transactions: number;
}

/** Runs the default TPC-B-like script against `url` (a database pgbench may fill and that is dropped afterwards). */
export async function runPgbench(
  binary: string,
  url: string,
  options: { clients: number; seconds: number; scale: number },
): Promise<PgbenchResult> {
  await run(binary, ['-i', '-q', '-s', String(options.scale), url], { timeout: 300_000 });
  const jobs = Math.min(options.clients, 2);
  const { stdout } = await run(
    binary,
    ['-c', String(options.clients), '-j', String(jobs), '-T', String(options.seconds), url],
    { timeout: (options.seconds + 120) * 1000 },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
  const transactions = /number of transactions actually processed: (\d+)/.exec(stdout)?.[1];
  return {
    tps: Number(tps),
    latencyMs: latency ? Number(latency) : null,
    clients: options.clients,
    seconds: options.seconds,
    scale: options.scale,
    transactions: Number(transactions ?? 0),
  };
}
