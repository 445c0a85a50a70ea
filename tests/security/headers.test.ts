// Issue 11 item 13: security headers on every response (CSP fitted to the SPA, no framing anywhere, nosniff, no
// Referer), and source maps only in development.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../apps/server/src/http/server';
import { fakeWebDist } from '../../apps/server/src/test/temp-dirs';
import viteConfig from '../../apps/web/vite.config';

let server: RunningServer;
const dist = fakeWebDist('otklik-headers-', 'Otklik');
beforeAll(async () => {
  server = await startServer({ webDistDir: dist });
});
afterAll(async () => {
  await server.close();
});

it.each(['/', '/board', '/assets/app.js', '/trpc/auth.me', '/healthz', '/api/nothing'])(
  '%s carries the headers',
  async (path) => {
    const res = await fetch(`${server.url}${path}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // Plain http here: no HSTS, no upgrade of requests.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  },
);

it('source maps are built only in development', async () => {
  const resolve = viteConfig as unknown as (env: { mode: string; command: string }) => {
    build?: { sourcemap?: unknown };
  };
  expect(typeof resolve).toBe('function');
  expect(resolve({ mode: 'production', command: 'build' }).build?.sourcemap).toBe(false);
  expect(resolve({ mode: 'development', command: 'build' }).build?.sourcemap).toBe(true);
});

it('unknown /api paths, /metrics look-alikes and /healthz variants answer JSON 404, never the web app', async () => {
  for (const path of [
    '/api',
    '/api/',
    '/api/v2/cases',
    '/metrics/',
    '/prometheus',
    '/healthz/',
    '/healthz.json',
    '/health',
    '/readyz/x',
    '/livez/',
  ]) {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(404);
    expect(res.headers.get('content-type'), path).toContain('application/json');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  }
  for (const path of ['/livez', '/readyz', '/healthz'])
    expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
  // /metrics itself is Prometheus text (answered here because the request comes straight from this machine).
  const metrics = await fetch(`${server.url}/metrics`);
  expect(metrics.status).toBe(200);
  expect(metrics.headers.get('content-type')).toContain('text/plain');
});
