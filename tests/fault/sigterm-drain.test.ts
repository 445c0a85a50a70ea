// Issue 11 item 5 (second half): SIGTERM must drain — stop accepting connections, let the requests in flight finish
// within a bound (OTKLIK_SHUTDOWN_GRACE_MS), answer them with `Connection: close` so no client reuses a connection the
// node is about to close, then exit 0 — instead of resetting them. Runs the real `otklik serve` with a slow request
// in flight.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../apps/server/src/test/free-port';
import { eventually, repoRoot } from '../realtime/support/harness';
import { probe } from './support/nodes';

let serve: ChildProcess;
let port: number;
let output = '';
const dataDir = mkdtempSync(join(tmpdir(), 'otklik-drain-'));

beforeAll(async () => {
  port = await freePort();
  serve = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/main.ts', 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), OTKLIK_DATA_DIR: dataDir, OTKLIK_NO_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stdout?.on('data', (d) => {
    output += d;
  });
  serve.stderr?.on('data', (d) => {
    output += d;
  });
  await eventually(async () => {
    const h = await probe(`http://127.0.0.1:${port}/livez`, 2_000).catch(() => 'down' as const);
    return h !== 'down' && h !== 'timeout' && h.status === 200 ? true : undefined;
  }, 90_000);
}, 180_000);

afterAll(() => {
  serve?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A raw HTTP request whose body arrives in two halves, `gapMs` apart: in flight for that long. */
function slowRequest(body: string, gapMs: number, onHalf: () => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcp(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => {
      answer += d;
    });
    socket.on('error', (e) => {
      answer += ` [${(e as NodeJS.ErrnoException).code}]`;
    });
    socket.on('close', () => resolve(answer));
    socket.on('connect', () => {
      socket.write(
        `POST /trpc/auth.login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
      );
      onHalf();
      setTimeout(() => socket.write(body.slice(5)), gapMs);
    });
  });
}

it('finishes requests in flight, refuses new connections, and exits 0', async () => {
  const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
  const answer = slowRequest(JSON.stringify({ login: 'nobody', password: 'wrong-password' }), 1_500, () => {
    setTimeout(() => serve.kill('SIGTERM'), 300);
  });
  // After SIGTERM: no new connection is accepted.
  await new Promise((r) => setTimeout(r, 900));
  const fresh = await probe(`http://127.0.0.1:${port}/livez`, 5_000).catch((e: Error) => e);
  expect(fresh).toBeInstanceOf(Error);
  // The request in flight got its whole answer (a refusal of the wrong password), not a reset.
  const text = await answer;
  expect(text, output).toMatch(/^HTTP\/1\.1 401/);
  expect(text).toContain('Неверный логин или пароль');
  expect(text).not.toContain('ECONNRESET');
  // …and tells the client not to reuse the connection this node is closing (a reused kept-alive connection met a reset).
  expect(text.toLowerCase()).toContain('connection: close');
  expect(await exited).toBe(0);
});
