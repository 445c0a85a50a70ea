import { languageHalves, serverMessageIn } from '@otklik/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstIssue } from './input-issue';

const refused = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error;
};

describe('input issue message', () => {
  it('puts each half of a bilingual issue in its language, with the field', () => {
    const issue = firstIssue(
      'input',
      refused(z.object({ command: z.object({ reason: z.string('причина обязательна / reason is required') }) }), {
        command: {},
      }),
    );
    expect(issue.message).toBe(
      'Неверные данные: command.reason: причина обязательна / invalid input: command.reason: reason is required',
    );
    expect(serverMessageIn(issue.key, issue.params, 'ru')).toBe('Неверные данные: command.reason: причина обязательна');
    expect(serverMessageIn(issue.key, issue.params, 'en')).toBe('invalid input: command.reason: reason is required');
  });

  it('repeats a message that is not a pair in both halves, and has no field when the path is empty', () => {
    expect(firstIssue('batch', refused(z.string('Required'), 1)).message).toBe(
      'Неверный пакет: Required / invalid batch: Required',
    );
    expect(languageHalves('a / b / c')).toBeNull();
  });
});
