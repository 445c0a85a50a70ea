// The board on the wire: tRPC answers are gzip-compressed for a client that accepts it (and the same JSON when
// decompressed); the snapshot the web app reads (GET /api/board, PostgreSQL's JSON passed through) is compressed the
// same way, its compact rows carry every clock field the board reads with each rule once per page, every row is the
// full row's, and it is refused without a session, from another site's page and for another organisation — whose
// rows never appear.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { callerWithCookie, createOrgFixture, type OrgFixture, signInCookie } from '../test/fixtures';
import { zBoardSnapshotPage } from '../trpc/outputs-cases';
import { type RunningServer, startServer } from './server';

function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; raw: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const DROPPED = ['remainingWorkingMinutes', 'totalWorkingMinutes', 'breachAt'];

describeEachDatabase('board on the wire', (getDb) => {
  let server: RunningServer;
  let org: OrgFixture;
  let cookie: string;
  let otherIds: string[];

  beforeAll(async () => {
    server = await startServer({ database: getDb(), webDistDir: '/nonexistent' });
    org = await createOrgFixture(server.deps);
    // Another organisation with open cases of its own: none of them may reach this one's board.
    const other = await createOrgFixture(server.deps);
    const otherOperator = await callerWithCookie(
      server.deps,
      await signInCookie(server.deps, other.people.operator.login),
    );
    otherIds = [];
    for (let i = 0; i < 3; i++) {
      const { caseId } = await otherOperator.cases.register({
        network: 'vk',
        link: `https://vk.com/wall-2_${i}`,
        author: { name: 'Пётр Иванов' },
        text: `Другая организация, обращение ${i}`,
        attachments: [],
        visibility: 'public',
      });
      otherIds.push(caseId);
    }
    cookie = await signInCookie(server.deps, org.people.operator.login);
    const operator = await callerWithCookie(server.deps, cookie);
    for (let i = 0; i < 12; i++) {
      const { caseId } = await operator.cases.register({
        network: 'vk',
        link: `https://vk.com/wall-1_${i}`,
        author: { name: 'Иван Петров' },
        text: `Не вывозят мусор во дворе дома ${i}`,
        attachments: [],
        visibility: 'public',
      });
      if (i % 2 === 0) {
        await operator.cases.command({
          caseId,
          expectedVersion: 1,
          command: { type: 'triage', topic: 'ЖКХ', location: 'центр', category: 'ordinary', processable: true },
        });
      }
    }
  });
  afterAll(async () => {
    await server.close();
  });

  const board = (input: object, headers: Record<string, string> = {}) =>
    get(`${server.url}/trpc/cases.board?input=${encodeURIComponent(JSON.stringify(input))}`, { cookie, ...headers });
  const snapshot = (input: object | null, headers: Record<string, string> = {}) =>
    get(`${server.url}/api/board${input ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`, {
      cookie,
      ...headers,
    });

  it('compresses a tRPC answer for a client that accepts gzip, and only then', async () => {
    const zipped = await board({}, { 'accept-encoding': 'gzip, deflate, br' });
    const plain = await board({}, { 'accept-encoding': 'identity' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.raw.length).toBeLessThan(plain.raw.length);
    const a = JSON.parse(gunzipSync(zipped.raw).toString('utf8'));
    const b = JSON.parse(plain.raw.toString('utf8'));
    // The same answer but for the server clock it carries.
    expect(a.result.data.cases).toEqual(b.result.data.cases);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.raw.length);
  });

  it('compresses the snapshot for a client that accepts gzip, and only then', async () => {
    const zipped = await snapshot(null, { 'accept-encoding': 'gzip, deflate, br' });
    const plain = await snapshot(null, { 'accept-encoding': 'identity' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.raw.length).toBeLessThan(plain.raw.length);
    const a = JSON.parse(gunzipSync(zipped.raw).toString('utf8'));
    const b = JSON.parse(plain.raw.toString('utf8'));
    expect(a.cases).toEqual(b.cases);
    expect(a.rules).toEqual(b.rules);
    // Sent in parts (head, rows, tail) either way, with the whole answer's length.
    expect(Number(zipped.headers['content-length'])).toBe(zipped.raw.length);
    expect(Number(plain.headers['content-length'])).toBe(plain.raw.length);
  });

  it('sends compact rows with every clock field the board reads, rule texts once', async () => {
    const full = JSON.parse((await board({})).raw.toString('utf8')).result.data;
    const answer = await snapshot({});
    expect(answer.status).toBe(200);
    const compact = JSON.parse(answer.raw.toString('utf8'));
    // The page as a whole, and every row, with no key the schema does not name (nothing checks it on the way out).
    expect(zBoardSnapshotPage.safeParse(compact).error?.issues ?? []).toEqual([]);
    expect(compact.seq).toBe(full.seq);
    expect(compact.nextCursor).toBeNull();
    expect(compact.cases.map((r: { id: string }) => r.id)).toEqual(full.cases.map((r: { id: string }) => r.id));
    const rules = Object.values(compact.rules);
    expect(rules.length).toBeGreaterThan(0);
    // Each rule once (equal parts are one rule).
    expect(new Set(rules.map((r) => JSON.stringify(r))).size).toBe(rules.length);
    let clocks = 0;
    full.cases.forEach((row: Record<string, unknown>, i: number) => {
      const small = compact.cases[i] as Record<string, unknown>;
      expect(small.dueAt).toBe(row.dueAt === null ? null : Date.parse(row.dueAt as string));
      expect(small.detectedAt).toBe(Date.parse(row.detectedAt as string));
      for (const key of [
        'number',
        'status',
        'currentStep',
        'responsibleDepartmentName',
        'excerpt',
        'flags',
        'chain',
        'departmentIds',
        'executorIds',
      ])
        expect(small[key]).toEqual(row[key]);
      (row.clocks as Record<string, unknown>[]).forEach((clock, j) => {
        clocks++;
        const c = (small.clocks as Record<string, unknown>[])[j]!;
        const { rule, holders, ...rest } = clock;
        const expected = Object.fromEntries(Object.entries(rest).filter(([k]) => !DROPPED.includes(k)));
        expect({ ...c, rule: undefined, holders: undefined }).toEqual({
          ...expected,
          rule: undefined,
          holders: undefined,
        });
        expect(compact.rules[c.rule as string]).toEqual(rule);
        expect(c.holders ?? [clock.responsible]).toEqual(holders);
      });
    });
    expect(clocks).toBeGreaterThan(12);
    // And each row as a whole is the live row's shown columns (rows.ts `boardShownColumns`) of the full row.
    full.cases.forEach((row: Record<string, unknown>, i: number) => {
      const small = compact.cases[i] as Record<string, unknown>;
      for (const key of Object.keys(small)) {
        if (key === 'clocks' || key === 'dueAt' || key === 'detectedAt') continue;
        expect([key, small[key]]).toEqual([key, row[key]]);
      }
    });
  });

  it('pages as cases.board does, and shows a person only the cases they may see', async () => {
    const first = JSON.parse((await snapshot({ limit: 5 })).raw.toString('utf8'));
    expect(first.cases).toHaveLength(5);
    const second = JSON.parse((await snapshot({ limit: 5, cursor: first.nextCursor })).raw.toString('utf8'));
    const full = JSON.parse((await board({ limit: 5, cursor: first.nextCursor })).raw.toString('utf8')).result.data;
    expect(second.cases.map((r: { id: string }) => r.id)).toEqual(full.cases.map((r: { id: string }) => r.id));
    expect(second.nextCursor).toEqual(full.nextCursor);
    // An executor sees the cases routed to their department only: none here, as cases.board says.
    const executor = await signInCookie(server.deps, org.people.roadsExecutor.login);
    const theirs = JSON.parse((await snapshot({}, { cookie: executor })).raw.toString('utf8'));
    const theirsFull = JSON.parse((await board({}, { cookie: executor })).raw.toString('utf8')).result.data;
    expect(theirs.cases.map((r: { id: string }) => r.id)).toEqual(theirsFull.cases.map((r: { id: string }) => r.id));
    expect(theirs.cases.length).toBeLessThan(first.cases.length + second.cases.length);
  });

  it("never carries another organisation's rows, and refuses to read another organisation's board", async () => {
    const page = JSON.parse((await snapshot({})).raw.toString('utf8'));
    expect(page.cases.length).toBeGreaterThan(0);
    for (const row of page.cases) expect(row.organisationId).toBe(org.organisationId);
    expect(page.cases.map((r: { id: string }) => r.id)).not.toEqual(expect.arrayContaining([otherIds[0]]));
    const refused = await snapshot({ organisationId: (await createOrgFixture(server.deps)).organisationId });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.raw.toString('utf8')).error).toMatchObject({ key: 'case.other-organisation' });
  });

  it('refuses a request without a session, from another site, or with filters it cannot read', async () => {
    const anonymous = await snapshot({}, { cookie: '' });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.raw.toString('utf8')).error).toMatchObject({
      code: 'UNAUTHORIZED',
      key: 'auth.sign-in',
    });
    // A page of another origin, with the visitor's cookie.
    const foreign = await snapshot({}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.raw.toString('utf8')).error).toMatchObject({
      code: 'FORBIDDEN',
      key: 'http.origin-refused',
    });
    const crossSite = await snapshot({}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    // The app's own origin and a same-origin fetch are answered.
    expect((await snapshot({}, { origin: server.url })).status).toBe(200);
    expect((await snapshot({}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    const bad = await snapshot({ limit: 'all' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.raw.toString('utf8')).error).toMatchObject({ key: 'input.invalid' });
    const notJson = await get(`${server.url}/api/board?input=%7Bnot`, { cookie });
    expect(notJson.status).toBe(400);
    const post = await new Promise<number>((resolve, reject) => {
      request(`${server.url}/api/board`, { method: 'POST', headers: { cookie, origin: server.url } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(post).toBe(404);
  });
});
