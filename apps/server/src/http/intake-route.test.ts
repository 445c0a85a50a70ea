// POST /api/intake over real HTTP: API-key authentication, idempotency by (organisation, network, external id),
// bad input refused with nothing written, keys scoped to their organisation and revocable.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachments, caseEvents, cases, organisations } from '../db/schema';
import { createApiKey, revokeApiKey } from '../intake/api-keys';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture, type OrgFixture, signIn } from '../test/fixtures';
import { type RunningServer, startServer } from './server';

const message = (externalId: string, extra: Record<string, unknown> = {}) => ({
  network: 'vk',
  externalId,
  url: `https://vk.com/wall-1_${externalId}`,
  author: 'Мария Сидорова',
  text: 'Во дворе дома 5 по ул. Гагарина не вывозят мусор вторую неделю',
  postedAt: '2026-11-24T08:15:00+03:00',
  visibility: 'public',
  attachments: [{ url: 'https://sun.userapi.com/photo1.jpg', kind: 'photo' }],
  ...extra,
});

describeEachDatabase('intake endpoint', (getDb) => {
  let server: RunningServer;
  let org: OrgFixture;
  let other: OrgFixture;
  let key: string;
  const post = (body: unknown, auth: string | null = key, raw = false) =>
    fetch(`${server.url}/api/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: raw ? (body as string) : JSON.stringify(body),
    });
  beforeAll(async () => {
    server = await startServer({ database: getDb() });
    [org, other] = await Promise.all([createOrgFixture(server.deps), createOrgFixture(server.deps)]);
    key = (await createApiKey(server.deps.db, org.organisationId, 'Мониторинг')).key;
  });
  afterAll(() => server.close());

  it('creates a case (201) and returns the same case on a repeat delivery (200)', async () => {
    const first = await post(message('m-1'));
    expect(first.status).toBe(201);
    const { caseId, created } = (await first.json()) as { caseId: string; created: boolean };
    expect(created).toBe(true);
    const again = await post(message('m-1', { text: 'изменённый текст повторной доставки' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ caseId, created: false });
    const [row] = await server.deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({
      organisationId: org.organisationId,
      status: 'detected',
      network: 'vk',
      externalId: 'm-1',
    });
    expect(row?.postedAt?.toISOString()).toBe('2026-11-24T05:15:00.000Z');
    const events = await server.deps.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => [e.type, e.actorKind])).toEqual([['case-registered', 'system']]);
    // The curator sees it on the board.
    const curator = await signIn(server.deps, org.people.curator.login);
    expect((await curator.cases.board({})).cases.map((c) => c.id)).toContain(caseId);
  });

  it('creates exactly one case when the same message arrives twice at once', async () => {
    const [a, b] = await Promise.all([post(message('m-race')), post(message('m-race'))]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const rows = await server.deps.db.select().from(cases).where(eq(cases.externalId, 'm-race'));
    expect(rows).toHaveLength(1);
  });

  it('keeps the same external id apart in another network or organisation', async () => {
    expect((await post(message('m-2'))).status).toBe(201);
    expect((await post(message('m-2', { network: 'telegram' }))).status).toBe(201);
    const otherKey = (await createApiKey(server.deps.db, other.organisationId, 'Другой')).key;
    const res = await post(message('m-2'), otherKey);
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };
    const [row] = await server.deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row?.organisationId).toBe(other.organisationId);
  });

  it('refuses a missing, wrong or revoked key with 401', async () => {
    expect((await post(message('k-1'), null)).status).toBe(401);
    expect((await post(message('k-1'), 'otk_wrong')).status).toBe(401);
    const temp = await createApiKey(server.deps.db, org.organisationId, 'Временный');
    expect((await post(message('k-1'), temp.key)).status).toBe(201);
    await revokeApiKey(server.deps.db, org.organisationId, temp.id, Date.now());
    const res = await post(message('k-2'), temp.key);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('ключ');
  });

  it("refuses an archived organisation's key with 403 before reading the body, then takes it again once restored", async () => {
    const otherKey = (await createApiKey(server.deps.db, other.organisationId, 'Мониторинг')).key;
    const setArchived = (archived: boolean) =>
      server.deps.db
        .update(organisations)
        .set({ archivedAt: archived ? new Date() : null })
        .where(eq(organisations.id, other.organisationId));
    const before = (await server.deps.db.select().from(cases)).length;
    await setArchived(true);
    try {
      const res = await post(message('arch-1'), otherKey);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { details: { reason: 'organisation-archived' } } });
      // The body is not read: a malformed one gets the same answer, and so does a batch.
      expect((await post('{"network": ', otherKey, true)).status).toBe(403);
      const batch = await fetch(`${server.url}/api/intake/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${otherKey}` },
        body: JSON.stringify({ messages: [message('arch-2')] }),
      });
      expect(batch.status).toBe(403);
      expect((await server.deps.db.select().from(cases)).length).toBe(before);
    } finally {
      await setArchived(false);
    }
    expect((await post(message('arch-1'), otherKey)).status).toBe(201);
  });

  it('refuses malformed JSON, missing fields, oversized text and bodies, writing nothing', async () => {
    const before = (await server.deps.db.select().from(cases)).length;
    const bad = await post('{"network": "vk", ', key, true);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('не JSON');
    const missing = await post({ network: 'vk', text: 'без id' });
    expect(missing.status).toBe(400);
    const long = await post(message('long', { text: 'а'.repeat(20_001) }));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toContain('text');
    const huge = await post(message('huge', { attachments: [], author: 'x'.repeat(300_000) }));
    expect(huge.status).toBe(413);
    const unknownNetwork = await post(message('net', { network: 'myspace' }));
    expect(unknownNetwork.status).toBe(400);
    expect((await server.deps.db.select().from(cases)).length).toBe(before);
  });

  it('keeps URL attachments as attachment rows of the case', async () => {
    const r = (await (await post(message('m-att'))).json()) as { caseId: string };
    const rows = await server.deps.db.select().from(attachments).where(eq(attachments.caseId, r.caseId));
    expect(rows).toMatchObject([
      { sourceUrl: 'https://sun.userapi.com/photo1.jpg', fileName: 'photo1.jpg', storageKey: null },
    ]);
  });

  it('takes a batch: each message accepted or refused on its own, repeats recognised', async () => {
    const batch = (messages: unknown[], auth: string | null = key) =>
      fetch(`${server.url}/api/intake/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify({ messages }),
      });
    expect((await batch([message('b-1')], null)).status).toBe(401);
    const res = await batch([
      message('b-1'),
      message('b-2', { url: 'ftp://x' }),
      message('b-1'),
      message('b-3', { network: 'max' }),
      // Never a guessed date: Date.parse would read "дом 5" as 1 May 2001.
      message('b-4', { postedAt: 'дом 5' }),
    ]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: Record<string, unknown>[];
      created: number;
      existing: number;
      failed: number;
    };
    expect(body).toMatchObject({ created: 2, existing: 1, failed: 2 });
    expect(body.results[4]).toMatchObject({ index: 4, error: { path: 'postedAt' } });
    expect(body.results[1]).toMatchObject({ index: 1, error: { path: 'url' } });
    expect(body.results[0]).toMatchObject({ index: 0, created: true });
    expect(body.results[2]).toMatchObject({ index: 2, created: false, caseId: body.results[0]?.caseId });
    expect((await batch([])).status).toBe(400);
    expect((await batch(Array.from({ length: 501 }, (_, i) => message(`x-${i}`)))).status).toBe(400);
  });

  it('serves the OpenAPI document generated from the schemas, and a readable page of it', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        schemas: { IntakeMessage: { required: string[]; properties: Record<string, { enum?: string[] }> } };
      };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/api/intake', '/api/intake/batch']);
    const m = doc.components.schemas.IntakeMessage;
    expect(m.required).toEqual(expect.arrayContaining(['network', 'externalId', 'url', 'author', 'text']));
    expect(m.properties.network?.enum).toContain('max');
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('POST /api/intake/batch');
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema)[a-z]+\.(com|org|net)\//i);
  });
});
