// A Telegram message's attachments are stored in no language: a photo or a video has no name (each reader words its
// kind), a document keeps its own file name.
import { describe, expect, it } from 'vitest';
import { type TelegramUpdate, telegramUpdatesToItems } from './connector';

const update = (extra: Partial<NonNullable<TelegramUpdate['message']>>): TelegramUpdate => ({
  update_id: 1,
  message: {
    message_id: 7,
    date: 1_764_000_000,
    chat: { id: -1001, type: 'supergroup', username: 'city' },
    from: { id: 5, is_bot: false, first_name: 'Анна' },
    caption: 'Яма у дома 5',
    ...extra,
  },
});

const attachmentsOf = (u: TelegramUpdate) => {
  const [item] = telegramUpdatesToItems([u], null);
  return item?.type === 'new' ? item.attachments : undefined;
};

describe('Telegram attachments', () => {
  it('a photo and a video carry their kind and the message link, no name', () => {
    expect(attachmentsOf(update({ photo: [{}], video: {} }))).toEqual([
      { kind: 'photo', url: 'https://t.me/city/7' },
      { kind: 'video', url: 'https://t.me/city/7' },
    ]);
  });

  it('a document keeps its file name, and has none when Telegram gives none', () => {
    expect(attachmentsOf(update({ document: { file_name: 'акт.pdf' } }))).toEqual([
      { kind: 'document', url: 'https://t.me/city/7', name: 'акт.pdf' },
    ]);
    expect(attachmentsOf(update({ document: {} }))).toEqual([{ kind: 'document', url: 'https://t.me/city/7' }]);
  });
});
