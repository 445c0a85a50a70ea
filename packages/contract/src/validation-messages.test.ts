import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installBilingualValidationMessages } from './validation-messages';

describe('validation messages', () => {
  installBilingualValidationMessages();

  it('joins the Russian and English message of a built-in check', () => {
    const issue = z.number().max(5).safeParse(9).error?.issues[0];
    expect(issue?.message).toBe(
      'Слишком большое значение: ожидалось, что number будет <=5 / Too big: expected number to be <=5',
    );
  });

  it("keeps a schema's own message", () => {
    const issue = z.string().min(2, 'коротко / too short').safeParse('a').error?.issues[0];
    expect(issue?.message).toBe('коротко / too short');
  });

  it('names the wrong type in both languages', () => {
    const [ru, en] = (z.string().safeParse(3).error?.issues[0]?.message ?? '').split(' / ');
    expect(ru).toMatch(/^Неверный ввод/);
    expect(en).toMatch(/^Invalid input/);
  });
});
