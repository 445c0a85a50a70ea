// The HTTP server end to end: /healthz, tRPC over HTTP with the session cookie, the web app's files with the SPA
// fallback, the "not built" page, and bad requests.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture, type OrgFixture, TEST_PASSWORD } from '../test/fixtures';
import { fakeWebDist } from '../test/temp-dirs';
import { SERVER_VERSION } from '../version';
import { type RunningServer, startServer } from './server';

describeEachDatabase('http server', (getDb) => {
  let server: RunningServer;
  let bare: RunningServer;
  let org: OrgFixture;
  const dist = fakeWebDist('otklik-dist-', 'Otklik SPA');
  beforeAll(async () => {
    server = await startServer({ database: getDb(), webDistDir: dist });
    bare = await startServer({ database: getDb(), webDistDir: join(dist, 'missing') });
    org = await createOrgFixture(server.deps);
  });
  afterAll(async () => {
    await server.close();
    await bare.close();
  });

  it('reports health with the database and the version', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      version: SERVER_VERSION,
      database: { ok: true, kind: getDb().kind },
    });
  });

  it('logs in over HTTP with an httpOnly cookie and uses it for the next request', async () => {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: org.people.curator.login, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/otklik_session=.+HttpOnly; SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;
    const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } });
    const body = (await me.json()) as { result: { data: { user: { personId: string } } } };
    expect(body.result.data.user.personId).toBe(org.people.curator.id);
    const board = await fetch(`${server.url}/trpc/cases.board`, { headers: { cookie } });
    expect(board.status).toBe(200);
  });

  it('answers 401 with a Russian message without a session', async () => {
    const res = await fetch(`${server.url}/trpc/cases.board`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string; data: { appCode: string } } };
    expect(body.error.message).toContain('Войдите');
    expect(body.error.data.appCode).toBe('UNAUTHORIZED');
  });

  it('a domain refusal carries its key and parameters for the client to word, its message in the request’s language', async () => {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: org.people.curator.login, password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const input = encodeURIComponent(JSON.stringify({ step: 'explain', from: Date.UTC(2026, 10, 24, 7, 0) }));
    type Refused = { error: { message: string; data: { key: string | null; params: Record<string, unknown> | null } } };
    const preview = async (headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/trpc/calendar.preview?input=${input}`, {
        headers: { cookie, ...headers },
      });
      expect(res.status).toBe(422);
      return ((await res.json()) as Refused).error;
    };
    const russian = await preview({});
    expect(russian.data.key).toBe('profile.no-step');
    expect(russian.data.params).toMatchObject({ step: 'explain' });
    expect(russian.message).toMatch(/^В профиле .+ нет шага «explain»; есть: /);
    expect(russian.message).not.toContain(' / ');
    const english = await preview({ 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' });
    expect(english.data).toEqual(russian.data);
    expect(english.message).toMatch(/^Profile .+ has no step 'explain'; it has: /);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"login": ',
    });
    expect(res.status).toBe(400);
  });

  it('serves the web app with an SPA fallback and 404 for a missing asset', async () => {
    const root = await fetch(`${server.url}/`);
    expect(await root.text()).toContain('Otklik SPA');
    const route = await fetch(`${server.url}/cases/123`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Otklik SPA');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2F..%2Fetc%2Fpasswd`)).status).not.toBe(500);
  });

  it('says clearly on / when the web app is not built', async () => {
    const res = await fetch(`${bare.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Веб-интерфейс не собран');
    expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
