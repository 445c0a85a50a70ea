// Issue 11 items 11-12, the attacks re-run: a page on another port (or a sibling subdomain) posting to tRPC with the
// victim's cookie — as JSON, as a form (multipart, `curl -F`), as text — uploading a planted file, and opening the
// socket to read the event log. Only the app's own origin may act with the session cookie; tRPC takes JSON only.
import { serverMessageIn } from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  connected,
  loginCookie,
  type SecurityNode,
  socketOf,
  startSecurityNode,
  startSignedIn,
} from './support/server';

describe('cross-site requests', () => {
  let s: SecurityNode;
  let admin: string;
  let curator: string;
  let foreign: string;
  const figures = { refused: 0, accepted: 0 };

  beforeAll(async () => {
    ({
      s,
      cookies: { admin, curator },
    } = await startSignedIn(['admin', 'curator']));
    const port = Number(new URL(s.url).port);
    foreign = `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}`;
    await call(s.url, 'calendar.setOverrides', 'mutation', { extraDaysOff: ['2026-12-31'] }, admin);
  });
  afterAll(async () => {
    await s?.close();
    process.stdout.write(`\ncsrf: ${figures.refused} cross-site attempts refused, ${figures.accepted} accepted\n`);
  });

  const post = (path: string, init: { cookie?: string; origin?: string | null; type?: string; body: BodyInit }) =>
    fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: {
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.origin ? { origin: init.origin } : {}),
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.body,
    });
  const overrides = async () =>
    (
      await call<{ overrides: { extraDaysOff?: string[] } }>(
        s.url,
        'calendar.days',
        'query',
        { from: '2026-12-31', to: '2026-12-31' },
        admin,
      )
    ).data.overrides;
  const signedIn = async (cookie: string) =>
    (await call<{ user: unknown }>(s.url, 'auth.me', 'query', undefined, cookie)).data.user !== null;
  const count = (status: number) => {
    if (status === 403 || status === 415) figures.refused++;
    else figures.accepted++;
    return status;
  };

  it('refuses state changes from another origin, without an origin, and in any body but JSON', async () => {
    const wipe = JSON.stringify({});
    // A page on another port, JSON with the cookie (a fetch the browser would send with credentials).
    expect(
      count(
        (
          await post('/trpc/calendar.setOverrides', {
            cookie: admin,
            origin: foreign,
            type: 'application/json',
            body: wipe,
          })
        ).status,
      ),
    ).toBe(403);
    // The same without any Origin (a client that hides it).
    expect(
      count(
        (
          await post('/trpc/calendar.setOverrides', {
            cookie: admin,
            origin: null,
            type: 'application/json',
            body: wipe,
          })
        ).status,
      ),
    ).toBe(403);
    // A plain HTML form: multipart and text/plain, even claiming our own origin.
    const form = new FormData();
    form.set('a', 'b');
    expect(
      count((await post('/trpc/calendar.setOverrides', { cookie: admin, origin: s.url, body: form })).status),
    ).toBe(415);
    expect(
      count(
        (await post('/trpc/calendar.setOverrides', { cookie: admin, origin: s.url, type: 'text/plain', body: wipe }))
          .status,
      ),
    ).toBe(415);
    expect(
      count((await post('/trpc/calendar.setOverrides', { cookie: admin, origin: foreign, body: form })).status),
    ).toBe(403);
    expect(await overrides()).toEqual({ extraDaysOff: ['2026-12-31'] });
    // `curl -F a=b …/trpc/auth.logout` with the victim's cookie: still signed in.
    expect(count((await post('/trpc/auth.logout', { cookie: curator, body: form })).status)).toBe(403);
    expect(
      count(
        (await post('/trpc/auth.logout', { cookie: curator, origin: foreign, type: 'application/json', body: '{}' }))
          .status,
      ),
    ).toBe(403);
    expect(await signedIn(curator)).toBe(true);
    // A planted upload from another origin.
    const planted = await fetch(`${s.url}/api/attachments?caseId=00000000-0000-4000-8000-000000000000&name=x.pdf`, {
      method: 'POST',
      headers: { cookie: curator, origin: foreign, 'content-type': 'application/pdf' },
      body: '%PDF',
    });
    expect(count(planted.status)).toBe(403);
    // The refusal says why as a catalogue key and parameters, worded in each reader's language.
    const { error } = (await planted.json()) as { error: { key: string; params: Record<string, unknown> } };
    expect(error).toMatchObject({ key: 'http.origin-refused', params: { reason: 'foreign', origin: foreign } });
    expect(serverMessageIn(error.key, error.params, 'ru')).toBe(`Запрос отклонён: запрос с чужого адреса ${foreign}`);
    expect(serverMessageIn(error.key, error.params, 'en')).toBe('request refused: request from a foreign origin');
  });

  it('accepts the same requests from the app’s own page', async () => {
    const ok = await post('/trpc/calendar.setOverrides', {
      cookie: admin,
      origin: s.url,
      type: 'application/json',
      body: JSON.stringify({ extraDaysOff: ['2026-12-30'] }),
    });
    expect(ok.status).toBe(200);
    expect(await overrides()).toEqual({ extraDaysOff: ['2026-12-30'] });
    // Sign-in carries no session yet: machine clients (and tests) may omit Origin; a foreign one is refused.
    expect(
      (
        await post('/trpc/auth.login', {
          origin: foreign,
          type: 'application/json',
          body: JSON.stringify({ login: 'x', password: 'y' }),
        })
      ).status,
    ).toBe(403);
  });

  it('refuses the socket handshake with the cookie from another origin (WebSocket hijacking)', async () => {
    // WebSocket upgrade: refused (403) before any event flows.
    const hijack = socketOf(s.url, curator, { origin: foreign });
    await expect(connected(hijack)).rejects.toThrow();
    hijack.close();
    // Long polling shows the server's reason.
    const polled = socketOf(s.url, curator, { origin: foreign, polling: true });
    await expect(connected(polled)).rejects.toThrow();
    polled.close();
    // No Origin, but the browser says the request comes from another site.
    const crossSite = await fetch(`${s.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { cookie: curator, 'sec-fetch-site': 'same-site' },
    });
    expect(crossSite.status).toBe(403);
    const handshake = await fetch(`${s.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { cookie: curator, origin: foreign },
    });
    expect(handshake.status).toBe(403);
    expect(await handshake.text()).toMatch(/чужого адреса/);
    const own = socketOf(s.url, curator);
    await connected(own);
    own.close();
    figures.refused += 2;
  });

  it('with a public URL, a sibling subdomain is another origin', async () => {
    const pub = await startSecurityNode({ publicUrl: 'https://otklik.city.example', attachmentsDir: null });
    try {
      const cookie = await loginCookie(pub.url, pub.org.people.admin.login, undefined, {
        origin: 'https://otklik.city.example',
      });
      const sibling = await fetch(`${pub.url}/trpc/calendar.setOverrides`, {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.city.example', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(count(sibling.status)).toBe(403);
      const own = await fetch(`${pub.url}/trpc/calendar.setOverrides`, {
        method: 'POST',
        headers: { cookie, origin: 'https://otklik.city.example', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(own.status).toBe(200);
    } finally {
      await pub.close();
    }
  });
});
