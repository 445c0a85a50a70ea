// Validation messages are keys of the contract's catalogue, worded once in the reader's language: no schema may
// write "Русский / English" in one string again, and every key a schema names must be in the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isValidationMessageKey } from '@otklik/contract';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const SOURCES = ['packages/domain/src', 'packages/contract/src', 'apps/server/src'];

// Files with two-language strings that are not validation messages of a schema, or not reached yet (NOTES.md,
// "Added 2026-12-04 (night), zodkeys"). Shrink this list; never grow it.
const LEFT = new Set([
  'packages/domain/src/sla/rules.ts',
  'packages/domain/src/profiles/parse.ts',
  'packages/domain/src/profiles/schema.ts',
]);

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

const schemaFiles = () =>
  SOURCES.flatMap((dir) => [...tsFiles(join(root, dir))])
    .map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }))
    .filter((f) => /from 'zod'/.test(f.text));

// A string literal ('…', "…" or `…`) with Russian and " / " in it.
const TWO_LANGUAGE = /(['"`])(?:(?!\1)[^\\\n]|\\.)*[а-яё](?:(?!\1)[^\\\n]|\\.)* \/ (?:(?!\1)[^\\\n]|\\.)*\1/gi;

describe('validation message keys', () => {
  it('no file with zod schemas writes a two-language string (but those left, listed)', () => {
    const found = schemaFiles()
      .filter((f) => !LEFT.has(f.file))
      .flatMap((f) => (f.text.match(TWO_LANGUAGE) ?? []).map((m) => `${f.file}: ${m}`));
    expect(found).toEqual([]);
  });

  it('catches a two-language schema message (the scan can fail)', () => {
    expect("z.string().min(1, 'тема обязательна / topic is required')".match(TWO_LANGUAGE)).toHaveLength(1);
    expect("z.string().min(1, 'validation.topic-required')".match(TWO_LANGUAGE)).toBeNull();
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
