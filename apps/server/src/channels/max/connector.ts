// MAX: a bot collects direct messages and group-chat messages with GET /updates and a persisted marker, or
// receives them through a subscription (POST /subscriptions with a secret, checked in max/webhook.ts); replies
// go with POST /messages and a reply link to the original mid. Uses the official @maxhub/max-bot-api client.
import { Bot } from '@maxhub/max-bot-api';
import { z } from 'zod';
import { ChannelError, httpStatusError, toChannelError } from '../errors';
import { refuseStoredFiles, replyTextWithLinks, withChannelErrors } from '../reply-text';
import type { AccountConfig, CollectedAttachment, CollectedItem, Connector } from '../types';

function fromMaxError(error: unknown): ChannelError {
  if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number') {
    const detail = `MAX ${error.status}: ${error instanceof Error ? error.message : ''}`;
    return httpStatusError(error.status, detail, error.status === 429 ? 1_000 : undefined);
  }
  return toChannelError(error);
}

const zUser = z.object({
  user_id: z.number(),
  first_name: z.string().optional(),
  last_name: z.string().nullish(),
  name: z.string().optional(),
  username: z.string().nullish(),
  is_bot: z.boolean().optional(),
});
const zMessage = z.object({
  sender: zUser.nullish(),
  recipient: z.object({ chat_id: z.number().nullish(), chat_type: z.string(), user_id: z.number().nullish() }),
  timestamp: z.number(),
  body: z.object({
    mid: z.string(),
    text: z.string().nullish(),
    attachments: z
      .array(z.object({ type: z.string(), payload: z.object({ url: z.string().optional() }).passthrough().optional() }))
      .nullish(),
  }),
  url: z.string().nullish(),
});
export const zMaxUpdate = z.discriminatedUnion('update_type', [
  z.object({ update_type: z.literal('message_created'), timestamp: z.number(), message: zMessage }),
  z.object({ update_type: z.literal('message_edited'), timestamp: z.number(), message: zMessage }),
  z.object({ update_type: z.literal('message_removed'), timestamp: z.number(), message_id: z.string() }),
]);
export type MaxUpdate = z.infer<typeof zMaxUpdate>;
const zUpdates = z.object({ updates: z.array(z.unknown()), marker: z.number().nullish() });
const zCursor = z.object({ marker: z.number().optional() });

export const maxExternalId = (mid: string) => `max${mid}`;

function attachments(m: z.infer<typeof zMessage>): CollectedAttachment[] {
  return (m.body.attachments ?? []).flatMap((a): CollectedAttachment[] => {
    const url = a.payload?.url;
    if (!url || !/^https?:\/\//.test(url)) return [];
    const kind = a.type === 'image' ? 'photo' : a.type === 'video' ? 'video' : a.type === 'file' ? 'document' : 'other';
    return [{ kind, url }];
  });
}

/** Parses raw updates (long polling and webhook alike); unknown types are skipped. */
export function maxUpdatesToItems(raw: readonly unknown[], botId: number | null): CollectedItem[] {
  return raw.flatMap((r): CollectedItem[] => {
    const parsed = zMaxUpdate.safeParse(r);
    if (!parsed.success) return [];
    const u = parsed.data;
    if (u.update_type === 'message_removed')
      return [{ type: 'delete', externalId: maxExternalId(u.message_id), deletedAt: u.timestamp }];
    const m = u.message;
    if (m.sender?.is_bot || (botId !== null && m.sender?.user_id === botId)) return [];
    if (u.update_type === 'message_edited') {
      return [{ type: 'edit', externalId: maxExternalId(m.body.mid), text: m.body.text ?? '', editedAt: u.timestamp }];
    }
    const isPrivate = m.recipient.chat_type === 'dialog';
    const chatId = m.recipient.chat_id ?? 0;
    const sender = m.sender;
    const name = sender
      ? [sender.first_name ?? sender.name, sender.last_name].filter(Boolean).join(' ') || `id${sender.user_id}`
      : 'MAX';
    return [
      {
        type: 'new',
        externalId: maxExternalId(m.body.mid),
        thread: {
          kind: 'max-message',
          chatId,
          mid: m.body.mid,
          private: isPrivate,
          ...(sender ? { userId: sender.user_id } : {}),
        },
        url: m.url && /^https?:\/\//.test(m.url) ? m.url : `https://web.max.ru/${chatId}`,
        author: sender?.username ? { name, profileUrl: `https://max.ru/${sender.username}` } : { name },
        text: m.body.text ?? '',
        postedAt: m.timestamp,
        visibility: isPrivate ? 'private' : 'public',
        attachments: attachments(m),
      },
    ];
  });
}

export function createMaxConnector(account: AccountConfig): Connector {
  const bot = new Bot(account.secrets.token, { clientOptions: { baseUrl: account.apiBaseUrl.replace(/\/+$/, '') } });
  const botId = account.externalId ? Number(account.externalId) : null;
  const wrap = withChannelErrors(fromMaxError);

  return {
    network: 'max',

    async describe() {
      const me = zUser.parse(await wrap(() => bot.api.getMyInfo()));
      return {
        externalId: String(me.user_id),
        title: me.first_name ?? me.name ?? `bot ${me.user_id}`,
        url: me.username ? `https://max.ru/${me.username}` : 'https://max.ru',
        tokenExpiresAt: null,
      };
    },

    async collect(rawCursor, options = {}) {
      const cursor = zCursor.parse(rawCursor);
      const answer = zUpdates.safeParse(
        await wrap(() =>
          bot.api.raw.subscriptions.getUpdates({
            limit: 100,
            timeout: options.waitSeconds ?? 25,
            ...(cursor.marker !== undefined ? { marker: cursor.marker } : {}),
            types: 'message_created,message_edited,message_removed',
            ...(options.signal ? { signal: options.signal } : {}),
          }),
        ),
      );
      if (!answer.success) throw new ChannelError('bad-response', 'MAX /updates: unexpected answer');
      const next = answer.data.marker ?? cursor.marker;
      return {
        items: maxUpdatesToItems(answer.data.updates, botId),
        cursor: next !== undefined ? { marker: next } : {},
        more: answer.data.updates.length === 100,
      };
    },

    async publish(thread, reply) {
      if (thread.kind !== 'max-message') throw new ChannelError('bad-request', `MAX cannot reply to ${thread.kind}`);
      // Files kept by Otklik are not uploaded to MAX in this version.
      refuseStoredFiles(reply, 'MAX');
      const text = replyTextWithLinks(reply);
      const sent = await wrap(() =>
        bot.api.sendMessageToChat(thread.chatId, text, { link: { type: 'reply', mid: thread.mid } }),
      );
      const parsed = zMessage.safeParse(sent);
      if (!parsed.success) throw new ChannelError('bad-response', 'MAX /messages: unexpected answer');
      return { postId: parsed.data.body.mid, url: parsed.data.url ?? `https://web.max.ru/${thread.chatId}` };
    },

    async setWebhook(url, secret) {
      if (url === null) {
        for (const sub of await wrap(() => bot.api.getSubscriptions())) await wrap(() => bot.api.unsubscribe(sub.url));
        return;
      }
      // MAX sends the secret back in X-Max-Bot-Api-Secret on every call.
      await wrap(() => bot.api.subscribe(url, secret, ['message_created', 'message_edited', 'message_removed']));
    },

    async fetchThread(thread) {
      if (thread.kind !== 'max-message') return [];
      const answer = z
        .object({ messages: z.array(zMessage) })
        .safeParse(await wrap(() => bot.api.getMessages(thread.chatId, { count: 50 })));
      if (!answer.success) return [];
      return answer.data.messages.map((m) => ({
        id: m.body.mid,
        author: m.sender?.first_name ?? m.sender?.name ?? '',
        text: m.body.text ?? '',
        at: m.timestamp,
        ours: botId !== null && m.sender?.user_id === botId,
      }));
    },
  };
}
