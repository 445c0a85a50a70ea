// Starts the Otklik server for a browser test as a child process (`otklik serve`), on a free port of 127.0.0.1 with
// a temporary data directory and its demo data (or none), and stops it (or restarts it on the same port and data directory).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, pgliteDirectory } from '../../../apps/server/src/db/connect';
import { migrateDatabase } from '../../../apps/server/src/db/migrate';
import { migratedPgliteKey } from '../../../apps/server/src/test/databases';
import { freePort } from '../../../apps/server/src/test/free-port';
import { otklikNodeArgs } from '../../support/otklik-command';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const webDist = join(repoRoot, 'apps/web/dist');

/** Builds the web app the server serves (a few seconds), unless OTKLIK_E2E_SKIP_BUILD=1 and a build exists. */
export function buildWeb(): void {
  if (process.env.OTKLIK_E2E_SKIP_BUILD === '1' && existsSync(join(webDist, 'index.html'))) return;
  execFileSync('pnpm', ['--filter', '@otklik/web', 'build'], { cwd: repoRoot, stdio: 'pipe' });
}

export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  readonly port: number;
  /** Graceful stop (SIGTERM), waiting for the exit. */
  stop(): Promise<void>;
  /** Stops and starts again on the same port and data directory. */
  restart(): Promise<void>;
  /** Stops and removes the data directory. */
  dispose(): Promise<void>;
  stderr(): string;
}

/** Runs the real `otklik serve` (the compiled one when current: tests/support/otklik-command.ts) and waits until
 *  /healthz answers. */
function spawnNode(
  port: number,
  dataDir: string,
  demo: boolean,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<{ proc: ChildProcess; log: () => string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...otklikNodeArgs(), 'serve', ...(demo ? ['--demo'] : [])], {
      cwd: repoRoot,
      env: { ...process.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1', OTKLIK_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const append = (d: string) => {
      log += d;
    };
    proc.stdout?.setEncoding('utf8').on('data', append);
    proc.stderr?.setEncoding('utf8').on('data', append);
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      if (error) reject(error);
      else resolve({ proc, log: () => log });
    };
    // A busy machine (several test runs at once) may need longer: OTKLIK_E2E_START_TIMEOUT_S raises the limit.
    const limitS = Number(process.env.OTKLIK_E2E_START_TIMEOUT_S ?? 180) || 180;
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      finish(new Error(`server did not start in ${limitS} s:\n${log}`));
    }, limitS * 1000);
    proc.once('exit', (code) => finish(new Error(`server exited with ${code} before it was ready:\n${log}`)));
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => {
          if (r.ok) finish(null);
        })
        .catch(() => {});
    }, 250);
  });
}

function stopProc(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/**
 * A migrated, empty embedded database, made once per PGlite version and set of migrations and copied into each
 * test's data directory: creating one (initdb) costs ~6 s of CPU, copying it a fraction of a second. The server
 * still runs its migrations (a no-op) and all its first-start work (demo seed, setup code) as on a new installation;
 * starting from an empty directory is covered by the deploy and CLI tests (their own directories).
 */
async function emptyDatabaseTemplate(): Promise<string> {
  const template = join(tmpdir(), `otklik-e2e-pglite-${migratedPgliteKey()}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const work = mkdtempSync(join(tmpdir(), 'otklik-e2e-template-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: work, lock: false });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
    // Renamed into place whole: a run that made it at the same time keeps its own.
    if (!existsSync(template)) renameSync(pgliteDirectory(work), template);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return template;
}

/** A new data directory for a server, its embedded database already created (see `emptyDatabaseTemplate`). */
export async function newDataDir(prefix = 'otklik-e2e-'): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(await emptyDatabaseTemplate(), pgliteDirectory(dataDir), { recursive: true });
  return dataDir;
}

/** `demo: false` starts a fresh installation (no organisation: the first-run page); `env`: extra environment of the
 *  server (e.g. OTKLIK_SECRET_KEY for channel tokens). */
export async function startTestServer(
  options: { demo?: boolean; env?: Readonly<Record<string, string>> } = {},
): Promise<TestServer> {
  const demo = options.demo ?? true;
  const dataDir = await newDataDir();
  const port = await freePort();
  let current = await spawnNode(port, dataDir, demo, options.env);
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    port,
    stop: () => stopProc(current.proc),
    async restart() {
      await stopProc(current.proc);
      current = await spawnNode(port, dataDir, demo, options.env);
    },
    async dispose() {
      await stopProc(current.proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
    stderr: () => current.log(),
  };
}
