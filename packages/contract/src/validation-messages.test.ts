import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SERVER_MESSAGE_KEYS } from './server-messages';
import {
  installValidationMessages,
  VALIDATION_MESSAGE_KEYS,
  VALIDATION_MESSAGES,
  validationIssue,
  validationText,
} from './validation-messages';

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const issue = schema.safeParse(value).error?.issues[0];
  if (!issue) throw new Error('expected a refusal');
  // Through JSON, as it reaches a reader.
  return JSON.parse(JSON.stringify(validationIssue(issue)));
};

describe('validation messages', () => {
  installValidationMessages();

  it("words a built-in check with zod's locale of the reader's language", () => {
    const issue = firstIssue(z.number().max(5), 9);
    expect(validationText(issue, 'ru')).toBe('Слишком большое значение: ожидалось, что number будет <=5');
    expect(validationText(issue, 'en')).toBe('Too big: expected number to be <=5');
  });

  it('names the type it received in either language, after the input itself is gone', () => {
    const issue = firstIssue(z.string(), 3);
    expect(issue).not.toHaveProperty('input');
    expect(validationText(issue, 'ru')).toBe('Неверный ввод: ожидалось string, получено число');
    expect(validationText(issue, 'en')).toBe('Invalid input: expected string, received number');
  });

  it("words a schema's key from the catalogue, with the limit the issue carries", () => {
    const issue = firstIssue(z.string().max(10, 'validation.text-too-long'), 'x'.repeat(11));
    expect(validationText(issue, 'ru')).toBe('Текст длиннее 10 символов');
    expect(validationText(issue, 'en')).toBe('the text is longer than 10 characters');
    const id = firstIssue(z.uuid({ message: 'validation.id' }), 'nope');
    expect(validationText(id, 'ru')).toBe('Неверный идентификатор');
    expect(validationText(id, 'en')).toBe('invalid id');
  });

  it('uses the plural rule for a counted limit', () => {
    const one = firstIssue(z.string().max(1, 'validation.too-long'), 'ab');
    const many = firstIssue(z.string().max(200, 'validation.too-long'), 'x'.repeat(201));
    expect(validationText(one, 'ru')).toBe('Слишком длинно (не более 1 символа)');
    expect(validationText(many, 'ru')).toBe('Слишком длинно (не более 200 символов)');
    expect(validationText(one, 'en')).toBe('too long (at most 1 character)');
  });

  it("keeps a schema's own text that is not a key (a schema not given one yet)", () => {
    const issue = firstIssue(z.string().min(2, 'too short'), 'a');
    expect(validationText(issue, 'ru')).toBe('too short');
  });

  it('has every key in both languages, each in one language, apart from the server catalogue', () => {
    const sample = { code: 'too_big', message: '', maximum: 5 };
    for (const key of VALIDATION_MESSAGE_KEYS) {
      const ru = VALIDATION_MESSAGES[key].ru(sample);
      const en = VALIDATION_MESSAGES[key].en(sample);
      expect(ru, key).toMatch(/[а-яё]/i);
      expect(en, key).not.toMatch(/[а-яё]/i);
      expect(ru, key).not.toContain(' / ');
      expect(en, key).not.toContain(' / ');
      expect(SERVER_MESSAGE_KEYS as string[]).not.toContain(key);
    }
  });
});
