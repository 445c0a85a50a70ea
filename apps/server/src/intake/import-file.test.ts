// The import: JSON array, NDJSON and CSV parse into numbered records; a per-line error report; nothing imported
// twice; and the `otklik import` command on a data directory, whose data survives the restart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverMessageIn } from '@otklik/contract';
import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/connect';
import { migrateDatabase } from '../db/migrate';
import { cases } from '../db/schema';
import { createOrganisation } from '../directory/organisations';
import { describeEachDatabase } from '../test/databases';
import { setUpOrgFixture } from '../test/org-suite';
import { cliDataDir } from '../test/temp-dirs';
import { decodeImportBytes } from './csv';
import { importRecords, parseImportFile } from './import-file';

const MSK = { timeZone: 'Europe/Moscow' };
const YEKB = { timeZone: 'Asia/Yekaterinburg' };

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
    const records = parseImportFile(CSV, 'csv', MSK);
    expect(records.map((r) => r.line)).toEqual([2, 3, 5, 6, 7]);
    expect(records[0]?.value).toMatchObject({
      text: 'Яма на Садовой, уже месяц',
      attachments: [{ url: 'https://vk.com/p1.jpg' }, { url: 'https://vk.com/p2.jpg' }],
    });
    expect(records[1]?.value).toMatchObject({ text: 'Текст с "кавычками"\nи переносом строки', visibility: 'private' });
  });

  it('reads NDJSON line by line, marking a broken line without losing the others', () => {
    const records = parseImportFile('{"a":1}\n\n{broken\n{"b":2}\n', 'json', MSK);
    expect(records).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, error: { key: 'import.line-not-json', params: {} } },
      { line: 4, value: { b: 2 } },
    ]);
  });

  it('reports missing CSV columns', () => {
    expect(parseImportFile('network,text\nvk,x', 'csv', MSK)[0]?.error).toEqual({
      key: 'import.missing-columns',
      params: { columns: ['external_id', 'url', 'author'] },
    });
  });
});

describe('import files as Excel saves them', () => {
  // A Russian Excel export: ';' between fields, a comma inside the text, a local time, Windows-1251.
  const excel = [
    'network;external_id;url;author;text;posted_at;visibility',
    'vk;e-1;https://vk.com/wall-1_1;Анна К.;Яма на Садовой, у дома 5, уже месяц;01.12.2026 10:00;public',
    'ok;e-2;https://ok.ru/group/1/topic/2;Пётр;"Двор; не чистят";2026-12-01 09:30;public',
    'vk;e-3;https://vk.com/wall-1_3;Иван;Остановка;дом 5;public',
    'vk;e-4;https://vk.com/wall-1_4;Иван;Остановка;31.02.2026 10:00;public',
  ].join('\r\n');

  it('reads Windows-1251 with ";" and keeps the comma in the text; dates in the organisation time zone', () => {
    const decoded = decodeImportBytes(iconv.encode(excel, 'win1251'));
    expect(decoded.encoding).toBe('windows-1251');
    const records = parseImportFile(decoded.text, 'csv', YEKB);
    expect(records[0]?.value).toMatchObject({
      externalId: 'e-1',
      text: 'Яма на Садовой, у дома 5, уже месяц',
      author: 'Анна К.',
      // Yekaterinburg is UTC+5 all year: 10:00 local on 1 December is 05:00 UTC (1 December, not 12 January).
      postedAt: Date.parse('2026-12-01T05:00:00Z'),
    });
    expect(records[1]?.value).toMatchObject({ text: 'Двор; не чистят', postedAt: Date.parse('2026-12-01T04:30:00Z') });
    // "дом 5" is an error for its line, never a date; neither is 31 February.
    expect(records[2]).toMatchObject({ line: 4, error: { key: 'import.posted-at', params: { value: 'дом 5' } } });
    expect(records[3]).toMatchObject({
      line: 5,
      error: { key: 'import.posted-at', params: { value: '31.02.2026 10:00' } },
    });
    // Worded by the reader's catalogue, one language at a time.
    const problem = records[2]!.error!;
    expect(serverMessageIn(problem.key, problem.params, 'ru')).toMatch(
      /^posted_at: «дом 5» — не дата и время; ожидается ДД/,
    );
    expect(serverMessageIn(problem.key, problem.params, 'en')).toMatch(
      /^posted_at: "дом 5" is not a date and time; expected DD/,
    );
  });

  it('reads UTF-8 with and without a BOM the same way', () => {
    const plain = decodeImportBytes(Buffer.from(excel, 'utf8'));
    const bom = decodeImportBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(excel, 'utf8')]));
    expect([plain.encoding, bom.encoding]).toEqual(['utf-8', 'utf-8-bom']);
    expect(parseImportFile(bom.text, 'csv', MSK)).toEqual(parseImportFile(plain.text, 'csv', MSK));
    // Moscow is UTC+3: 10:00 local is 07:00 UTC.
    expect(parseImportFile(plain.text, 'csv', MSK)[0]?.value).toMatchObject({
      postedAt: Date.parse('2026-12-01T07:00:00Z'),
    });
  });

  it('reports an unclosed quote by line instead of failing the whole file silently', () => {
    const records = parseImportFile(
      'network,external_id,url,author,text\nvk,1,https://vk.com/1,А,"не закрыто\n',
      'csv',
      MSK,
    );
    expect(records[0]?.error).toMatchObject({ key: 'import.csv', params: { detail: expect.any(String) } });
  });

  it('reads local times in JSON files in the organisation zone too, and refuses guesses', () => {
    const records = parseImportFile(
      '{"postedAt":"01.12.2026 10:00"}\n{"postedAt":"дом 5"}\n{"postedAt":"2026-12-01T10:00:00+03:00"}\n',
      'json',
      YEKB,
    );
    expect(records[0]?.value).toMatchObject({ postedAt: Date.parse('2026-12-01T05:00:00Z') });
    expect(records[1]?.error).toEqual({ key: 'import.posted-at', params: { value: 'дом 5' } });
    expect(records[2]?.value).toMatchObject({ postedAt: '2026-12-01T10:00:00+03:00' });
  });
});

describeEachDatabase('import', (getDb) => {
  const fx = setUpOrgFixture(getDb);

  it('imports the good lines, reports each bad one by line, and imports nothing twice', async () => {
    const progress = vi.fn();
    const first = await importRecords(fx.deps, fx.org.organisationId, parseImportFile(CSV, 'csv', MSK), progress);
    expect(first).toMatchObject({ total: 5, created: 2, existing: 0 });
    expect(first.errors.map((e) => e.line)).toEqual([5, 6, 7]);
    expect(first.errors[0]?.problem).toMatchObject({ key: 'input.invalid', params: { path: 'externalId' } });
    expect(first.errors[1]?.problem).toMatchObject({ key: 'input.invalid', params: { path: 'url' } });
    expect(first.errors[2]?.problem).toMatchObject({ key: 'import.posted-at', params: { value: 'not a date' } });
    expect(progress).toHaveBeenLastCalledWith(5, 5);
    const second = await importRecords(fx.deps, fx.org.organisationId, parseImportFile(CSV, 'csv', MSK));
    expect(second).toMatchObject({ created: 0, existing: 2 });
    const rows = await fx.deps.db.select().from(cases).where(eq(cases.organisationId, fx.org.organisationId));
    expect(rows.map((r) => r.externalId).sort()).toEqual(['c-1', 'c-2']);
    expect(rows.find((r) => r.externalId === 'c-2')?.isPublic).toBe(false);
  });
});

describe('otklik import on a data directory', () => {
  const dir = cliDataDir('otklik-import-');

  it('imports a JSON file into the organisation given by slug; a second run adds nothing', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir.dataDir });
    await migrateDatabase(database);
    await createOrganisation(database.db, {
      slug: 'import-town',
      name: 'Город импорта',
      timeZone: 'Asia/Yekaterinburg',
      profileId: 'krasnoufimsk-2021',
    });
    await database.close();
    const file = join(dir.root, 'messages.json');
    writeFileSync(
      file,
      JSON.stringify([
        { network: 'vk', externalId: 'j-1', url: 'https://vk.com/1', author: 'А', text: 'Не работает светофор' },
        { network: 'vk', externalId: 'j-2', url: 'https://vk.com/2', author: 'Б', text: 'Нет отопления в школе' },
        { network: 'vk', url: 'https://vk.com/3', author: 'В', text: 'без id' },
      ]),
    );
    dir.use();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { run } = await import('../cli/commands/import');
    try {
      const printed = () => stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(await run([file, '--org', 'import-town'])).toBe(1);
      // In Russian by default, one language per line.
      expect(printed()).toMatch(/^строка 3: Неверное сообщение: externalId: /m);
      expect(printed()).not.toMatch(/ \/ line /);
      expect(await run([file, '--org', 'import-town'])).toBe(1);
      expect(printed()).toMatch(/^Создано: 0, уже были: 2, ошибок: 1 \(всего строк: 3\)$/m);
      // OTKLIK_LANG=en: the same report in English.
      stderr.mockClear();
      vi.stubEnv('OTKLIK_LANG', 'en');
      expect(await run([file, '--org', 'import-town'])).toBe(1);
      expect(printed()).toMatch(/^line 3: invalid message: externalId: /m);
      expect(printed()).toMatch(/^Created: 0, already present: 2, errors: 1 \(lines: 3\)$/m);
      expect(await run([file, '--org', 'nowhere'])).toBe(2);
      expect(printed()).toMatch(/otklik import: organisation "nowhere" not found/);
    } finally {
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir.dataDir });
    try {
      const rows = await reopened.db.select().from(cases);
      expect(rows.map((r) => r.externalId).sort()).toEqual(['j-1', 'j-2']);
    } finally {
      await reopened.close();
    }
  });
});
