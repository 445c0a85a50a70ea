// A fake of the VK API subset Otklik uses, written from dev.vk.com: methods at /method/<name> (POST form with
// access_token and v), errors as {error: {error_code, error_msg}}, the Bots Long Poll server (a_check with key,
// ts, wait; failed 1/2/3), wall comments with guid de-duplication and messages with random_id de-duplication.
import { type FakeServer, sendJson, startFakeServer, waitFor } from './http';

interface Comment {
  id: number;
  owner_id: number;
  post_id: number;
  from_id: number;
  date: number;
  text: string;
  reply_to_comment?: number;
  thread_of?: number;
  attachments: unknown[];
  /** What a community reply attached (e.g. "photo-218000001_5"), as wall.createComment received it. */
  attached?: string;
  deleted?: boolean;
}
interface Message {
  id: number;
  peer_id: number;
  from_id: number;
  date: number;
  text: string;
  reply_to?: number;
  attached?: string;
}

export interface FakeVk {
  readonly url: string;
  readonly apiBaseUrl: string;
  readonly server: FakeServer;
  readonly groupId: number;
  readonly token: string;
  /** A citizen comments a wall post; returns the comment id. */
  comment(input: { postId: number; fromId: number; text: string; photoUrl?: string; date?: number }): number;
  editComment(id: number, text: string): void;
  deleteComment(id: number): void;
  /** A citizen writes to the community; returns the message id. */
  message(input: { fromId: number; text: string }): number;
  /** Replies the community posted under a comment (our answers). */
  repliesTo(commentId: number): Comment[];
  messagesTo(peerId: number): Message[];
  /** The next `n` method calls answer error 6 "Too many requests per second". */
  rateLimitNext(n: number): void;
  /** Error 10 (internal server error) for the next `n` calls of `method`. */
  failNext(method: string, n: number): void;
  revokeToken(): void;
  /** The long-poll key expires (failed: 2 on the next a_check). */
  expireKey(): void;
  /** Callback API body of the latest event (what VK would POST to the community's server). */
  callbackBody(secret: string): Record<string, unknown>;
  methodCalls(name: string): number;
  /** Files uploaded to the upload servers (bytes received per upload). */
  uploads(): { kind: string; bytes: number }[];
  close(): Promise<void>;
}

export async function startFakeVk(options: { groupId?: number; token?: string } = {}): Promise<FakeVk> {
  const groupId = options.groupId ?? 218_000_001;
  let token = options.token ?? 'vk1.a.community-token-for-tests';
  const comments: Comment[] = [];
  const messages: Message[] = [];
  const events: { ts: number; update: Record<string, unknown> }[] = [];
  let ts = 100;
  let key = 'lpkey-1';
  let nextId = 1;
  let rateLimited = 0;
  const failing = new Map<string, number>();
  const guids = new Map<string, number>();
  const randomIds = new Map<number, number>();
  const now = () => Math.floor(Date.now() / 1000);
  const uploads: { kind: string; bytes: number }[] = [];

  const push = (type: string, object: Record<string, unknown>) => {
    ts += 1;
    events.push({ ts, update: { type, object, group_id: groupId, event_id: `ev${ts}`, v: '5.199' } });
  };
  const error = (code: number, msg: string) => ({ error: { error_code: code, error_msg: msg, request_params: [] } });

  function method(name: string, p: Record<string, unknown>): unknown {
    if (!p.v) return error(8, 'Invalid request: v is required');
    if (p.access_token !== token) return error(5, 'User authorization failed: invalid access_token (4).');
    if (rateLimited > 0) {
      rateLimited -= 1;
      return error(6, 'Too many requests per second');
    }
    const fail = failing.get(name) ?? 0;
    if (fail > 0) {
      failing.set(name, fail - 1);
      return error(10, 'Internal server error');
    }
    const num = (k: string) => Number(p[k]);
    switch (name) {
      case 'groups.getById':
        return {
          response: {
            groups: [{ id: groupId, name: 'Администрация (тест)', screen_name: `club${groupId}` }],
            profiles: [],
          },
        };
      case 'groups.getLongPollServer':
        return { response: { key, server: `${server.url}/lp/${groupId}`, ts: String(ts) } };
      case 'users.get':
        return {
          response: String(p.user_ids ?? '')
            .split(',')
            .filter(Boolean)
            .map((id) => ({ id: Number(id), first_name: 'Житель', last_name: `№${id}` })),
        };
      case 'wall.createComment': {
        const guid = typeof p.guid === 'string' ? p.guid : undefined;
        if (guid && guids.has(guid)) return { response: { comment_id: guids.get(guid) } };
        const parent = comments.find((c) => c.id === num('reply_to_comment'));
        if (p.reply_to_comment && (!parent || parent.deleted))
          return error(100, 'One of the parameters specified was missing or invalid: reply_to_comment');
        const c: Comment = {
          id: nextId++,
          owner_id: num('owner_id'),
          post_id: num('post_id'),
          from_id: p.from_group ? -groupId : 1,
          date: now(),
          text: String(p.message ?? ''),
          ...(parent ? { reply_to_comment: parent.id, thread_of: parent.thread_of ?? parent.id } : {}),
          attachments: [],
          ...(p.attachments ? { attached: String(p.attachments) } : {}),
        };
        comments.push(c);
        if (guid) guids.set(guid, c.id);
        push('wall_reply_new', { ...c });
        return { response: { comment_id: c.id, parents_stack: [] } };
      }
      case 'wall.getComments': {
        const threadOf = p.comment_id ? num('comment_id') : undefined;
        const all = comments.filter(
          (c) =>
            !c.deleted &&
            c.post_id === num('post_id') &&
            (threadOf === undefined ? !c.thread_of : c.thread_of === threadOf),
        );
        const offset = num('offset') || 0;
        const count = Math.min(100, num('count') || 10);
        return { response: { count: all.length, items: all.slice(offset, offset + count) } };
      }
      case 'messages.send': {
        const randomId = num('random_id');
        if (randomIds.has(randomId)) return { response: randomIds.get(randomId) };
        const m: Message = {
          id: nextId++,
          peer_id: num('peer_id'),
          from_id: -groupId,
          date: now(),
          text: String(p.message ?? ''),
          ...(p.reply_to ? { reply_to: num('reply_to') } : {}),
          ...(p.attachment ? { attached: String(p.attachment) } : {}),
        };
        messages.push(m);
        randomIds.set(randomId, m.id);
        return { response: m.id };
      }
      // Uploads (dev.vk.com "Загрузка файлов"): an upload server, a multipart POST to it, then the save method.
      case 'photos.getWallUploadServer':
      case 'photos.getMessagesUploadServer':
      case 'docs.getWallUploadServer':
      case 'docs.getMessagesUploadServer':
        return { response: { upload_url: `${server.url}/upload/${name}`, album_id: 1, user_id: 0 } };
      case 'photos.saveWallPhoto':
      case 'photos.saveMessagesPhoto':
        if (!p.photo || !p.hash) return error(100, 'One of the parameters specified was missing or invalid: photo');
        return { response: [{ id: nextId++, owner_id: -groupId, album_id: 1, date: now(), sizes: [] }] };
      case 'docs.save':
        if (!p.file) return error(100, 'One of the parameters specified was missing or invalid: file');
        return {
          response: {
            type: 'doc',
            doc: {
              id: nextId++,
              owner_id: -groupId,
              title: String(p.title ?? 'doc'),
              url: 'https://vk.com/doc',
              ext: 'pdf',
              size: 1,
              date: now(),
              type: 1,
            },
          },
        };
      case 'messages.getHistory':
        return { response: { count: 0, items: messages.filter((m) => m.peer_id === num('peer_id')).reverse() } };
      default:
        return error(3, `Unknown method passed: ${name}`);
    }
  }

  const server = await startFakeServer(async (req, res) => {
    if (req.path.startsWith('/method/')) {
      sendJson(res, 200, method(req.path.slice('/method/'.length), req.params));
      return;
    }
    if (req.path.startsWith('/upload/')) {
      const kind = req.path.slice('/upload/'.length);
      uploads.push({ kind, bytes: req.raw.length });
      sendJson(
        res,
        200,
        kind.startsWith('photos.') ? { server: 1, photo: '[{"photo":"x"}]', hash: 'h0' } : { file: 'f0' },
      );
      return;
    }
    if (req.path === `/lp/${groupId}`) {
      if (req.query.get('key') !== key) {
        sendJson(res, 200, { failed: 2 });
        return;
      }
      const since = Number(req.query.get('ts'));
      if (since > ts) {
        sendJson(res, 200, { failed: 1, ts: String(ts) });
        return;
      }
      const wait = Math.min(25, Number(req.query.get('wait') ?? 0));
      await waitFor(() => events.some((e) => e.ts > since), wait * 1000);
      const fresh = events.filter((e) => e.ts > since);
      sendJson(res, 200, {
        ts: String(fresh.length > 0 ? fresh[fresh.length - 1]!.ts : since),
        updates: fresh.map((e) => e.update),
      });
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  });

  return {
    url: server.url,
    apiBaseUrl: `${server.url}/method`,
    server,
    groupId,
    get token() {
      return token;
    },
    comment({ postId, fromId, text, photoUrl, date }) {
      const c: Comment = {
        id: nextId++,
        owner_id: -groupId,
        post_id: postId,
        from_id: fromId,
        date: date ?? now(),
        text,
        attachments: photoUrl ? [{ type: 'photo', photo: { sizes: [{ url: photoUrl, width: 800 }] } }] : [],
      };
      comments.push(c);
      push('wall_reply_new', { ...c });
      return c.id;
    },
    editComment(id, text) {
      const c = comments.find((x) => x.id === id);
      if (!c) throw new Error(`no comment ${id}`);
      c.text = text;
      push('wall_reply_edit', { ...c });
    },
    deleteComment(id) {
      const c = comments.find((x) => x.id === id);
      if (!c) throw new Error(`no comment ${id}`);
      c.deleted = true;
      push('wall_reply_delete', { owner_id: c.owner_id, id: c.id, deleter_id: c.from_id, post_id: c.post_id });
    },
    message({ fromId, text }) {
      const m: Message = { id: nextId++, peer_id: fromId, from_id: fromId, date: now(), text };
      messages.push(m);
      push('message_new', { message: { ...m, attachments: [], conversation_message_id: m.id }, client_info: {} });
      return m.id;
    },
    repliesTo: (commentId) => comments.filter((c) => c.reply_to_comment === commentId && !c.deleted),
    messagesTo: (peerId) => messages.filter((m) => m.peer_id === peerId && m.from_id === -groupId),
    rateLimitNext(n) {
      rateLimited = n;
    },
    failNext(name, n) {
      failing.set(name, n);
    },
    revokeToken() {
      token = `${token}-revoked-${Date.now()}`;
    },
    expireKey() {
      key = `lpkey-${Date.now()}`;
    },
    callbackBody(secret) {
      const last = events[events.length - 1];
      return { ...(last?.update ?? {}), secret };
    },
    methodCalls: (name) => server.calls.filter((c) => c.path === `/method/${name}`).length,
    uploads: () => uploads,
    close: () => server.close(),
  };
}
