// A fake of the MAX Bot API subset Otklik uses, written from dev.max.ru: the token in the Authorization header,
// GET /me, GET /updates with marker/limit/timeout/types, POST /messages?chat_id= with a reply link,
// GET /messages?chat_id=, and subscriptions (POST/GET/DELETE /subscriptions with a secret).
import { type FakeServer, sendJson, startFakeServer, waitFor } from './http';

interface MaxMessage {
  sender: { user_id: number; first_name: string; username: string | null; is_bot: boolean; name: string };
  recipient: { chat_id: number; chat_type: string; user_id: number | null };
  timestamp: number;
  body: { mid: string; seq: number; text: string };
  link?: { type: string; mid: string };
  url?: string;
}

export interface FakeMax {
  readonly url: string;
  readonly server: FakeServer;
  readonly botId: number;
  readonly token: string;
  userMessage(input: { text: string; userId: number; dialog: boolean }): { chatId: number; mid: string };
  editMessage(mid: string, text: string): void;
  removeMessage(mid: string): void;
  sentTo(chatId: number): MaxMessage[];
  tooManyRequests(n: number): void;
  revokeToken(): void;
  subscriptions(): { url: string; secret?: string }[];
  close(): Promise<void>;
}

export async function startFakeMax(): Promise<FakeMax> {
  const botId = 9_100_001;
  let token = 'max-bot-token-for-tests-0001';
  const updates: { marker: number; update: Record<string, unknown> }[] = [];
  const messages: MaxMessage[] = [];
  let marker = 1;
  let seq = 1;
  let limited = 0;
  let subs: { url: string; secret?: string }[] = [];
  const push = (update: Record<string, unknown>) => updates.push({ marker: marker++, update });

  const server = await startFakeServer(async (req, res) => {
    if (req.headers.authorization !== token)
      return sendJson(res, 401, { code: 'verify.token', message: 'Invalid access_token' });
    if (limited > 0) {
      limited -= 1;
      return sendJson(res, 429, { code: 'too.many.requests', message: 'Too many requests' });
    }
    const q = req.query;
    if (req.method === 'GET' && req.path === '/me') {
      return sendJson(res, 200, {
        user_id: botId,
        first_name: 'Администрация (тест)',
        name: 'Администрация (тест)',
        username: 'adm_test_max_bot',
        is_bot: true,
        last_activity_time: Date.now(),
      });
    }
    if (req.method === 'GET' && req.path === '/updates') {
      const from = Number(q.get('marker') ?? 0);
      const timeout = Math.min(25, Number(q.get('timeout') ?? 0));
      const limit = Math.min(1000, Number(q.get('limit') ?? 100));
      await waitFor(() => updates.some((u) => u.marker >= from), timeout * 1000);
      const page = updates.filter((u) => u.marker >= from).slice(0, limit);
      const last = page[page.length - 1];
      return sendJson(res, 200, {
        updates: page.map((u) => u.update),
        marker: last ? last.marker + 1 : Math.max(from, marker),
      });
    }
    if (req.method === 'POST' && req.path === '/messages') {
      const chatId = Number(q.get('chat_id'));
      const body = req.params as { text?: string; link?: { type: string; mid: string } };
      const msg: MaxMessage = {
        sender: {
          user_id: botId,
          first_name: 'Администрация (тест)',
          name: 'Администрация (тест)',
          username: 'adm_test_max_bot',
          is_bot: true,
        },
        recipient: { chat_id: chatId, chat_type: chatId > 0 ? 'dialog' : 'chat', user_id: null },
        timestamp: Date.now(),
        body: { mid: `mid.${seq}`, seq: seq++, text: body.text ?? '' },
        ...(body.link ? { link: body.link } : {}),
        url: `https://max.ru/c/${chatId}/mid.${seq - 1}`,
      };
      messages.push(msg);
      return sendJson(res, 200, { message: msg });
    }
    if (req.method === 'GET' && req.path === '/messages') {
      const chatId = Number(q.get('chat_id'));
      return sendJson(res, 200, { messages: messages.filter((m) => m.recipient.chat_id === chatId) });
    }
    if (req.path === '/subscriptions') {
      if (req.method === 'POST') {
        const body = req.params as { url: string; secret?: string };
        subs = [
          ...subs.filter((s) => s.url !== body.url),
          { url: body.url, ...(body.secret ? { secret: body.secret } : {}) },
        ];
        return sendJson(res, 200, { success: true });
      }
      if (req.method === 'DELETE') {
        subs = subs.filter((s) => s.url !== q.get('url'));
        return sendJson(res, 200, { success: true });
      }
      return sendJson(res, 200, {
        subscriptions: subs.map((s) => ({ url: s.url, time: Date.now(), update_types: [] })),
      });
    }
    return sendJson(res, 404, { code: 'not.found', message: 'Not found' });
  });

  return {
    url: server.url,
    server,
    botId,
    get token() {
      return token;
    },
    userMessage({ text, userId, dialog }) {
      const chatId = dialog ? 40_000 + userId : -50_001;
      const msg: MaxMessage = {
        sender: { user_id: userId, first_name: 'Житель', name: 'Житель', username: `u${userId}`, is_bot: false },
        recipient: { chat_id: chatId, chat_type: dialog ? 'dialog' : 'chat', user_id: dialog ? botId : null },
        timestamp: Date.now(),
        body: { mid: `mid.${seq}`, seq: seq++, text },
        url: `https://max.ru/c/${chatId}/mid.${seq - 1}`,
      };
      messages.push(msg);
      push({ update_type: 'message_created', timestamp: msg.timestamp, message: msg });
      return { chatId, mid: msg.body.mid };
    },
    editMessage(mid, text) {
      const msg = messages.find((m) => m.body.mid === mid);
      if (!msg) throw new Error('no such message');
      msg.body.text = text;
      push({ update_type: 'message_edited', timestamp: Date.now(), message: msg });
    },
    removeMessage(mid) {
      const msg = messages.find((m) => m.body.mid === mid);
      push({
        update_type: 'message_removed',
        timestamp: Date.now(),
        message_id: mid,
        chat_id: msg?.recipient.chat_id ?? 0,
        user_id: msg?.sender.user_id ?? 0,
      });
    },
    sentTo: (chatId) => messages.filter((m) => m.recipient.chat_id === chatId && m.sender.user_id === botId),
    tooManyRequests(n) {
      limited = n;
    },
    revokeToken() {
      token = `revoked-${Date.now()}`;
    },
    subscriptions: () => subs,
    close: () => server.close(),
  };
}
