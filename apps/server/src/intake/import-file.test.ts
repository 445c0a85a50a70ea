// The import: JSON array, NDJSON and CSV parse into numbered records; a per-line error report; nothing imported
// twice; and the `otklik import` command on a data directory, whose data survives the restart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/connect';
import { migrateDatabase } from '../db/migrate';
import { cases } from '../db/schema';
import { createDeps, type ServerDeps } from '../deps';
import { createOrganisation } from '../directory/organisations';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture, type OrgFixture } from '../test/fixtures';
import { importRecords, parseImportFile } from './import-file';

const CSV = [
  'network,external_id,url,author,text,posted_at,visibility,attachments',
  'vk,c-1,https://vk.com/wall-1_1,Анна К.,"Яма на Садовой, уже месяц",2026-11-20T10:00:00+03:00,public,https://vk.com/p1.jpg https://vk.com/p2.jpg',
  'telegram,c-2,https://t.me/c/2,Пётр,"Текст с ""кавычками""',
  'и переносом строки",,private,',
  'vk,,https://vk.com/wall-1_3,Без id,Нет внешнего id,,,',
  'ok,c-4,ftp://ok.ru/4,Ольга,Плохая ссылка,,,',
  'vk,c-5,https://vk.com/wall-1_5,Иван,Остановка без навеса,not a date,,',
].join('\n');

describe('import file parsing', () => {
  it('reads CSV with quotes, doubled quotes and a newline inside a field, keeping line numbers', () => {
    const records = parseImportFile(CSV, 'csv');
    expect(records.map((r) => r.line)).toEqual([2, 3, 5, 6, 7]);
    expect(records[0]?.value).toMatchObject({
      text: 'Яма на Садовой, уже месяц',
      attachments: [{ url: 'https://vk.com/p1.jpg' }, { url: 'https://vk.com/p2.jpg' }],
    });
    expect(records[1]?.value).toMatchObject({ text: 'Текст с "кавычками"\nи переносом строки', visibility: 'private' });
  });

  it('reads NDJSON line by line, marking a broken line without losing the others', () => {
    const records = parseImportFile('{"a":1}\n\n{broken\n{"b":2}\n', 'json');
    expect(records).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, error: expect.stringContaining('не JSON') },
      { line: 4, value: { b: 2 } },
    ]);
  });

  it('reports missing CSV columns', () => {
    expect(parseImportFile('network,text\nvk,x', 'csv')[0]?.error).toContain('external_id');
  });
});

describeEachDatabase('import', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;
  beforeAll(async () => {
    deps = createDeps({ database: getDb() });
    org = await createOrgFixture(deps);
  });

  it('imports the good lines, reports each bad one by line, and imports nothing twice', async () => {
    const progress = vi.fn();
    const first = await importRecords(deps, org.organisationId, parseImportFile(CSV, 'csv'), progress);
    expect(first).toMatchObject({ total: 5, created: 2, existing: 0 });
    expect(first.errors.map((e) => e.line)).toEqual([5, 6, 7]);
    expect(first.errors[0]?.message).toContain('externalId');
    expect(first.errors[1]?.message).toContain('url');
    expect(first.errors[2]?.message).toContain('postedAt');
    expect(progress).toHaveBeenLastCalledWith(5, 5);
    const second = await importRecords(deps, org.organisationId, parseImportFile(CSV, 'csv'));
    expect(second).toMatchObject({ created: 0, existing: 2 });
    const rows = await deps.db.select().from(cases).where(eq(cases.organisationId, org.organisationId));
    expect(rows.map((r) => r.externalId).sort()).toEqual(['c-1', 'c-2']);
    expect(rows.find((r) => r.externalId === 'c-2')?.isPublic).toBe(false);
  });
});

describe('otklik import on a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-import-'));
  const previous = process.env.OTKLIK_DATA_DIR;
  afterAll(() => {
    process.env.OTKLIK_DATA_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a JSON file into the organisation given by slug; a second run adds nothing', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    await migrateDatabase(database);
    await createOrganisation(database.db, {
      slug: 'import-town',
      name: 'Город импорта',
      timeZone: 'Asia/Yekaterinburg',
      profileId: 'krasnoufimsk-2021',
    });
    await database.close();
    const file = join(dir, 'messages.json');
    writeFileSync(
      file,
      JSON.stringify([
        { network: 'vk', externalId: 'j-1', url: 'https://vk.com/1', author: 'А', text: 'Не работает светофор' },
        { network: 'vk', externalId: 'j-2', url: 'https://vk.com/2', author: 'Б', text: 'Нет отопления в школе' },
        { network: 'vk', url: 'https://vk.com/3', author: 'В', text: 'без id' },
      ]),
    );
    process.env.OTKLIK_DATA_DIR = join(dir, 'data');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { run } = await import('../cli/commands/import');
    try {
      expect(await run([file, '--org', 'import-town'])).toBe(1);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/строка \/ line 3: externalId/);
      expect(await run([file, '--org', 'import-town'])).toBe(1);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/уже были \/ already present: 2/);
      expect(await run([file, '--org', 'nowhere'])).toBe(2);
    } finally {
      stderr.mockRestore();
    }
    const reopened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    try {
      const rows = await reopened.db.select().from(cases);
      expect(rows.map((r) => r.externalId).sort()).toEqual(['j-1', 'j-2']);
    } finally {
      await reopened.close();
    }
  });
});
