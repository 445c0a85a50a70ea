// Starts the Otklik server for a browser test in a child process, on a free port of 127.0.0.1 with a temporary
// data directory, and stops it (or restarts it on the same port and data, for the self-healing test).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const nodeMain = fileURLToPath(new URL('./node-main.ts', import.meta.url));
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

function spawnNode(port: number, dataDir: string): Promise<{ proc: ChildProcess; log: () => string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', nodeMain], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), OTKLIK_DATA_DIR: dataDir, WEB_DIST: webDist },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
      log += d;
    });
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${log}`)), 90_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${log}`));
    });
    createInterface({ input: proc.stdout! }).once('line', () => {
      clearTimeout(timer);
      resolve({ proc, log: () => log });
    });
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

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-e2e-'));
  const port = await freePort();
  let current = await spawnNode(port, dataDir);
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    port,
    stop: () => stopProc(current.proc),
    async restart() {
      await stopProc(current.proc);
      current = await spawnNode(port, dataDir);
    },
    async dispose() {
      await stopProc(current.proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
    stderr: () => current.log(),
  };
}
