// A fake of the Telegram Bot API subset Otklik uses, written from core.telegram.org/bots/api: /bot<token>/<method>
// with JSON or multipart bodies, {ok, result} or {ok: false, error_code, description, parameters.retry_after},
// getUpdates with offset/limit/timeout (an offset confirms everything below it), sendMessage with reply_parameters.
import { type FakeServer, sendJson, startFakeServer, waitFor } from './http';

interface TgMessage {
  message_id: number;
  date: number;
  chat: { id: number; type: string; username?: string; title?: string };
  from?: { id: number; is_bot: boolean; first_name: string; username?: string };
  text?: string;
  edit_date?: number;
  reply_to_message?: { message_id: number };
}

export interface FakeTelegram {
  readonly url: string;
  readonly server: FakeServer;
  readonly botId: number;
  readonly token: string;
  /** A citizen writes: in a private chat with the bot, or as a comment in the channel's discussion group. */
  userMessage(input: { text: string; fromId: number; private: boolean; date?: number }): {
    chatId: number;
    messageId: number;
  };
  editMessage(chatId: number, messageId: number, text: string): void;
  /** Messages the bot sent into a chat. */
  sentTo(chatId: number): TgMessage[];
  /** The next `n` calls answer 429 with retry_after `seconds`. */
  tooManyRequests(n: number, seconds: number): void;
  revokeToken(): void;
  /** Every update ever queued (for paging tests: many at once). */
  queued(): number;
  webhook(): { url: string; secret?: string } | null;
  close(): Promise<void>;
}

export const GROUP_CHAT_ID = -1001234567890;

export async function startFakeTelegram(options: { botId?: number } = {}): Promise<FakeTelegram> {
  const botId = options.botId ?? 7_000_001;
  let token = `${botId}:AAH-fake-token-for-tests`;
  const updates: { update_id: number; message?: TgMessage; edited_message?: TgMessage }[] = [];
  const chats = new Map<number, TgMessage[]>();
  let confirmed = 0;
  let nextUpdate = 500;
  let nextMessage = 1;
  let limited = 0;
  let retryAfter = 1;
  let hook: { url: string; secret?: string } | null = null;
  const now = () => Math.floor(Date.now() / 1000);
  const chatOf = (id: number) => {
    if (!chats.has(id)) chats.set(id, []);
    return chats.get(id)!;
  };
  const fail = (code: number, description: string, parameters?: Record<string, unknown>) => ({
    ok: false,
    error_code: code,
    description,
    ...(parameters ? { parameters } : {}),
  });

  const server = await startFakeServer(async (req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.path);
    if (!m) return sendJson(res, 404, fail(404, 'Not Found'));
    if (m[1] !== token) return sendJson(res, 401, fail(401, 'Unauthorized'));
    if (limited > 0) {
      limited -= 1;
      return sendJson(res, 429, fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }));
    }
    const p = req.params;
    const ok = (result: unknown) => sendJson(res, 200, { ok: true, result });
    switch (m[2]) {
      case 'getMe':
        return ok({ id: botId, is_bot: true, first_name: 'Администрация (тест)', username: 'adm_test_bot' });
      case 'getUpdates': {
        const offset = Number(p.offset ?? 0);
        if (offset > 0) confirmed = Math.max(confirmed, offset);
        const limit = Math.min(100, Number(p.limit ?? 100));
        const timeout = Math.min(25, Number(p.timeout ?? 0));
        await waitFor(() => updates.some((u) => u.update_id >= confirmed), timeout * 1000);
        return ok(updates.filter((u) => u.update_id >= confirmed).slice(0, limit));
      }
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument': {
        // Multipart bodies (files) are not parsed: the fact of the call is what tests look at.
        const chatId = Number(p.chat_id ?? req.query.get('chat_id') ?? 0);
        if (m[2] === 'sendMessage' && !chats.has(chatId))
          return sendJson(res, 400, fail(400, 'Bad Request: chat not found'));
        const replyTo = p.reply_parameters as { message_id?: number } | undefined;
        const msg: TgMessage = {
          message_id: nextMessage++,
          date: now(),
          chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
          from: { id: botId, is_bot: true, first_name: 'Администрация (тест)' },
          ...(typeof p.text === 'string' ? { text: p.text } : {}),
          ...(replyTo?.message_id ? { reply_to_message: { message_id: replyTo.message_id } } : {}),
        };
        chatOf(chatId).push(msg);
        return ok(msg);
      }
      case 'setWebhook':
        hook = { url: String(p.url), ...(typeof p.secret_token === 'string' ? { secret: p.secret_token } : {}) };
        return ok(true);
      case 'deleteWebhook':
        hook = null;
        return ok(true);
      default:
        return sendJson(res, 404, fail(404, 'Not Found: method not found'));
    }
  });

  return {
    url: server.url,
    server,
    botId,
    get token() {
      return token;
    },
    userMessage({ text, fromId, private: isPrivate, date }) {
      const chatId = isPrivate ? fromId : GROUP_CHAT_ID;
      const msg: TgMessage = {
        message_id: nextMessage++,
        date: date ?? now(),
        chat: isPrivate
          ? { id: chatId, type: 'private' }
          : { id: chatId, type: 'supergroup', title: 'Обсуждение канала администрации', username: 'adm_test_chat' },
        from: { id: fromId, is_bot: false, first_name: 'Житель', username: `user${fromId}` },
        text,
      };
      chatOf(chatId).push(msg);
      updates.push({ update_id: nextUpdate++, message: msg });
      return { chatId, messageId: msg.message_id };
    },
    editMessage(chatId, messageId, text) {
      const msg = chatOf(chatId).find((x) => x.message_id === messageId);
      if (!msg) throw new Error('no such message');
      msg.text = text;
      msg.edit_date = now();
      updates.push({ update_id: nextUpdate++, edited_message: { ...msg } });
    },
    sentTo: (chatId) => chatOf(chatId).filter((x) => x.from?.id === botId),
    tooManyRequests(n, seconds) {
      limited = n;
      retryAfter = seconds;
    },
    revokeToken() {
      token = `${botId}:revoked-${Date.now()}`;
    },
    queued: () => updates.length,
    webhook: () => hook,
    close: () => server.close(),
  };
}
