// The production build as an administrator runs it: `pnpm build`, then the server package deployed alone
// (`pnpm --filter @otklik/server deploy --prod`, what deploy/Dockerfile does) into a directory outside the repository,
// then `node dist/otklik.mjs …` with no tsx and no build step:
// - `otklik init` (scripted) on a PostgreSQL database, then `serve` without demo data signs in the created
//   administrator and prints no demo login (needs TEST_DATABASE_URL);
// - as a non-root user, `serve` answers its health check and stops on SIGTERM within 10 s (needs root to switch
//   user; .ci/run runs as root and sets OTKLIK_REQUIRE_DEPLOY_CHECK=1 so a skip there is a failure).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../apps/server/src/test/free-port';
import { repoRoot } from '../e2e/support/server';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
const isRoot = process.getuid?.() === 0;
const NOBODY = 65_534;
const required = process.env.OTKLIK_REQUIRE_DEPLOY_CHECK === '1';
const ADMIN_PASSWORD = 'первый-администратор-2027';

if (!isRoot) {
  const message = 'the non-root start of the built server needs root to switch users (CI runs it as root)';
  if (required) throw new Error(`OTKLIK_REQUIRE_DEPLOY_CHECK=1 but ${message}`);
  process.stderr.write(`NOTICE: ${message}: skipped.\n`);
}
if (!TEST_DATABASE_URL) {
  process.stderr.write(
    'NOTICE: TEST_DATABASE_URL is not set: the init → serve → sign-in check of the build is skipped.\n',
  );
}

interface Started {
  readonly proc: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the deployed entry; as `nobody` when we are root, so the server never runs with more rights than needed. */
function runEntry(deployDir: string, args: string[], env: Record<string, string>, input?: string) {
  return spawn(process.execPath, [join(deployDir, 'dist/otklik.mjs'), ...args], {
    cwd: deployDir,
    // A clean environment: nothing of the repository's (no tsx loader, no NODE_OPTIONS) leaks in.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OTKLIK_LOG_LEVEL: 'info', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

function collect(proc: ChildProcess): () => string {
  let out = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  return () => out;
}

async function runToEnd(deployDir: string, args: string[], env: Record<string, string>, input: string) {
  const proc = runEntry(deployDir, args, env, input);
  const output = collect(proc);
  proc.stdin?.end(input);
  const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
  return { code, output: output() };
}

/** The health endpoint: /livez once the server has it, /healthz until then (a JSON answer, not the web app). */
async function healthy(url: string): Promise<boolean> {
  for (const path of ['/livez', '/healthz']) {
    const res = await fetch(`${url}${path}`).catch(() => null);
    if (res?.ok && (res.headers.get('content-type') ?? '').includes('json')) return true;
  }
  return false;
}

async function serve(deployDir: string, env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const proc = runEntry(deployDir, ['serve', '--port', String(port), '--host', '127.0.0.1'], env);
  const output = collect(proc);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the built server exited with ${proc.exitCode}:\n${output()}`);
    if (await healthy(url)) return { proc, url, output, exited };
    if (Date.now() > until) throw new Error(`the built server did not answer in 90 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stop(server: Started): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const sent = Date.now();
  server.proc.kill('SIGTERM');
  const killer = setTimeout(() => server.proc.kill('SIGKILL'), 30_000);
  const result = await server.exited;
  clearTimeout(killer);
  return { ...result, ms: Date.now() - sent };
}

async function signIn(url: string, login: string, password: string) {
  return fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
}

describe.skipIf(!isRoot && !TEST_DATABASE_URL)('the built server, deployed alone', () => {
  let deployDir = '';
  beforeAll(() => {
    // Builds only when a source changed since the last build (.ci/run has just built).
    execFileSync(process.execPath, ['apps/server/scripts/build.mjs', '--if-stale'], { cwd: repoRoot, stdio: 'pipe' });
    deployDir = mkdtempSync(join(tmpdir(), 'otklik-deploy-'));
    rmSync(deployDir, { recursive: true });
    execFileSync('pnpm', ['--filter', '@otklik/server', 'deploy', '--prod', '--legacy', deployDir], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
    chmodSync(deployDir, 0o755);
  }, 300_000);
  afterAll(() => {
    if (deployDir) rmSync(deployDir, { recursive: true, force: true });
  });

  it('holds the compiled entry, its migrations and the web app, and only production dependencies', () => {
    for (const file of ['dist/otklik.mjs', 'dist/drizzle/meta/_journal.json', 'dist/web/index.html']) {
      expect(existsSync(join(deployDir, file)), file).toBe(true);
    }
    for (const dev of ['tsx', 'vitest', 'esbuild', 'typescript', '@otklik/domain']) {
      expect(existsSync(join(deployDir, 'node_modules', dev)), dev).toBe(false);
    }
  });

  it.skipIf(!TEST_DATABASE_URL)(
    'init (scripted) on PostgreSQL, then serve without demo data signs in the created administrator',
    async () => {
      const name = `otklik_deploy_${Date.now().toString(36)}`;
      const admin = postgres(TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const dataDir = mkdtempSync(join(tmpdir(), 'otklik-deploy-data-'));
      if (isRoot) chownSync(dataDir, NOBODY, NOBODY);
      const env = { DATABASE_URL: url.toString(), OTKLIK_DATA_DIR: dataDir };
      try {
        const init = await runToEnd(
          deployDir,
          [
            'init',
            '--name',
            'Администрация Конышевского района',
            '--preset',
            'konyshevsky-2020',
            '--time-zone',
            'Europe/Moscow',
            '--admin-login',
            'glava-admin',
            '--admin-name',
            'Иванова Мария Петровна',
            '--password-stdin',
          ],
          env,
          `${ADMIN_PASSWORD}\n`,
        );
        expect(init.code, init.output).toBe(0);
        expect(init.output).toContain('glava-admin');

        const server = await serve(deployDir, env);
        try {
          const ok = await signIn(server.url, 'glava-admin', ADMIN_PASSWORD);
          expect(ok.status).toBe(200);
          expect(ok.headers.get('set-cookie')).toMatch(/otklik_session=/);
          const body = (await ok.json()) as {
            result: { data: { user: { roles: string[]; regionAdministrator: boolean } } };
          };
          expect(body.result.data.user).toMatchObject({ roles: ['administrator'], regionAdministrator: true });
          // No demo data: the demo accounts do not exist, and nothing printed mentions them.
          expect((await signIn(server.url, 'curator', 'demo')).status).toBe(401);
          expect(server.output()).not.toMatch(/demo|Демо/i);
          // The web app comes from the build.
          const page = await fetch(`${server.url}/`);
          expect(await page.text()).toContain('<div id="root">');
        } finally {
          const stopped = await stop(server);
          expect(stopped.code, server.output()).toBe(0);
        }
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!isRoot)('runs as a non-root user from the copy alone and stops on SIGTERM within 10 s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'otklik-deploy-data-'));
    chownSync(dataDir, NOBODY, NOBODY);
    try {
      const server = await serve(deployDir, { OTKLIK_DATA_DIR: dataDir });
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${server.proc.pid}/status`, 'utf8'))?.[1];
      expect(uid).toBe(String(NOBODY));
      // A fresh installation without --demo offers the first-run page, with its code in the log.
      expect(server.output()).toMatch(/\/setup\?code=[A-Z0-9-]{24}/);
      const stopped = await stop(server);
      expect(stopped, server.output()).toMatchObject({ code: 0, signal: null });
      expect(stopped.ms).toBeLessThan(10_000);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
