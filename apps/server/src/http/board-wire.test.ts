// The board snapshot on the wire: tRPC answers are gzip-compressed for a client that accepts it (and the same JSON
// when decompressed), and the compact rows the web app asks for (`compact: true`) carry every clock field the
// board reads, with each rule text once per page.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { callerWithCookie, createOrgFixture, type OrgFixture, signInCookie } from '../test/fixtures';
import { zCompactBoardRow } from '../trpc/outputs-cases';
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

  beforeAll(async () => {
    server = await startServer({ database: getDb(), webDistDir: '/nonexistent' });
    org = await createOrgFixture(server.deps);
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

  it('sends compact rows with every clock field the board reads, rule texts once', async () => {
    const full = JSON.parse((await board({})).raw.toString('utf8')).result.data;
    const compact = JSON.parse((await board({ compact: true })).raw.toString('utf8')).result.data;
    expect(compact.cases.map((r: { id: string }) => r.id)).toEqual(full.cases.map((r: { id: string }) => r.id));
    expect(compact.rules.length).toBeGreaterThan(0);
    // Each rule once (equal parts are one rule).
    expect(new Set(compact.rules.map((r: unknown) => JSON.stringify(r))).size).toBe(compact.rules.length);
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
        expect(compact.rules[c.rule as number]).toEqual(rule);
        expect(c.holders ?? [clock.responsible]).toEqual(holders);
      });
    });
    expect(clocks).toBeGreaterThan(12);
    // The answer checks one row a page against the schema (trpc/outputs-cases.ts): here every row is, with no key
    // the schema does not name.
    const strict = zCompactBoardRow.strict();
    for (const row of compact.cases) expect(strict.safeParse(row).error?.issues ?? []).toEqual([]);
    // And each row as a whole is the live row's shown columns (rows.ts `boardShownColumns`) of the full row.
    full.cases.forEach((row: Record<string, unknown>, i: number) => {
      const small = compact.cases[i] as Record<string, unknown>;
      for (const key of Object.keys(small)) {
        if (key === 'clocks' || key === 'dueAt' || key === 'detectedAt') continue;
        expect([key, small[key]]).toEqual([key, row[key]]);
      }
    });
  });
});
