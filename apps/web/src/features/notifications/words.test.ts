// A notification reads in the reader's language: from its key when it has one, else the half of its two-language
// text (rows stored before the keys).
import { describe, expect, it } from 'vitest';
import { notificationWords } from './words';

describe('notification words', () => {
  it('words a keyed notification in each language', () => {
    const n = {
      key: 'notification.returned-to-you',
      params: { number: 42, reason: 'Это ЖКХ, не дороги' },
      title: 'ignored when the key is known / ignored',
      body: '',
    };
    expect(notificationWords(n, 'ru')).toEqual({ title: 'Обращение № 42 возвращено вам', body: 'Это ЖКХ, не дороги' });
    expect(notificationWords(n, 'en')).toEqual({ title: 'case No. 42 returned to you', body: 'Это ЖКХ, не дороги' });
  });

  it('counts a surge by each language’s plural rule', () => {
    const n = {
      key: 'notification.surge',
      params: { dimension: 'topic', value: 'Вода', count: 21, minutes: 90, numbers: [5, 6] },
      title: '',
      body: '',
    };
    expect(notificationWords(n, 'ru')).toEqual({
      title: 'Всплеск обращений: тема «Вода» — 21 обращение за 90 минут',
      body: 'Обращения: № 5, № 6',
    });
    expect(notificationWords(n, 'en').title).toBe("surge of messages: topic 'Вода' — 21 messages in 90 minutes");
  });

  it('reads a notification from before the keys, or with a key this build does not know, from its text', () => {
    const old = { key: null, params: null, title: 'Обращение № 3 возвращено вам / case № 3 returned to you', body: '' };
    expect(notificationWords(old, 'ru').title).toBe('Обращение № 3 возвращено вам');
    expect(notificationWords(old, 'en').title).toBe('case № 3 returned to you');
    const newer = { ...old, key: 'notification.from-the-future', params: {} };
    expect(notificationWords(newer, 'en').title).toBe('case № 3 returned to you');
  });
});
