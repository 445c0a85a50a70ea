// Starts the Otklik server for a browser test as a child process (`otklik serve`), on a free port of 127.0.0.1 with
// a temporary data directory and its demo data (or none), and stops it (or restarts it on the same port and data directory).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cliMain = join(repoRoot, 'apps/server/src/cli/main.ts');
export const webDist = join(repoRoot, 'apps/web/dist');

/** Builds the web app the server serves (a few seconds), unless OTKLIK_E2E_SKIP_BUILD=1 and a build exists. */
export function buildWeb(): void {
  if (process.env.OTKLIK_E2E_SKIP_BUILD === '1' && existsSync(join(webDist, 'index.html'))) return;
  execFileSync('pnpm', ['--filter', '@otklik/web', 'build'], { cwd: repoRoot, stdio: 'pipe' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
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

/** Runs the real `otklik serve` (as the README's `pnpm start` does) and waits until /healthz answers. */
function spawnNode(
  port: number,
  dataDir: string,
  demo: boolean,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<{ proc: ChildProcess; log: () => string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', cliMain, 'serve', ...(demo ? ['--demo'] : [])], {
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
    // OTKLIK_E2E_START_MS: a longer wait on a loaded machine (the demo seeding is CPU-bound).
    const startMs = Number(process.env.OTKLIK_E2E_START_MS) || 90_000;
    const timer = setTimeout(() => finish(new Error(`server did not start in ${startMs / 1000} s:\n${log}`)), startMs);
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

/** `demo: false` starts a fresh installation (no organisation: the first-run page); `env`: extra environment of the
 *  server (e.g. OTKLIK_SECRET_KEY for channel tokens). */
export async function startTestServer(
  options: { demo?: boolean; env?: Readonly<Record<string, string>> } = {},
): Promise<TestServer> {
  const demo = options.demo ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-'));
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
