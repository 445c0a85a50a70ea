// Server errors become sentences in the current language, with field messages when the server names the field.
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { pickLanguage, toReadableError } from './errors';

describe('toReadableError', () => {
  it('takes the half of a bilingual message in the current language', () => {
    expect(pickLanguage('Неверный логин или пароль / wrong login or password', 'ru')).toBe('Неверный логин или пароль');
    expect(pickLanguage('Неверный логин или пароль / wrong login or password', 'en')).toBe('wrong login or password');
    const err = { message: 'Неверный логин или пароль / wrong login or password', data: { code: 'UNAUTHORIZED' } };
    expect(toReadableError(err, ru).message).toBe('Неверный логин или пароль');
  });

  it('maps zod issues to fields and says to check the form', () => {
    const err = {
      message: 'Неверные данные / invalid input: reason: причина обязательна / reason is required',
      data: {
        code: 'BAD_REQUEST',
        zodIssues: [{ path: ['command', 'reason'], message: 'причина обязательна / reason is required' }],
      },
    };
    const r = toReadableError(err, en);
    expect(r.fields['command.reason']).toBe('reason is required');
    expect(r.message).toBe('Check the form fields. reason is required');
  });

  it("words a server message from its key and parameters in the reader's language, counted by the plural rule", () => {
    // The message says something else on purpose: the key, not the text, is what is worded.
    const err = {
      message: 'старый текст / old text',
      data: { code: 'TOO_MANY_REQUESTS', key: 'auth.rate-limited', params: { scope: 'address', minutes: 21 } },
    };
    expect(toReadableError(err, ru).message).toBe(
      'Слишком много неудачных попыток входа с этого адреса. Повторите через 21 минуту.',
    );
    expect(toReadableError(err, en).message).toBe(
      'too many failed sign-in attempts from this address; try again in 21 minutes',
    );
    const field = {
      message: 'x / y',
      data: {
        code: 'BAD_REQUEST',
        key: 'auth.current-password-wrong',
        params: {},
        details: { field: 'currentPassword' },
      },
    };
    expect(toReadableError(field, en).fields.currentPassword).toBe('the current password is wrong');
  });

  it('never shows a network failure or a JSON blob as such', () => {
    expect(toReadableError(new TypeError('Failed to fetch'), ru).message).toBe(ru.errors.network);
    expect(toReadableError({ message: '{"x":1}', data: { code: 'CONFLICT' } }, ru).message).toBe(ru.errors.conflict);
    expect(toReadableError({}, en).message).toBe(en.errors.generic);
  });
});
