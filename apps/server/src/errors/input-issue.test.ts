import { installValidationMessages, serverMessageIn } from '@otklik/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstIssue } from './input-issue';

installValidationMessages();

const refused = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error;
};

// As a reader gets it: through JSON.
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('input issue message', () => {
  it("words a schema's key once, in each reader's language, with the field", () => {
    const issue = wire(
      firstIssue(
        'input',
        refused(z.object({ command: z.object({ link: z.string().min(1, 'validation.link-required') }) }), {
          command: { link: '' },
        }),
      ),
    );
    expect(serverMessageIn(issue.key, issue.params, 'ru')).toBe('Неверные данные: command.link: Ссылка обязательна');
    expect(serverMessageIn(issue.key, issue.params, 'en')).toBe('invalid input: command.link: the link is required');
    // The log's line has both, Russian first.
    expect(issue.message).toBe(
      'Неверные данные: command.link: Ссылка обязательна / invalid input: command.link: the link is required',
    );
  });

  it("words zod's own check with its locale, and has no field when the path is empty", () => {
    const issue = wire(firstIssue('batch', refused(z.array(z.unknown()), 1)));
    expect(serverMessageIn(issue.key, issue.params, 'ru')).toBe(
      'Неверный пакет: Неверный ввод: ожидалось массив, получено число',
    );
    expect(serverMessageIn(issue.key, issue.params, 'en')).toBe(
      'invalid batch: Invalid input: expected array, received number',
    );
  });

  it('still halves the two-language text of an issue kept from before the issues were sent', () => {
    const params = { input: 'message', path: 'text', detail: 'текст длиннее 10 символов / text too long' };
    expect(serverMessageIn('input.invalid', params, 'ru')).toBe('Неверное сообщение: text: текст длиннее 10 символов');
    expect(serverMessageIn('input.invalid', params, 'en')).toBe('invalid message: text: text too long');
  });
});
