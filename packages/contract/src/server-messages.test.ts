// The server's message catalogue: every key is worded in both languages, counted words follow each language's plural
// rule, a message off the wire with a key or parameters this build does not know gives null (the reader falls back to
// the sent text), and the two-language rendering splits back into its halves.
import { REFUSAL_KEYS } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import {
  bilingualServerMessage,
  counted,
  SERVER_MESSAGE_KEYS,
  SERVER_MESSAGES,
  serverMessageIn,
  serverMessageText,
} from './server-messages';
import { languageHalves } from './validation-messages';

// Parameters that every message accepts (Latin, so the English half must have no Cyrillic of its own): each key
// reads only the ones it names.
const SAMPLE = {
  thing: 'case',
  scope: 'address',
  minutes: 5,
  who: 'ivanov',
  command: 'close',
  profileId: 'custom-1',
  type: 'text/html',
  mb: 20,
  kb: 512,
  path: ['text', '0'],
  seconds: 5,
  requestId: 'r-1',
  login: 'ivanov',
  name: 'Roads',
  detail: 'a number is expected',
  max: 400,
  year: 2027,
  zone: 'Europe/Nowhere',
  network: 'max',
  dimension: 'topic',
  value: 'Water',
  count: 5,
  numbers: [12, 13],
  reason: 'foreign',
  origin: 'https://evil.example',
  code: 'auth',
  month: '2026-13',
  slug: 'glava',
  presetId: 'nowhere',
  presets: ['idrinsky-2021'],
  problems: [
    { code: 'missing-columns', columns: ['Jan'] },
    { code: 'bad-day', year: 2027, month: 1, value: '32' },
    { code: 'totals-mismatch', year: 2027, field: 'workingDays', stated: 247, computed: 248 },
  ],
} as const;

describe('server messages', () => {
  it('word every key in Russian and English, differently, each half without the separator', () => {
    expect(SERVER_MESSAGE_KEYS.length).toBeGreaterThan(50);
    for (const key of SERVER_MESSAGE_KEYS) {
      const ru = serverMessageIn(key, SAMPLE, 'ru');
      const en = serverMessageIn(key, SAMPLE, 'en');
      expect(ru, key).toMatch(/[А-Яа-яЁё]/);
      expect(en, key).not.toMatch(/[А-Яа-яЁё]/);
      expect(en, key).not.toBe(ru);
      expect(ru, key).not.toContain(' / ');
      expect(en, key).not.toContain(' / ');
      expect(languageHalves(bilingualServerMessage(key, SAMPLE as never)), key).toEqual([ru, en]);
    }
  });

  it('share no key with the domain refusals, so a client knows whose catalogue words a key', () => {
    for (const key of REFUSAL_KEYS) expect(Object.hasOwn(SERVER_MESSAGES, key), key).toBe(false);
  });

  it('count by the plural rule of each language: 1, 2, 5, 21', () => {
    const minutes = (n: number, lang: 'ru' | 'en') =>
      serverMessageText('auth.rate-limited', { scope: 'account', minutes: n }, lang);
    expect(minutes(1, 'ru')).toContain('через 1 минуту.');
    expect(minutes(2, 'ru')).toContain('через 2 минуты.');
    expect(minutes(5, 'ru')).toContain('через 5 минут.');
    expect(minutes(21, 'ru')).toContain('через 21 минуту.');
    expect(minutes(1, 'en')).toContain('in 1 minute');
    expect(minutes(2, 'en')).toContain('in 2 minutes');
    expect(minutes(21, 'en')).toContain('in 21 minutes');

    const surge = (count: number, windowMinutes: number, lang: 'ru' | 'en') =>
      serverMessageText('surge.title', { dimension: 'topic', value: 'Вода', count, minutes: windowMinutes }, lang);
    expect(surge(1, 60, 'ru')).toBe('Всплеск обращений: тема «Вода» — 1 обращение за 1 час');
    expect(surge(2, 120, 'ru')).toBe('Всплеск обращений: тема «Вода» — 2 обращения за 2 часа');
    expect(surge(5, 300, 'ru')).toBe('Всплеск обращений: тема «Вода» — 5 обращений за 5 часов');
    expect(surge(21, 90, 'ru')).toBe('Всплеск обращений: тема «Вода» — 21 обращение за 90 минут');
    expect(surge(1, 60, 'en')).toBe("surge of messages: topic 'Вода' — 1 message in 1 hour");
    expect(surge(21, 90, 'en')).toBe("surge of messages: topic 'Вода' — 21 messages in 90 minutes");

    expect(serverMessageText('db.late', { seconds: 1 }, 'ru')).toContain('за 1 секунду;');
    expect(serverMessageText('db.late', { seconds: 5 }, 'ru')).toContain('за 5 секунд;');
    expect(serverMessageText('calendar.too-many-days', { max: 21 }, 'ru')).toBe('Не более 21 дня за запрос');
    expect(serverMessageText('calendar.too-many-days', { max: 400 }, 'ru')).toBe('Не более 400 дней за запрос');
    expect(counted(2, 'en', { one: 'day', other: 'days' })).toBe('2 days');
  });

  it('word each thing that is not found in the gender its Russian noun asks for', () => {
    expect(serverMessageText('not-found', { thing: 'organisation' }, 'ru')).toBe('Организация не найдена');
    expect(serverMessageText('not-found', { thing: 'person' }, 'ru')).toBe('Сотрудник не найден');
    expect(serverMessageText('not-found', { thing: 'case' }, 'en')).toBe('case not found');
  });

  it('give null for a key or parameters this build does not know, so the reader shows the sent text', () => {
    expect(serverMessageIn('newer.key', {}, 'ru')).toBeNull();
    expect(serverMessageIn('surge.body', { numbers: 7 }, 'ru')).toBeNull();
    expect(serverMessageIn('toString', {}, 'en')).toBeNull();
  });
});
