// A server on a data directory stops and starts again: cases, events and sessions are all still there, and a
// second server on the same directory is refused while the first runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DataDirLockedError } from '../db/data-dir-lock';
import { createOrgFixture, signInCookie } from '../test/fixtures';
import { startServer } from './server';

const dir = mkdtempSync(join(tmpdir(), 'otklik-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps everything across a restart on the same data directory', async () => {
  const target = { kind: 'pglite', dataDir: dir } as const;
  const first = await startServer({ target });
  const org = await createOrgFixture(first.deps);
  const cookie = await signInCookie(first.deps, org.people.operator.login);
  const trpc = (url: string, path: string, body?: unknown) =>
    fetch(`${url}/trpc/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const registered = await trpc(first.url, 'cases.register', {
    network: 'telegram',
    link: 'https://t.me/c/1/2',
    author: { name: 'Житель' },
    text: 'Не работает лифт',
    attachments: [],
    visibility: 'private',
  });
  expect(registered.status).toBe(200);
  const { result } = (await registered.json()) as { result: { data: { caseId: string } } };
  await expect(startServer({ target })).rejects.toBeInstanceOf(DataDirLockedError);
  await first.close();

  const second = await startServer({ target });
  try {
    // The same cookie still works: sessions live in the database.
    const detail = await trpc(
      second.url,
      `cases.detail?input=${encodeURIComponent(JSON.stringify({ caseId: result.data.caseId }))}`,
    );
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { result: { data: { case: { text: string }; timeline: unknown[] } } };
    expect(body.result.data.case.text).toBe('Не работает лифт');
    expect(body.result.data.timeline).toHaveLength(1);
  } finally {
    await second.close();
  }
});
