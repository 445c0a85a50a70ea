// The request's language: Russian unless Accept-Language prefers English.
import { describe, expect, it } from 'vitest';
import { messageInRequestLanguage, requestLanguage } from './language';

describe('requestLanguage', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['ru', 'ru'],
    ['de-DE', 'ru'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us,en;q=0.9', 'en'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['de, en;q=0.5', 'en'],
    ['en;q=0.5, ru;q=0.8', 'ru'],
    ['en;q=0, ru;q=0', 'ru'],
    ['english', 'ru'],
    [['fr', 'en;q=0.3'], 'en'],
  ] as const)('%j → %s', (header, lang) => {
    expect(requestLanguage(header as string | string[] | undefined)).toBe(lang);
  });
});

describe('messageInRequestLanguage', () => {
  it('words a key of either catalogue, and keeps the thrown message for a key neither has', () => {
    const said = { key: 'case.not-visible', params: {} };
    expect(messageInRequestLanguage(said, 'ru', 'x')).toBe('Обращение не найдено или недоступно');
    expect(messageInRequestLanguage(said, 'en', 'x')).toBe('case not found or not accessible');
    const calendar = { key: 'calendar.unknown-zone', params: { timeZone: 'Mars/Olympus_Mons' } };
    expect(messageInRequestLanguage(calendar, 'en', 'x')).toBe('unknown IANA time zone "Mars/Olympus_Mons"');
    expect(messageInRequestLanguage({ key: 'newer.key', params: {} }, 'en', 'как было')).toBe('как было');
    expect(messageInRequestLanguage(null, 'en', 'как было')).toBe('как было');
  });
});
