// `pnpm load` flags: strict parsing (an unknown flag or a bad value is a one-line error, never a silent default),
// with limits that keep a run bounded in count and time.
import { readEnv } from '../../apps/server/src/env';
import { OptionsError, strictFlags } from '../support/strict-flags';
import type { Follow } from './boards';

export const HELP = `Usage: pnpm load [options]

A load run of Otklik on this machine, on loopback only; it stops by itself. It fills a fresh database (the
embedded one in a temporary directory, or — when DATABASE_URL points at a PostgreSQL server on this machine — a
temporary database created on that server and dropped afterwards), starts one server node in its own process,
connects the board clients, drives intake and workflow commands through the HTTP API, and prints the figures.

The fill is a fast path through the server's own code: each stored case is folded through the domain's
decide/evolve and projected as the command service does, then written in bulk (no HTTP request per command).
The run then measures, in this order: the scheduler's rebuild and catch-up (with --due), the board snapshot,
the server CPU per intake message, repeat suggestions, and the load itself — commands/s, latency p50/p95/p99 per
command type, commit-to-receipt p50/p99 over every board client, errors, server CPU and RSS, and the CPU this
process takes to drive the commands (it shares the machine with the server) — then pgbench on the same PostgreSQL
server (when found) for the ratio.

Options:
  --orgs <N>            organisations (default 2; 1–50)
  --cases <M>           stored cases per organisation (default 2000; 0–500000)
  --open <K>            open cases among them, the most recent (default 10 % of --cases)
  --due <K>             open cases per organisation whose due clocks are left for the scheduler to record
                        (default 0; measures the scheduler's catch-up before the server starts)
  --clients <C>         board clients in all, spread over the organisations (default 20; 0–2000)
  --client-processes <N>  processes the board clients run in, apart from the command driver (default 1; 1–8)
  --rate <R|max>        commands per second in all (default 20; 0.1–2000), or max: a closed loop of
                        --concurrency workers sending as fast as the server answers
  --concurrency <K>     most commands in flight at once (default 32; 1–512)
  --duration <S>        seconds of load (default 20; 1–600)
  --follow <web|push>   what a board client does on a change: web (default) as the web app does — applies the
                        pushed row, asks the socket's changes:since for the missed changes only after a skipped
                        sequence number; push only receives the broadcast
  --intake-samples <N>  intake messages sent one by one to measure server CPU per message (default 50; 0–5000)
  --repeat-samples <N>  repeat-suggestion queries to time (default 20; 0–1000)
  --pgbench <S>         seconds of pgbench on the same PostgreSQL server (default 10; 0 skips it; 1–300)
  --profile <dir>       write CPU profiles (scheduler catch-up, board snapshot, intake, load) to <dir> and summarise them
  --heap-snapshot <dir> write the server's heap to <dir> after the measurements (before the load) and after the
                        load (for Chrome DevTools' Memory tab: what holds its memory); writing one takes seconds and
                        memory of its own, so the load's RSS peak and latencies of such a run are not comparable
  --seed <N>            seed of the synthetic messages (default 1)
  --json                print the figures as one JSON document (progress still goes to stderr)
  --help                this text

Environment: DATABASE_URL=postgres://…@127.0.0.1/… runs on that PostgreSQL server (loopback addresses only);
OTKLIK_DB_POOL_SIZE sizes the server's pool of connections to it, as for otklik serve (default 10).
Exit codes: 0 done; 1 the run failed; 2 bad options.`;

export interface LoadOptions {
  readonly orgs: number;
  readonly cases: number;
  readonly open: number;
  readonly due: number;
  readonly clients: number;
  readonly clientProcesses: number;
  /** null: closed loop (max). */
  readonly rate: number | null;
  readonly concurrency: number;
  readonly durationS: number;
  readonly follow: Follow;
  readonly intakeSamples: number;
  readonly repeatSamples: number;
  readonly pgbenchS: number;
  readonly profileDir: string | null;
  readonly heapSnapshotDir: string | null;
  readonly seed: number;
  readonly json: boolean;
  readonly help: boolean;
  /** A PostgreSQL server URL (from DATABASE_URL), or null for the embedded database. */
  readonly databaseUrl: string | null;
  /** The server's pool of PostgreSQL connections (OTKLIK_DB_POOL_SIZE, read as `otklik serve` reads it). */
  readonly poolSize: number;
}

export { OptionsError };

function numberFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
  integer = true,
): number {
  if (value === undefined) return fallback;
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new OptionsError(`--${name} must be ${integer ? 'a whole number' : 'a number'}, got "${value}"`);
  }
  if (n < min || n > max) throw new OptionsError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return n;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '']);

/** A PostgreSQL URL on this machine, or an error: the harness never loads a server elsewhere. */
export function checkDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OptionsError('DATABASE_URL is not a URL (postgres://user@127.0.0.1:5432/db)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new OptionsError(`DATABASE_URL must be a postgres:// URL, got ${parsed.protocol}`);
  }
  const socketHost = parsed.searchParams.get('host');
  const loopback = LOOPBACK.has(parsed.hostname) && (socketHost === null || socketHost.startsWith('/'));
  if (!loopback) {
    throw new OptionsError(
      `DATABASE_URL points at ${parsed.hostname || socketHost}: the load harness runs on loopback only (127.0.0.1, ::1, localhost)`,
    );
  }
  return url;
}

export function parseLoadOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const { values, positionals } = parse(argv);
  if (positionals.length > 0) throw new OptionsError(`unexpected argument "${positionals[0]}"`);
  const cases = numberFlag('cases', values.cases, 2000, 0, 500_000);
  const open = numberFlag('open', values.open, Math.round(cases / 10), 0, cases);
  let rate: number | null;
  if (values.rate?.trim() === 'max') rate = null;
  else rate = numberFlag('rate', values.rate, 20, 0.1, 2000, false);
  const follow = values.follow ?? 'web';
  if (follow !== 'web' && follow !== 'push') throw new OptionsError(`--follow must be web or push, got "${follow}"`);
  const databaseUrl = env.DATABASE_URL ? checkDatabaseUrl(env.DATABASE_URL) : null;
  let poolSize: number;
  try {
    poolSize = readEnv({ OTKLIK_DB_POOL_SIZE: env.OTKLIK_DB_POOL_SIZE }).OTKLIK_DB_POOL_SIZE;
  } catch (error) {
    throw new OptionsError(error instanceof Error ? error.message.replace(/\n\s*/g, ' ') : String(error));
  }
  return {
    orgs: numberFlag('orgs', values.orgs, 2, 1, 50),
    cases,
    open,
    due: numberFlag('due', values.due, 0, 0, open),
    clients: numberFlag('clients', values.clients, 20, 0, 2000),
    clientProcesses: numberFlag('client-processes', values['client-processes'], 1, 1, 8),
    rate,
    concurrency: numberFlag('concurrency', values.concurrency, 32, 1, 512),
    durationS: numberFlag('duration', values.duration, 20, 1, 600),
    follow,
    intakeSamples: numberFlag('intake-samples', values['intake-samples'], 50, 0, 5000),
    repeatSamples: numberFlag('repeat-samples', values['repeat-samples'], 20, 0, 1000),
    pgbenchS: values.pgbench === '0' ? 0 : numberFlag('pgbench', values.pgbench, 10, 1, 300),
    profileDir: values.profile ?? null,
    heapSnapshotDir: values['heap-snapshot'] ?? null,
    seed: numberFlag('seed', values.seed, 1, 0, 2 ** 31),
    json: values.json ?? false,
    help: values.help ?? false,
    databaseUrl,
    poolSize,
  };
}

function parse(argv: readonly string[]) {
  return strictFlags(
    argv,
    {
      orgs: { type: 'string' },
      cases: { type: 'string' },
      open: { type: 'string' },
      due: { type: 'string' },
      clients: { type: 'string' },
      'client-processes': { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
      duration: { type: 'string' },
      follow: { type: 'string' },
      'intake-samples': { type: 'string' },
      'repeat-samples': { type: 'string' },
      pgbench: { type: 'string' },
      profile: { type: 'string' },
      'heap-snapshot': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
}
