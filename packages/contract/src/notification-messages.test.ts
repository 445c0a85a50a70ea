// The notification catalogue: every key worded in Russian and English (Latin parameters, so the English has no
// Cyrillic of its own), and an unknown key or parameters of another shape give null.
import { describe, expect, it } from 'vitest';
import { bilingualNotification, NOTIFICATION_KEYS, notificationText } from './notification-messages';

const SAMPLE = {
  number: 12,
  text: 'pothole',
  reason: 'not roads',
  due: '05.12.2026, 14:30',
  step: 'draft',
  role: 'curator',
  dimension: 'topic',
  value: 'Water',
  count: 5,
  minutes: 120,
  numbers: [12, 13],
  channel: 'https://vk.com/x',
  code: 'auth',
  detail: 'error 5',
};

describe('notification messages', () => {
  it('word every key in both languages, differently', () => {
    for (const key of NOTIFICATION_KEYS) {
      const ru = notificationText(key, SAMPLE, 'ru');
      const en = notificationText(key, SAMPLE, 'en');
      expect(ru?.title, key).toMatch(/[А-Яа-яЁё]/);
      expect(`${en?.title} ${en?.body}`, key).not.toMatch(/[А-Яа-яЁё]/);
      expect(en?.title, key).not.toBe(ru?.title);
      expect(bilingualNotification(key, SAMPLE)?.title).toBe(`${ru?.title} / ${en?.title}`);
    }
  });

  it('give null for an unknown key or parameters it cannot read', () => {
    expect(notificationText('notification.unknown', SAMPLE, 'ru')).toBeNull();
    expect(notificationText('notification.surge', { numbers: 5 }, 'en')).toBeNull();
    expect(bilingualNotification('notification.unknown', SAMPLE)).toBeNull();
  });
});
