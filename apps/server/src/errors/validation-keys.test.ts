// Messages are keys of a catalogue, worded once in the reader's language: no source file (schemas, refusals, log
// lines, stored names) may write "Русский / English" in one string again, and every validation key a schema names
// must be in the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isValidationMessageKey } from '@otklik/contract';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const SOURCES = ['packages/domain/src', 'packages/contract/src', 'packages/ui/src', 'apps/server/src', 'apps/web/src'];

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

const sourceFiles = () =>
  SOURCES.flatMap((dir) => [...tsFiles(join(root, dir))]).map((path) => ({
    file: relative(root, path),
    // Comments may quote the old form; the code may not.
    text: readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, ''),
  }));
const schemaFiles = () => sourceFiles().filter((f) => /from 'zod'/.test(f.text));

// A string literal ('…', "…" or `…`) with Russian, then " / " and English ("ID сообщества / группы" is Russian only).
const TWO_LANGUAGE =
  /(['"`])(?:(?!\1)[^\\\n]|\\.)*[а-яё](?:(?!\1)[^\\\n]|\\.)* \/ (?:(?!\1)[^\\\na-zа-яё]|\\.)*[a-z](?:(?!\1)[^\\\n]|\\.)*\1/gi;

describe('validation message keys', () => {
  it('no source file writes a two-language string (schemas, refusals, log lines, stored names alike)', () => {
    const found = sourceFiles().flatMap((f) => (f.text.match(TWO_LANGUAGE) ?? []).map((m) => `${f.file}: ${m}`));
    expect(found).toEqual([]);
  });

  it('catches a two-language schema message (the scan can fail)', () => {
    expect("z.string().min(1, 'тема обязательна / topic is required')".match(TWO_LANGUAGE)).toHaveLength(1);
    expect("z.string().min(1, 'validation.topic-required')".match(TWO_LANGUAGE)).toBeNull();
    expect("label: 'ID сообщества / группы / бота'".match(TWO_LANGUAGE)).toBeNull();
    expect('name: `фото в Telegram / photo in Telegram`'.match(TWO_LANGUAGE)).toHaveLength(1);
  });

  it('names only keys the catalogue has', () => {
    const unknown = schemaFiles().flatMap((f) =>
      [...f.text.matchAll(/'(validation\.[a-z0-9-]+)'/g)]
        .map((m) => m[1]!)
        .filter((key) => !isValidationMessageKey(key))
        .map((key) => `${f.file}: ${key}`),
    );
    expect(unknown).toEqual([]);
  });
});
