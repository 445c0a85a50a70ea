// VK: community wall comments and community messages through a community token (vk-io for the API methods, so
// its rate limiter spaces calls and waits out error 6), collected with the Bots Long Poll API (groups.getLongPollServer,
// then a_check with the persisted ts) or received through the Callback API (vk/webhook.ts).
import http from 'node:http';
import https from 'node:https';
import { API, APIError, Upload } from 'vk-io';
import { z } from 'zod';
import { ChannelError, toChannelError } from '../errors';
import { replyTextWithLinks } from '../reply-text';
import type { AccountConfig, CollectedItem, Connector, Reply, ThreadMessage, ThreadRef } from '../types';
import { vkUpdatesToItems, zVkUpdate } from './updates';

export const VK_API_VERSION = '5.199';

/** VK error codes (dev.vk.com "Ошибки API") mapped to what the worker must do. */
function fromVkError(error: unknown): ChannelError {
  if (!(error instanceof APIError)) return toChannelError(error);
  const detail = `VK ${error.code}: ${error.message}`;
  switch (Number(error.code)) {
    case 5: // user authorization failed: invalid, revoked or expired token
    case 27: // group authorization failed
    case 28: // application authorization failed
      return new ChannelError('auth', detail);
    case 6: // too many requests per second
    case 9: // flood control
    case 29: // rate limit reached
      return new ChannelError('rate-limited', detail, 1_000);
    case 7:
    case 15:
    case 203:
    case 212:
    case 213:
    case 222:
    case 901:
    case 902:
    case 917:
      return new ChannelError('forbidden', detail);
    case 100:
    case 113:
      return new ChannelError('bad-request', detail);
    case 10:
    case 1:
      return new ChannelError('server', detail);
    default:
      return new ChannelError('bad-request', detail);
  }
}

const zCursor = z.object({ server: z.string().optional(), key: z.string().optional(), ts: z.string().optional() });
const zLongPollServer = z.object({ key: z.string(), server: z.string(), ts: z.union([z.string(), z.number()]) });
const zLongPollAnswer = z.object({
  ts: z.union([z.string(), z.number()]).optional(),
  updates: z.array(z.unknown()).optional(),
  failed: z.number().optional(),
});
const zGroup = z.object({ id: z.number(), name: z.string(), screen_name: z.string().optional() });
const zGroupsById = z.union([z.array(zGroup), z.object({ groups: z.array(zGroup) })]);
const zUser = z.object({ id: z.number(), first_name: z.string(), last_name: z.string() });
const zComment = z.object({ id: z.number(), from_id: z.number(), text: z.string().default(''), date: z.number() });
const zComments = z.object({ count: z.number(), items: z.array(zComment) });
const zHistory = z.object({
  items: z.array(z.object({ id: z.number(), from_id: z.number(), text: z.string().default(''), date: z.number() })),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ChannelError('bad-response', `VK ${what}: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** VK's random_id / guid: a stable 31-bit number from the outbox row id, so VK itself drops a repeated send. */
export function vkRandomId(requestId: string): number {
  let h = 0;
  for (const ch of requestId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return Math.abs(h) || 1;
}

export function createVkConnector(account: AccountConfig, fetchImpl: typeof fetch = fetch): Connector {
  const base = account.apiBaseUrl.replace(/\/+$/, '');
  const api = new API({
    token: account.secrets.token,
    apiBaseUrl: base,
    apiVersion: VK_API_VERSION,
    // A community token may make 20 calls per second (dev.vk.com, "Ограничения и рекомендации").
    apiLimit: 20,
    // Our own back-off handles failures; vk-io still waits out error 6 by itself.
    apiRetryLimit: 0,
    apiTimeout: 30_000,
    // vk-io types its agent as an https one; a plain-HTTP base URL (a local proxy, the tests) needs an http agent.
    agent: (base.startsWith('http:') ? new http.Agent({ keepAlive: true }) : https.globalAgent) as https.Agent,
  });
  const upload = new Upload({
    api,
    uploadTimeout: 60_000,
    agent: (base.startsWith('http:') ? new http.Agent({ keepAlive: true }) : https.globalAgent) as https.Agent,
  });
  const call = async (method: string, params: Record<string, unknown>): Promise<unknown> => {
    try {
      return await api.call(method, params);
    } catch (error) {
      throw fromVkError(error);
    }
  };
  const groupId = () => {
    if (!account.externalId) throw new ChannelError('bad-request', 'VK: group id unknown (describe the account first)');
    return Number(account.externalId);
  };

  async function authorNames(items: readonly CollectedItem[]): Promise<Map<number, string>> {
    const ids = new Set<number>();
    for (const item of items) {
      if (item.type === 'new') {
        const id = Number(/id(\d+)$/.exec(item.author.profileUrl ?? '')?.[1]);
        if (id > 0) ids.add(id);
      }
    }
    if (ids.size === 0) return new Map();
    const users = parse(z.array(zUser), await call('users.get', { user_ids: [...ids].join(',') }), 'users.get');
    return new Map(users.map((u) => [u.id, `${u.first_name} ${u.last_name}`.trim()]));
  }

  async function named(items: readonly CollectedItem[]): Promise<CollectedItem[]> {
    const names = await authorNames(items);
    return items.map((item) => {
      if (item.type !== 'new') return item;
      const id = Number(/id(\d+)$/.exec(item.author.profileUrl ?? '')?.[1]);
      const name = names.get(id);
      return name ? { ...item, author: { ...item.author, name } } : item;
    });
  }

  /** Uploads our own files for a reply: wall photos/documents for a comment, message ones for a private reply. */
  async function uploadFiles(thread: ThreadRef, reply: Reply): Promise<string[]> {
    const out: string[] = [];
    for (const file of reply.attachments) {
      if (!file.content) continue;
      const source = {
        value: Buffer.from(file.content.bytes),
        filename: file.content.fileName,
        contentType: file.content.contentType,
      };
      const photo = file.content.contentType.startsWith('image/');
      try {
        const attachment =
          thread.kind === 'vk-wall-comment'
            ? photo
              ? await upload.wallPhoto({ source, group_id: groupId() })
              : await upload.wallDocument({ source, group_id: groupId(), title: file.content.fileName })
            : photo
              ? await upload.messagePhoto({ source, peer_id: thread.kind === 'vk-message' ? thread.peerId : 0 })
              : await upload.messageDocument({
                  source,
                  peer_id: thread.kind === 'vk-message' ? thread.peerId : 0,
                  title: file.content.fileName,
                });
        out.push(attachment.toString());
      } catch (error) {
        throw fromVkError(error);
      }
    }
    return out;
  }

  async function longPollServer() {
    return parse(zLongPollServer, await call('groups.getLongPollServer', { group_id: groupId() }), 'long poll server');
  }

  return {
    network: 'vk',

    async describe() {
      const answer = parse(zGroupsById, await call('groups.getById', {}), 'groups.getById');
      const group = Array.isArray(answer) ? answer[0] : answer.groups[0];
      if (!group) throw new ChannelError('auth', 'VK: the token belongs to no community');
      return {
        externalId: String(group.id),
        title: group.name,
        url: `https://vk.com/${group.screen_name ?? `club${group.id}`}`,
        // Community tokens do not expire; they stop working when revoked (error 5).
        tokenExpiresAt: null,
      };
    },

    async collect(rawCursor, options = {}) {
      let cursor = zCursor.parse(rawCursor);
      if (!cursor.key || !cursor.server) {
        const lp = await longPollServer();
        // The first start begins at the server's current ts: earlier comments are not fetched.
        cursor = { server: lp.server, key: lp.key, ts: cursor.ts ?? String(lp.ts) };
      }
      const url = new URL(cursor.server ?? '');
      url.searchParams.set('act', 'a_check');
      url.searchParams.set('key', cursor.key ?? '');
      url.searchParams.set('ts', cursor.ts ?? '');
      url.searchParams.set('wait', String(options.waitSeconds ?? 25));
      let response: Response;
      try {
        response = await fetchImpl(url, options.signal ? { signal: options.signal } : {});
      } catch (error) {
        throw toChannelError(error);
      }
      if (!response.ok) throw new ChannelError('server', `VK long poll: HTTP ${response.status}`);
      const answer = parse(zLongPollAnswer, await response.json(), 'long poll');
      if (answer.failed !== undefined) {
        // 1: history partly lost, go on from the new ts; 2: key expired; 3: key and ts lost (Bots Long Poll API).
        if (answer.failed === 1)
          return { items: [], cursor: { ...cursor, ts: String(answer.ts ?? cursor.ts) }, more: true };
        const lp = await longPollServer();
        return {
          items: [],
          cursor: { server: lp.server, key: lp.key, ts: answer.failed === 2 ? cursor.ts : String(lp.ts) },
          more: true,
        };
      }
      const updates = (answer.updates ?? []).flatMap((u) => {
        const parsed = zVkUpdate.safeParse(u);
        return parsed.success ? [parsed.data] : [];
      });
      const items = await named(vkUpdatesToItems(updates, groupId()));
      return { items, cursor: { ...cursor, ts: String(answer.ts ?? cursor.ts) }, more: items.length > 0 };
    },

    async publish(thread, reply) {
      // Public links go in the text; files kept by Otklik are uploaded to VK (photos and documents).
      const message = replyTextWithLinks(reply);
      const attachments = (await uploadFiles(thread, reply)).join(',');
      if (thread.kind === 'vk-wall-comment') {
        const answer = parse(
          z.object({ comment_id: z.number() }),
          await call('wall.createComment', {
            owner_id: thread.ownerId,
            post_id: thread.postId,
            from_group: groupId(),
            reply_to_comment: thread.commentId,
            message,
            ...(attachments ? { attachments } : {}),
            // VK drops a second comment with the same guid: a resend after a crash does not post twice.
            guid: reply.requestId,
          }),
          'wall.createComment',
        );
        return {
          postId: String(answer.comment_id),
          url: `https://vk.com/wall${thread.ownerId}_${thread.postId}?reply=${answer.comment_id}&thread=${thread.commentId}`,
        };
      }
      if (thread.kind === 'vk-message') {
        const answer = parse(
          z.number(),
          await call('messages.send', {
            peer_id: thread.peerId,
            message,
            ...(attachments ? { attachment: attachments } : {}),
            reply_to: thread.messageId,
            // VK drops a repeated random_id from the same community: the same guarantee for messages.
            random_id: vkRandomId(reply.requestId),
          }),
          'messages.send',
        );
        return { postId: String(answer), url: `https://vk.com/gim${groupId()}?sel=${thread.peerId}&msgid=${answer}` };
      }
      throw new ChannelError('bad-request', `VK cannot reply to ${thread.kind}`);
    },

    async fetchThread(thread) {
      const own = -groupId();
      if (thread.kind === 'vk-wall-comment') {
        const out: ThreadMessage[] = [];
        // wall.getComments pages by offset/count (at most 100 a page).
        for (let offset = 0; offset < 1000; offset += 100) {
          const page = parse(
            zComments,
            await call('wall.getComments', {
              owner_id: thread.ownerId,
              post_id: thread.postId,
              comment_id: thread.commentId,
              count: 100,
              offset,
              sort: 'asc',
            }),
            'wall.getComments',
          );
          for (const c of page.items) {
            out.push({
              id: String(c.id),
              author: String(c.from_id),
              text: c.text,
              at: c.date * 1000,
              ours: c.from_id === own,
            });
          }
          if (offset + page.items.length >= page.count || page.items.length === 0) break;
        }
        return out;
      }
      if (thread.kind === 'vk-message') {
        const history = parse(
          zHistory,
          await call('messages.getHistory', { peer_id: thread.peerId, count: 50 }),
          'history',
        );
        return history.items.map((m) => ({
          id: String(m.id),
          author: String(m.from_id),
          text: m.text,
          at: m.date * 1000,
          ours: m.from_id === own,
        }));
      }
      throw new ChannelError('bad-request', `VK has no thread ${thread.kind}`);
    },
  };
}
