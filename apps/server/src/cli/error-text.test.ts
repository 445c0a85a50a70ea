import { calendarError, refusal } from '@otklik/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, appError, notFound } from '../errors/app-error';
import { cliErrorText } from './error-text';

describe('cliErrorText', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('prints a server message in Russian from the catalogue, without the English half', () => {
    expect(cliErrorText(appError('CONFLICT', 'person.login-taken', { login: 'glava' }))).toBe(
      'Логин «glava» уже занят',
    );
    expect(cliErrorText(notFound('organisation'))).toBe('Организация не найдена');
  });

  it('prints a domain refusal in Russian from the refusal catalogue', () => {
    const refused = refusal('invalid-input', 'deadline.in-past', {});
    const error = new AppError('DOMAIN_REFUSED', refused.message, undefined, { key: refused.key, params: {} });
    expect(cliErrorText(error)).toBe('Срок должен быть в будущем');
  });

  it('prints a calendar refusal from the same catalogue, in Russian or in English', () => {
    const refused = calendarError('calendar.unknown-zone', { timeZone: 'Mars/Olympus_Mons' });
    expect(cliErrorText(refused)).toBe('Неизвестный часовой пояс «Mars/Olympus_Mons»');
    vi.stubEnv('OTKLIK_LANG', 'en');
    expect(cliErrorText(refused)).toBe('unknown IANA time zone "Mars/Olympus_Mons"');
  });

  it('prints any other error as its own message', () => {
    expect(cliErrorText(new AppError('BAD_INPUT', 'Неверно / wrong'))).toBe('Неверно / wrong');
    expect(cliErrorText(new Error('boom'))).toBe('boom');
    expect(cliErrorText('plain')).toBe('plain');
  });

  it('prints in English with OTKLIK_LANG=en, a server message and a refusal alike', () => {
    vi.stubEnv('OTKLIK_LANG', 'en');
    expect(cliErrorText(appError('CONFLICT', 'person.login-taken', { login: 'glava' }))).toBe('login is taken: glava');
    const refused = refusal('invalid-input', 'deadline.in-past', {});
    const error = new AppError('DOMAIN_REFUSED', refused.message, undefined, { key: refused.key, params: {} });
    expect(cliErrorText(error)).not.toMatch(/[а-я]/i);
  });
});
