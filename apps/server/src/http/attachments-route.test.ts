// /api/attachments over HTTP: upload streamed to the data directory and downloaded by the same organisation only;
// size and type limits; no session → 401.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../attachments/store';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture, type OrgFixture, signIn, signInCookie } from '../test/fixtures';
import { type RunningServer, startServer } from './server';

describeEachDatabase('attachments', (getDb) => {
  let server: RunningServer;
  let org: OrgFixture;
  let other: OrgFixture;
  let cookie: string;
  let caseId: string;
  const dir = mkdtempSync(join(tmpdir(), 'otklik-att-'));
  const upload = (
    body: string | Uint8Array,
    type: string,
    query = `caseId=${caseId}&name=${encodeURIComponent('фото ямы.jpg')}`,
    c = cookie,
  ) =>
    fetch(`${server.url}/api/attachments?${query}`, {
      method: 'POST',
      headers: { 'content-type': type, cookie: c, origin: server.url },
      body,
    });
  beforeAll(async () => {
    server = await startServer({ database: getDb(), attachmentsDir: dir });
    [org, other] = await Promise.all([createOrgFixture(server.deps), createOrgFixture(server.deps)]);
    // The curator takes part in every case of the organisation (an executor only in cases routed to them).
    cookie = await signInCookie(server.deps, org.people.curator.login);
    const operator = await signIn(server.deps, org.people.operator.login);
    ({ caseId } = await operator.cases.register({
      network: 'vk',
      link: 'https://vk.com/wall-1_5',
      author: { name: 'Житель' },
      text: 'Яма',
      attachments: [],
      visibility: 'public',
    }));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an upload and serves it back to the same organisation', async () => {
    const bytes = new Uint8Array(50_000).map((_, i) => i % 251);
    const res = await upload(bytes, 'image/jpeg');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { url: string; size: number; name: string };
    expect(body).toMatchObject({ size: 50_000, name: 'фото ямы.jpg' });
    const back = await fetch(`${server.url}${body.url}`, { headers: { cookie } });
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
    const curator = await signIn(server.deps, org.people.curator.login);
    expect((await curator.cases.detail({ caseId })).attachments).toEqual([
      expect.objectContaining({ url: body.url, fileName: 'фото ямы.jpg', sizeBytes: 50_000 }),
    ]);
    const stranger = await signInCookie(server.deps, other.people.curator.login);
    expect((await fetch(`${server.url}${body.url}`, { headers: { cookie: stranger } })).status).toBe(404);
    expect((await fetch(`${server.url}${body.url}`)).status).toBe(401);
  });

  it('refuses a disallowed type (415), an oversized file (413), a foreign or unknown case (404), writing nothing', async () => {
    const files = () => readdirSync(join(dir, org.organisationId)).length;
    const before = files();
    expect((await upload('#!/bin/sh', 'application/x-sh')).status).toBe(415);
    const big = await upload(new Uint8Array(MAX_ATTACHMENT_BYTES + 1), 'video/mp4');
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toContain('МБ');
    const strangerCookie = await signInCookie(server.deps, other.people.curator.login);
    expect((await upload('x', 'text/plain', undefined, strangerCookie)).status).toBe(404);
    expect((await upload('x', 'text/plain', 'caseId=00000000-0000-4000-8000-000000000000&name=a')).status).toBe(404);
    expect((await upload('x', 'text/plain', 'name=a')).status).toBe(400);
    expect(files()).toBe(before);
  });
});
