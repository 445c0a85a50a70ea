// A PostgreSQL server of a fault test's own (Debian's postgresql binaries, initdb + pg_ctl in a temp directory, as
// the postgres user when the tests run as root), on a free loopback port: restarted, stopped fast or immediately,
// frozen with SIGSTOP, with TLS from a self-signed certificate when asked. Every server stops with its test.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../apps/server/src/test/free-port';

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
}

const isRoot = process.getuid?.() === 0;

function run(cmd: string, args: string[], options: { allowFail?: boolean } = {}): string {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && !options.allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  }
  return r.stdout;
}

export interface PgServer {
  readonly port: number;
  readonly dir: string;
  /** postgres://postgres@127.0.0.1:port/<db> */
  url(database?: string): string;
  start(): void;
  stop(mode: 'fast' | 'immediate'): void;
  restart(mode: 'fast' | 'immediate'): void;
  /** SIGSTOP / SIGCONT to every process of the server (a frozen database: connections stay open, nothing answers). */
  freeze(): void;
  thaw(): void;
  /** Stops the server (immediately) and removes its directory. */
  destroy(): void;
}

export async function startPgServer(options: { ssl?: boolean } = {}): Promise<PgServer> {
  const bin = pgBin();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'otklik-fault-pg-'));
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const conf: string[] = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'fsync = off',
    'max_connections = 60',
  ];
  if (options.ssl) {
    // A self-signed certificate, as a small installation would have.
    const key = join(data, 'server.key');
    const crt = join(data, 'server.crt');
    run('openssl', [
      'req',
      '-new',
      '-x509',
      '-days',
      '2',
      '-nodes',
      '-subj',
      '/CN=otklik-test-db',
      '-keyout',
      key,
      '-out',
      crt,
    ]);
    run('chmod', ['600', key]);
    conf.push('ssl = on', "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'");
  }
  const confPath = join(data, 'postgresql.conf');
  // Written as the postgres user (the data directory is theirs).
  const extra = join(dir, 'extra.conf');
  writeFileSync(extra, `${conf.join('\n')}\n`);
  if (isRoot) chownSync(extra, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  run('sh', ['-c', `cat '${extra}' >> '${confPath}'`]);
  const ctl = (...args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), ...args]);
  const pids = (): number[] => {
    const master = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(master)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    return [master, ...children];
  };
  const server: PgServer = {
    port,
    dir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      if (!existsSync(join(data, 'postmaster.pid'))) ctl('-w', '-t', '60', 'start');
    },
    stop: (mode) => void ctl('-w', '-t', '60', '-m', mode, 'stop'),
    restart(mode) {
      server.stop(mode);
      server.start();
    },
    freeze() {
      for (const pid of pids()) process.kill(pid, 'SIGSTOP');
    },
    thaw() {
      for (const pid of pids()) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {}
      }
    },
    destroy() {
      try {
        server.thaw();
      } catch {}
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { allowFail: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
