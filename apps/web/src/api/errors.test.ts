// Server errors become sentences in the current language, with field messages when the server names the field.
import { AckRefusedError, ackValue } from '@otklik/contract';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { failureText, pickLanguage, storedMessageText, toReadableError } from './errors';

describe('toReadableError', () => {
  it('takes the half of a bilingual message in the current language', () => {
    expect(pickLanguage('Неверный логин или пароль / wrong login or password', 'ru')).toBe('Неверный логин или пароль');
    expect(pickLanguage('Неверный логин или пароль / wrong login or password', 'en')).toBe('wrong login or password');
    const err = { message: 'Неверный логин или пароль / wrong login or password', data: { code: 'UNAUTHORIZED' } };
    expect(toReadableError(err, ru).message).toBe('Неверный логин или пароль');
  });

  it('maps zod issues of an older server (two-language text) to fields and says to check the form', () => {
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

  it("words zod's issue of a refused input once, in the reader's language (a schema's key, a domain refusal)", () => {
    const issue = { code: 'too_small', message: 'validation.reason-required', origin: 'string', minimum: 1 };
    const err = {
      message:
        'Неверные данные: command.reason: Причина обязательна / invalid input: command.reason: the reason is required',
      data: {
        code: 'BAD_REQUEST',
        key: 'input.invalid',
        params: { input: 'input', path: 'command.reason', issue },
        zodIssues: [{ path: ['command', 'reason'], message: 'validation.reason-required', issue }],
      },
    };
    expect(toReadableError(err, en)).toMatchObject({
      message: 'Check the form fields. the reason is required',
      fields: { 'command.reason': 'the reason is required' },
    });
    expect(toReadableError(err, ru).fields['command.reason']).toBe('Причина обязательна');
    // The decider's own refusal of a command carries the same issue.
    const refused = { data: { code: 'BAD_REQUEST', key: 'command.invalid', params: { path: 'reason', issue } } };
    expect(toReadableError(refused, en).message).toBe('the reason is required');
    expect(toReadableError(refused, ru).message).toBe('Причина обязательна');
  });

  it("words a refused custom profile's problems from their keys, next to each field, in the reader's language", () => {
    const issue = { key: 'profile-issue.too-short', params: { min: 21 } };
    const err = {
      message: 'старый текст / old text',
      data: {
        code: 'BAD_REQUEST',
        key: 'regulation.invalid',
        params: { path: 'name', issue },
        details: {
          errors: [
            { path: 'name', ...issue },
            { path: 'timeZone', key: 'profile-issue.unknown-time-zone', params: { timeZone: 'Mars/Base' } },
            // From a server before the keys.
            { path: 'id', message: 'только строчные латинские буквы / lowercase letters' },
          ],
        },
      },
    };
    expect(toReadableError(err, ru)).toMatchObject({
      message: 'Профиль содержит ошибки: name: Слишком коротко: не меньше 21 символа',
      fields: {
        name: 'Слишком коротко: не меньше 21 символа',
        timeZone: 'Неизвестный часовой пояс «Mars/Base»',
        id: 'только строчные латинские буквы',
      },
    });
    expect(toReadableError(err, en).fields).toEqual({
      name: 'too short: at least 21 characters',
      timeZone: "unknown time zone 'Mars/Base'",
      id: 'lowercase letters',
    });
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

describe('storedMessageText', () => {
  it("words a channel's stored last error from its key in the reader's language, the network's words kept", () => {
    const stored = { key: 'channel.failed', params: { code: 'auth', detail: 'VK 5: User authorization failed' } };
    expect(storedMessageText(stored, ru)).toBe(
      'токен недействителен, отозван или истёк: введите новый — VK 5: User authorization failed',
    );
    expect(storedMessageText(stored, en)).toBe(
      'the token is invalid, revoked or expired — VK 5: User authorization failed',
    );
    // Otklik's own reason has no network words to add.
    expect(storedMessageText({ key: 'channel.failed', params: { code: 'account-disabled', detail: '' } }, en)).toBe(
      'the account is disabled',
    );
  });

  it('words a posted answer that could not be recorded, with the refusal nested in it', () => {
    const stored = {
      key: 'publication.not-recorded',
      params: { url: 'https://vk.com/wall-1_2', reason: 'case.changed-first', reasonParams: {} },
    };
    expect(storedMessageText(stored, en)).toBe(
      'the answer was posted (https://vk.com/wall-1_2), but the case had changed: ' +
        'Someone else changed this case first; reload it and try again.',
    );
    expect(storedMessageText(stored, ru)).toMatch(
      /^Ответ опубликован \(https:\/\/vk.com\/wall-1_2\), но обращение уже/,
    );
  });

  it('shows the half of an error stored before the keys, and nothing when there is none', () => {
    const old = { key: null, params: null, text: 'токен недействителен / the token is invalid — VK 5' };
    expect(storedMessageText(old, ru)).toBe('токен недействителен');
    expect(storedMessageText({ key: null, params: null, text: null }, ru)).toBeNull();
  });

  it("words a publication failure of the case history by its key, an older one by its message's half", () => {
    const failure = {
      code: 'not-found',
      message: 'сообщение или ветка не найдены (удалены?) — VK 100',
      said: { key: 'channel.failed', params: { code: 'not-found', detail: 'VK 100' } },
    };
    expect(failureText(failure, en)).toBe('the message or thread is gone — VK 100');
    expect(failureText({ code: 'server', message: 'ошибка на стороне сети / the network failed' }, en)).toBe(
      'the network failed',
    );
    expect(failureText(undefined, en)).toBeNull();
  });
});

describe('socket acknowledgement refusals', () => {
  it("are worded by their key in the reader's language, as the tRPC errors are", () => {
    const refused = () =>
      ackValue({
        ok: false,
        error: 'Нет доступа / access denied',
        code: 'FORBIDDEN',
        key: 'realtime.display-read-only',
        params: {},
      });
    expect(refused).toThrow(AckRefusedError);
    let caught: unknown;
    try {
      refused();
    } catch (error) {
      caught = error;
    }
    // The key wins over the sent text (which says something else on purpose).
    expect(toReadableError(caught, en)).toMatchObject({ message: 'the wall display is read-only', code: 'FORBIDDEN' });
    expect(toReadableError(caught, ru).message).toBe('Табло только показывает обращения');
    // A domain refusal's key goes through the web's own catalogue.
    const domain = new AckRefusedError({
      ok: false,
      error: 'x / y',
      key: 'profile.no-explanation',
      params: { profile: 'НАО' },
    });
    expect(toReadableError(domain, en).message).toBe('Regulation НАО has no explanations');
    // An acknowledgement from a server without keys still reads in one language.
    const old = new AckRefusedError({ ok: false, error: 'Сначала откройте обращение / join the case first' });
    expect(toReadableError(old, en).message).toBe('join the case first');
    expect(ackValue({ ok: true, value: 7 })).toBe(7);
  });
});
