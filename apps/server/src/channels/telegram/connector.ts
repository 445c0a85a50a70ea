// Telegram: a bot (grammY's Api client) collects direct messages and the comments in the channel's linked
// discussion group with getUpdates and a persisted offset, or receives them through setWebhook with a secret
// token (telegram/webhook.ts); replies go with sendMessage and reply_parameters in the same chat.

import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { z } from 'zod';
import { ChannelError, httpStatusError, toChannelError } from '../errors';
import { replyTextWithLinks, withChannelErrors } from '../reply-text';
import type { AccountConfig, CollectedItem, Connector } from '../types';

function fromTelegramError(error: unknown): ChannelError {
  if (error instanceof GrammyError) {
    const detail = `Telegram ${error.error_code}: ${error.description}`;
    // 429 carries parameters.retry_after in seconds (core.telegram.org/bots/api#responseparameters).
    const retryAfter = error.parameters.retry_after;
    if (error.error_code === 400 && /not found|message to be replied/i.test(error.description)) {
      return new ChannelError('not-found', detail);
    }
    return httpStatusError(error.error_code, detail, retryAfter !== undefined ? retryAfter * 1000 : undefined);
  }
  if (error instanceof HttpError) return new ChannelError('network', `Telegram: ${error.message}`);
  return toChannelError(error);
}

const zCursor = z.object({ offset: z.number().int().optional() });

/** The part of a Telegram Update this connector reads (getUpdates results and webhook bodies alike). */
const zTgMessage = z.object({
  message_id: z.number(),
  date: z.number(),
  edit_date: z.number().optional(),
  chat: z.object({ id: z.number(), type: z.string(), username: z.string().optional(), title: z.string().optional() }),
  from: z
    .object({
      id: z.number(),
      is_bot: z.boolean(),
      first_name: z.string(),
      last_name: z.string().optional(),
      username: z.string().optional(),
    })
    .optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(z.unknown()).optional(),
  video: z.unknown().optional(),
  document: z.object({ file_name: z.string().optional() }).optional(),
  is_automatic_forward: z.boolean().optional(),
});
export const zTelegramUpdate = z.object({
  update_id: z.number(),
  message: zTgMessage.optional(),
  edited_message: zTgMessage.optional(),
});
export type TelegramUpdate = z.infer<typeof zTelegramUpdate>;
type Message = z.infer<typeof zTgMessage>;
const PAGE = 100;

/** A public link to a message where Telegram has one (a public group, or a supergroup's t.me/c/ link). */
export function telegramMessageUrl(
  chat: { id: number; username?: string | undefined; type: string },
  messageId: number,
) {
  if (chat.username) return `https://t.me/${chat.username}/${messageId}`;
  if (chat.type === 'supergroup' || chat.type === 'channel') {
    return `https://t.me/c/${String(chat.id).replace(/^-100/, '')}/${messageId}`;
  }
  // A private chat has no public link: the web client's address of the chat.
  return `https://web.telegram.org/a/#${chat.id}`;
}

function authorOf(m: Message) {
  const from = m.from;
  if (!from) return { name: m.chat.title ?? 'Telegram' };
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username || `id${from.id}`;
  return from.username ? { name, profileUrl: `https://t.me/${from.username}` } : { name };
}

export const telegramExternalId = (chatId: number, messageId: number) => `tg${chatId}_${messageId}`;

/** Updates as collected items; the bot's own messages and channel posts (the body's own) are skipped. */
export function telegramUpdatesToItems(updates: readonly TelegramUpdate[], botId: number | null): CollectedItem[] {
  return updates.flatMap((u): CollectedItem[] => {
    const edited = u.edited_message;
    if (edited) {
      if (edited.from?.id === botId) return [];
      return [
        {
          type: 'edit',
          externalId: telegramExternalId(edited.chat.id, edited.message_id),
          text: edited.text ?? edited.caption ?? '',
          ...(edited.edit_date ? { editedAt: edited.edit_date * 1000 } : {}),
        },
      ];
    }
    const m = u.message;
    if (!m || m.from?.id === botId || m.from?.is_bot) return [];
    // An automatic forward of the channel's post into its discussion group is the body's own post, not a comment.
    if (m.is_automatic_forward) return [];
    const isPrivate = m.chat.type === 'private';
    const url = telegramMessageUrl(m.chat, m.message_id);
    const kinds: CollectedItem[] = [
      {
        type: 'new',
        externalId: telegramExternalId(m.chat.id, m.message_id),
        thread: {
          kind: 'telegram-message',
          chatId: m.chat.id,
          messageId: m.message_id,
          private: isPrivate,
          ...(m.chat.username ? { chatUsername: m.chat.username } : {}),
        },
        url,
        author: authorOf(m),
        text: m.text ?? m.caption ?? '',
        postedAt: m.date * 1000,
        visibility: isPrivate ? 'private' : 'public',
        // A file's download link carries the bot token: the message's own link is kept instead. A photo or a video
        // has no name of its own: none is stored, and each reader words its kind (stored data has one language per
        // reader, not ours in two); a document keeps its file's name.
        attachments: [
          ...(m.photo ? [{ kind: 'photo' as const, url }] : []),
          ...(m.video ? [{ kind: 'video' as const, url }] : []),
          ...(m.document
            ? [{ kind: 'document' as const, url, ...(m.document.file_name ? { name: m.document.file_name } : {}) }]
            : []),
        ],
      },
    ];
    return kinds;
  });
}

export function createTelegramConnector(account: AccountConfig): Connector {
  const api = new Api(account.secrets.token, { apiRoot: account.apiBaseUrl.replace(/\/+$/, '') });
  const botId = account.externalId ? Number(account.externalId) : null;
  const wrap = withChannelErrors(fromTelegramError);

  return {
    network: 'telegram',

    async describe() {
      const me = await wrap(() => api.getMe());
      return {
        externalId: String(me.id),
        title: me.first_name,
        url: `https://t.me/${me.username}`,
        // Bot tokens do not expire; BotFather's /revoke ends them (then 401).
        tokenExpiresAt: null,
      };
    },

    async collect(rawCursor, options = {}) {
      const cursor = zCursor.parse(rawCursor);
      const updates = await wrap(() =>
        api.getUpdates(
          {
            ...(cursor.offset !== undefined ? { offset: cursor.offset } : {}),
            limit: PAGE,
            timeout: options.waitSeconds ?? 25,
            allowed_updates: ['message', 'edited_message'],
          },
          // grammY types its signal with the abort-controller package; Node's own AbortSignal is what it uses.
          options.signal as Parameters<typeof api.getUpdates>[1],
        ),
      );
      const last = updates[updates.length - 1];
      // getUpdates confirms everything below `offset`: the next call (after these are stored) forgets them.
      const parsed = updates.flatMap((u) => {
        const r = zTelegramUpdate.safeParse(u);
        return r.success ? [r.data] : [];
      });
      return {
        items: telegramUpdatesToItems(parsed, botId),
        cursor: last ? { offset: last.update_id + 1 } : cursor,
        more: updates.length === PAGE,
      };
    },

    async publish(thread, reply) {
      if (thread.kind !== 'telegram-message')
        throw new ChannelError('bad-request', `Telegram cannot reply to ${thread.kind}`);
      const replyTo = { reply_parameters: { message_id: thread.messageId, allow_sending_without_reply: true } };
      const sent = await wrap(() => api.sendMessage(thread.chatId, replyTextWithLinks(reply), replyTo));
      for (const file of reply.attachments) {
        if (!file.content) continue;
        const input = new InputFile(file.content.bytes, file.content.fileName);
        if (file.content.contentType.startsWith('image/'))
          await wrap(() => api.sendPhoto(thread.chatId, input, replyTo));
        else await wrap(() => api.sendDocument(thread.chatId, input, replyTo));
      }
      const chat = {
        id: thread.chatId,
        username: thread.chatUsername,
        type: thread.private ? 'private' : 'supergroup',
      };
      return { postId: String(sent.message_id), url: telegramMessageUrl(chat, sent.message_id) };
    },

    async setWebhook(url, secret) {
      if (url === null) await wrap(() => api.deleteWebhook());
      // Telegram sends the secret back in X-Telegram-Bot-Api-Secret-Token on every call.
      else
        await wrap(() => api.setWebhook(url, { secret_token: secret, allowed_updates: ['message', 'edited_message'] }));
    },

    // The Bot API cannot read a chat's history: the outbox relies on its own record (see publication/worker.ts).
    async fetchThread() {
      return [];
    },
  };
}
