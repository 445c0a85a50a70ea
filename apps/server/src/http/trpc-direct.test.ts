// The direct path for tRPC calls answers exactly as tRPC's own handler: each request goes to a server that only
// takes it directly (or says it did not) and to one with tRPC's handler only, and the status, the headers that matter
// and the JSON must be the same. What the direct path does not take is listed too (it falls to tRPC there).
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AnyTRPCRouter, initTRPC } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDeps } from '../deps';
import { createDeps } from '../deps';
import { freshLink, ROADS_TRIAGE, vkComment } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture, type OrgFixture, signIn, signInCookie, TEST_PASSWORD } from '../test/fixtures';
import { appRouter } from '../trpc/app-router';
import { type RunningServer, requestContext, startServer } from './server';
import { createDirectCalls } from './trpc-direct';

const BASE = '/trpc/';
const MAX_BODY = 64 * 1024;
/** The direct-only server's answer to a request it did not take. */
const NOT_TAKEN = 599;

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sent in chunks, without a Content-Length. */
  chunked?: boolean;
}

interface Answer {
  status: number;
  contentType: string | undefined;
  vary: string | undefined;
  setCookie: boolean;
  json: unknown;
}

function send(url: string, sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(sent.body ?? '', 'utf8');
    // A read goes as the web app sends it: no type, no body.
    const read = sent.method === 'GET' || sent.method === 'HEAD';
    const headers: Record<string, string | number> = read
      ? { ...sent.headers }
      : { 'content-type': 'application/json', ...sent.headers };
    if (sent.chunked) headers['transfer-encoding'] = 'chunked';
    else if (!read) headers['content-length'] = body.length;
    const req = request(`${url}${sent.path}`, { method: sent.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {}
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          vary: res.headers.vary,
          setCookie: res.headers['set-cookie'] !== undefined,
          json,
        });
      });
    });
    req.on('error', reject);
    if (sent.chunked && body.length > 0) {
      req.write(body.subarray(0, 1));
      req.end(body.subarray(1));
    } else req.end(body);
  });
}

/** The answer with what differs between two calls made a moment apart on different cases (their ids, the moments
 *  and sequence numbers in it) put as placeholders; a stack trace (only a router without Otklik's error formatter
 *  sends one) too. */
function alike(answer: Answer, caseIds: readonly string[] = []): Answer {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return caseIds.includes(value) ? '<case>' : value;
    if (typeof value === 'number') return value > 1e12 ? '<moment>' : value;
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === 'seq' ? '<seq>' : k === 'stack' ? '<stack>' : walk(v)]),
      );
    }
    return value;
  };
  return { ...answer, json: walk(answer.json) };
}

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<[Server, string]> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`];
}

/** Two servers for `router`: one that answers only what the direct path takes (NOT_TAKEN for the rest), one with
 *  tRPC's handler only. */
async function pairOfServers(
  router: AnyTRPCRouter,
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
): Promise<{ servers: Server[]; directUrl: string; trpcUrl: string }> {
  const direct = createDirectCalls({ router, basePath: BASE, maxBodySize: MAX_BODY, createContext });
  const trpc = createHTTPHandler({
    router,
    basePath: BASE,
    maxBodySize: MAX_BODY,
    createContext: ({ req, res }) => createContext(req, res),
  });
  const [a, directUrl] = await listen((req, res) => {
    if (direct.take(req, res)) return;
    req.resume();
    res.statusCode = NOT_TAKEN;
    res.end();
  });
  const [b, trpcUrl] = await listen((req, res) => trpc(req, res));
  return { servers: [a, b], directUrl, trpcUrl };
}

describeEachDatabase('tRPC calls answered directly', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;
  let servers: Server[] = [];
  let directUrl: string;
  let trpcUrl: string;
  let curator: string;
  let observer: string;
  beforeAll(async () => {
    deps = createDeps({ database: getDb() });
    org = await createOrgFixture(deps);
    ({ servers, directUrl, trpcUrl } = await pairOfServers(appRouter, requestContext(deps)));
    curator = await signInCookie(deps, org.people.curator.login);
    observer = await signInCookie(deps, org.people.observer.login);
  });
  afterAll(async () => {
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
  });

  /** A registered case at version 1, for a command that changes it. */
  const registered = async () => {
    const operator = await signIn(deps, org.people.operator.login);
    return (await operator.cases.register(vkComment(freshLink()))).caseId;
  };

  const both = async (sent: Sent) => {
    const [direct, trpc] = await Promise.all([send(directUrl, sent), send(trpcUrl, sent)]);
    expect(direct.status).not.toBe(NOT_TAKEN);
    expect(alike(direct)).toEqual(alike(trpc));
    return direct;
  };

  const triage = (caseId: string, expectedVersion: number) =>
    JSON.stringify({ caseId, expectedVersion, command: ROADS_TRIAGE });

  it('a command that succeeds: the same answer, alone and as a batch of one', async () => {
    const [one, two, three, four] = [await registered(), await registered(), await registered(), await registered()];
    const headers = { cookie: curator };
    const alone = await Promise.all([
      send(directUrl, { path: `${BASE}cases.command`, headers, body: triage(one, 1) }),
      send(trpcUrl, { path: `${BASE}cases.command`, headers, body: triage(two, 1) }),
    ]);
    expect(alone[0].status).toBe(200);
    expect(alike(alone[0], [one, two])).toEqual(alike(alone[1], [one, two]));
    expect(alone[0].json).toMatchObject({ result: { data: { version: 2 } } });
    const batch = await Promise.all([
      send(directUrl, {
        path: `${BASE}cases.command?batch=1`,
        headers,
        body: JSON.stringify({ 0: JSON.parse(triage(three, 1)) }),
      }),
      send(trpcUrl, {
        path: `${BASE}cases.command?batch=1`,
        headers,
        body: JSON.stringify({ 0: JSON.parse(triage(four, 1)) }),
      }),
    ]);
    expect(alike(batch[0], [three, four])).toEqual(alike(batch[1], [three, four]));
    expect(batch[0].json).toMatchObject([{ result: { data: { version: 2 } } }]);
  });

  it('a batch of several commands, one refused: each answer in its place, 207', async () => {
    const [one, two, three, four] = [await registered(), await registered(), await registered(), await registered()];
    const headers = { cookie: curator };
    const pair = (fresh: string, stale: string) =>
      JSON.stringify({ 0: JSON.parse(triage(fresh, 1)), 1: JSON.parse(triage(stale, 7)) });
    const path = `${BASE}cases.command,cases.command?batch=1`;
    const [direct, trpc] = await Promise.all([
      send(directUrl, { path, headers, body: pair(one, two) }),
      send(trpcUrl, { path, headers, body: pair(three, four) }),
    ]);
    expect(direct.status).toBe(207);
    expect(alike(direct, [one, two, three, four])).toEqual(alike(trpc, [one, two, three, four]));
    expect(direct.json).toMatchObject([{ result: { data: { version: 2 } } }, { error: { data: { httpStatus: 409 } } }]);
  });

  it('refusals: the same status, message, key and details', async () => {
    const caseId = await registered();
    const headers = { cookie: curator };
    // A version that is no longer current: CONFLICT with the current one in the details.
    const stale = await both({ path: `${BASE}cases.command`, headers, body: triage(caseId, 7) });
    expect(stale.status).toBe(409);
    // Without a session; as someone whose role may not; input that fails its schema; alone and batched.
    expect((await both({ path: `${BASE}cases.command`, body: triage(caseId, 1) })).status).toBe(401);
    expect(
      (await both({ path: `${BASE}cases.command`, headers: { cookie: observer }, body: triage(caseId, 1) })).status,
    ).toBe(403);
    expect((await both({ path: `${BASE}cases.command`, headers, body: '{"caseId":"nope"}' })).status).toBe(400);
    expect((await both({ path: `${BASE}cases.command?batch=1`, headers, body: '{"0":{"caseId":1}}' })).status).toBe(
      400,
    );
    // Not JSON at all, an empty body, a batch that is not an object, text the database cannot store.
    await both({ path: `${BASE}cases.command`, headers, body: '{"caseId":' });
    await both({ path: `${BASE}cases.command`, headers, body: '' });
    await both({ path: `${BASE}cases.command?batch=1`, headers, body: '[1]' });
    await both({
      path: `${BASE}cases.command`,
      headers,
      body: JSON.stringify({ caseId, expectedVersion: 1, command: { ...ROADS_TRIAGE, topic: 'a\u0000b' } }),
    });
    // A wrong password at sign-in, in English when asked.
    const wrong = await both({
      path: `${BASE}auth.login`,
      headers: { 'accept-language': 'en' },
      body: JSON.stringify({ login: org.people.curator.login, password: 'wrong' }),
    });
    expect(wrong.status).toBe(401);
  });

  it('queries: the same answer, alone and batched, refused and failed', async () => {
    const get = (path: string, headers: Record<string, string> = { cookie: curator }) =>
      both({ method: 'GET', path, headers });
    const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
    expect((await get(`${BASE}auth.me`)).json).toMatchObject({
      result: { data: { user: { login: org.people.curator.login } } },
    });
    expect((await get(`${BASE}auth.me`, {})).status).toBe(200);
    expect((await get(`${BASE}cases.board`)).status).toBe(200);
    expect((await get(`${BASE}cases.board?batch=1&input=${q({ 0: {} })}`)).status).toBe(200);
    expect((await get(`${BASE}cases.board`, {})).status).toBe(401);
    // A refusal with its key and parameters, in the asked language; input that fails its schema; not JSON.
    const explain = q({ step: 'explain', from: Date.UTC(2026, 10, 24, 7, 0) });
    expect(
      (await get(`${BASE}calendar.preview?input=${explain}`, { cookie: curator, 'accept-language': 'en' })).status,
    ).toBe(422);
    expect((await get(`${BASE}calendar.preview?batch=1&input=${q({ 0: { step: 7 } })}`)).status).toBe(400);
    expect((await get(`${BASE}calendar.preview?input=%7Bnope`)).status).toBe(400);
    expect((await get(`${BASE}cases.board?batch=1&input=${q([1])}`)).status).toBe(400);
    expect((await get(`${BASE}cases.board?input=`)).status).toBe(200);
    // Several at once, as the web app's link batches a render's queries; a batch whose calls differ in status: 207.
    const several = await get(`${BASE}directory.organisation,directory.departments,auth.me?batch=1&input=${q({})}`);
    expect(several.status).toBe(200);
    expect(several.json).toHaveLength(3);
    expect((await get(`${BASE}auth.me,cases.board?batch=1`, {})).status).toBe(207);
    expect((await get(`${BASE}cases.board,auth.me?batch=1&input=%5B`)).status).toBe(400);
  });

  it('sets the session cookie a sign-in sets', async () => {
    const body = JSON.stringify({ login: org.people.head.login, password: TEST_PASSWORD });
    const answer = await both({ path: `${BASE}auth.login`, body });
    expect(answer.status).toBe(200);
    expect(answer.setCookie).toBe(true);
  });

  it('leaves to tRPC what it does not take', async () => {
    const headers = { cookie: curator };
    const untaken: Sent[] = [
      { method: 'HEAD', path: `${BASE}auth.me`, headers },
      { path: `${BASE}auth.me`, headers, body: '' },
      { method: 'GET', path: `${BASE}cases.command`, headers },
      { method: 'GET', path: `${BASE}auth.me?connectionParams=1`, headers },
      { method: 'GET', path: `${BASE}auth.me?batch=2`, headers },
      { method: 'GET', path: `${BASE}auth.me?input=1&input=2`, headers },
      { method: 'GET', path: `${BASE}auth.me`, headers: { ...headers, 'content-type': 'multipart/form-data' } },
      { method: 'GET', path: `${BASE}auth.me,no.such?batch=1`, headers },
      { method: 'GET', path: `${BASE}auth.me,auth.me`, headers },
      { method: 'GET', path: `${BASE}auth.me,cases.command?batch=1`, headers },
      { path: `${BASE}cases.command?input=%7B%7D`, headers, body: '{}' },
      { path: `${BASE}cases.command,auth.me?batch=1`, headers, body: '{}' },
      { path: `${BASE}cases.command`, headers, body: '{}', chunked: true },
      { path: `${BASE}cases.command`, headers: { ...headers, 'trpc-accept': 'application/jsonl' }, body: '{}' },
      { path: `${BASE}cases.command`, headers: { ...headers, accept: 'text/html, application/jsonl' }, body: '{}' },
      { path: `${BASE}cases%2Ecommand`, headers, body: '{}' },
      { path: `${BASE}cases.command?batch=1&x=1`, headers, body: '{}' },
      { path: `${BASE}no.such`, headers, body: '{}' },
      { path: `${BASE}cases.command`, headers, body: 'x'.repeat(MAX_BODY + 1) },
    ];
    for (const sent of untaken) expect((await send(directUrl, sent)).status, sent.path).toBe(NOT_TAKEN);
  });
});

describe('an answer that is a stream', () => {
  // No procedure of Otklik answers with promises inside; a router of two makes sure the direct path refuses one as
  // tRPC does instead of writing it as {}.
  const t = initTRPC.create();
  const router = t.router({
    later: t.procedure.query(() => ({ value: Promise.resolve(1) })),
    now: t.procedure.query(() => ({ value: 1 })),
  });
  let servers: Server[] = [];
  let directUrl = '';
  let trpcUrl = '';
  beforeAll(async () => {
    ({ servers, directUrl, trpcUrl } = await pairOfServers(router, async () => ({})));
  });
  afterAll(async () => {
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
  });

  it('is refused alone and in a batch, the same as tRPC refuses it', async () => {
    for (const path of [`${BASE}later`, `${BASE}later,now?batch=1`, `${BASE}now`]) {
      const [direct, trpc] = await Promise.all([
        send(directUrl, { method: 'GET', path }),
        send(trpcUrl, { method: 'GET', path }),
      ]);
      expect(direct.status, path).not.toBe(NOT_TAKEN);
      expect(alike(direct), path).toEqual(alike(trpc));
    }
    expect((await send(directUrl, { method: 'GET', path: `${BASE}later` })).status).toBe(415);
  });
});

describe('the server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({});
  });
  afterAll(async () => server.close());

  it('answers a mutation sent in chunks as one sent with its length', async () => {
    const body = JSON.stringify({ login: 'nobody', password: 'x' });
    const whole = await send(server.url, { path: `${BASE}auth.login`, body });
    const chunked = await send(server.url, { path: `${BASE}auth.login`, body, chunked: true });
    expect(whole.status).toBe(401);
    expect(chunked).toEqual(whole);
  });
});
