// Odnoklassniki: public comments under the group's topics, collected with discussions.getDiscussionComments and
// a per-topic anchor (the API's paging cursor), and answered in the same discussion. Plain HTTP (fetch) on
// fb.do with signed requests: no maintained Node client exists for the OK REST API. Private messages of OK
// groups are not collected in this version (see README).
import { z } from 'zod';
import { ChannelError, toChannelError } from '../errors';
import { refuseStoredFiles, replyTextWithLinks } from '../reply-text';
import type { AccountConfig, CollectedItem, Connector, ThreadMessage } from '../types';
import { okSignature } from './sign';

/** OK error codes (apiok.ru "Коды ошибок") mapped to what the worker must do. */
function fromOkError(code: number, message: string): ChannelError {
  const detail = `OK ${code}: ${message}`;
  if (code === 102 || code === 103 || code === 101) return new ChannelError('auth', detail);
  if (code === 8 || code === 11) return new ChannelError('rate-limited', detail, 2_000);
  if (code === 10 || code === 7 || code === 9) return new ChannelError('forbidden', detail);
  if (code === 300) return new ChannelError('not-found', detail);
  if (code === 1 || code === 2 || code === 9999) return new ChannelError('server', detail);
  return new ChannelError('bad-request', detail);
}

const zError = z.object({ error_code: z.number(), error_msg: z.string().default('') });
const zComment = z.object({
  id: z.string(),
  text: z.string().default(''),
  author_id: z.string(),
  author_name: z.string().optional(),
  date: z.string(),
  reply_to_comment_id: z.string().optional(),
});
const zComments = z.object({
  comments: z.array(zComment).default([]),
  anchor: z.string().optional(),
  has_more: z.boolean().default(false),
});
const zCursor = z.object({ anchors: z.record(z.string(), z.string()).default({}) });

/** OK gives comment times as "yyyy-MM-dd HH:mm:ss" in Moscow time (UTC+3, no daylight saving since 2014). */
export function okDate(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+03:00`);
}

export const okExternalId = (groupId: string, commentId: string) => `ok${groupId}_c${commentId}`;

export function createOkConnector(account: AccountConfig, fetchImpl: typeof fetch = fetch): Connector {
  const base = account.apiBaseUrl.replace(/\/+$/, '');
  const applicationKey = account.settings.applicationKey ?? '';
  const appSecret = account.secrets.appSecret ?? '';
  const groupId = () => {
    if (!account.externalId) throw new ChannelError('bad-request', 'OK: group id unknown (describe the account first)');
    return account.externalId;
  };

  async function call(method: string, params: Record<string, string | number | undefined>): Promise<unknown> {
    if (!applicationKey || !appSecret) {
      throw new ChannelError('auth', 'OK: application key and secret key are required');
    }
    const plain: Record<string, string> = { application_key: applicationKey, format: 'json', method };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) plain[k] = String(v);
    const query = new URLSearchParams({
      ...plain,
      sig: okSignature(plain, account.secrets.token, appSecret),
      access_token: account.secrets.token,
    });
    let response: Response;
    try {
      response = await fetchImpl(`${base}/fb.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: query.toString(),
      });
    } catch (error) {
      throw toChannelError(error);
    }
    if (response.status >= 500) throw new ChannelError('server', `OK: HTTP ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ChannelError('bad-response', `OK ${method}: not JSON`);
    }
    const error = zError.safeParse(body);
    if (error.success) throw fromOkError(error.data.error_code, error.data.error_msg);
    return body;
  }

  async function topics(): Promise<string[]> {
    if (account.settings.topics && account.settings.topics.length > 0) return account.settings.topics;
    const answer = z
      .object({ media_topics: z.array(z.object({ id: z.string() })).default([]) })
      .safeParse(await call('mediatopic.getTopics', { gid: groupId(), count: 10 }));
    if (!answer.success) throw new ChannelError('bad-response', 'OK mediatopic.getTopics: unexpected answer');
    return answer.data.media_topics.map((t) => t.id);
  }

  async function comments(topicId: string, anchor: string | undefined) {
    const answer = zComments.safeParse(
      await call('discussions.getDiscussionComments', {
        discussionId: topicId,
        discussionType: 'GROUP_TOPIC',
        direction: 'FORWARD',
        count: 100,
        anchor,
      }),
    );
    if (!answer.success)
      throw new ChannelError('bad-response', 'OK discussions.getDiscussionComments: unexpected answer');
    return answer.data;
  }

  return {
    network: 'ok',

    async describe() {
      const answer = z
        .array(z.object({ uid: z.string(), name: z.string(), shortname: z.string().optional() }))
        .safeParse(await call('group.getInfo', { uids: account.externalId ?? '', fields: 'uid,name,shortname' }));
      const group = answer.success ? answer.data[0] : undefined;
      if (!group) throw new ChannelError('not-found', 'OK: group not found (check the group id)');
      return {
        externalId: group.uid,
        title: group.name,
        url: `https://ok.ru/${group.shortname ?? `group/${group.uid}`}`,
        // An OK group's "eternal" access token does not expire; a session token would (not supported here).
        tokenExpiresAt: null,
      };
    },

    async collect(rawCursor, _options = {}) {
      const cursor = zCursor.parse(rawCursor);
      const anchors = { ...cursor.anchors };
      const items: CollectedItem[] = [];
      let more = false;
      for (const topicId of await topics()) {
        const page = await comments(topicId, anchors[topicId]);
        if (page.anchor) anchors[topicId] = page.anchor;
        more ||= page.has_more;
        for (const c of page.comments) {
          if (c.author_id === groupId()) continue; // our own answers
          const postedAt = okDate(c.date);
          items.push({
            type: 'new',
            externalId: okExternalId(groupId(), c.id),
            thread: { kind: 'ok-comment', groupId: groupId(), topicId, commentId: c.id },
            url: `https://ok.ru/group/${groupId()}/topic/${topicId}`,
            author: { name: c.author_name ?? `id${c.author_id}`, profileUrl: `https://ok.ru/profile/${c.author_id}` },
            text: c.text,
            ...(postedAt !== undefined ? { postedAt } : {}),
            visibility: 'public',
            attachments: [],
          });
        }
      }
      return { items, cursor: { anchors }, more };
    },

    async publish(thread, reply) {
      if (thread.kind !== 'ok-comment') throw new ChannelError('bad-request', `OK cannot reply to ${thread.kind}`);
      refuseStoredFiles(reply, 'OK');
      const text = replyTextWithLinks(reply);
      const answer = z.union([z.string(), z.object({ id: z.string() })]).safeParse(
        await call('discussions.comment', {
          discussionId: thread.topicId,
          discussionType: 'GROUP_TOPIC',
          text,
          reply_to_comment_id: thread.commentId,
          as_admin: 'true',
        }),
      );
      if (!answer.success) throw new ChannelError('bad-response', 'OK discussions.comment: unexpected answer');
      const id = typeof answer.data === 'string' ? answer.data : answer.data.id;
      return { postId: id, url: `https://ok.ru/group/${thread.groupId}/topic/${thread.topicId}` };
    },

    async fetchThread(thread) {
      if (thread.kind !== 'ok-comment') return [];
      const out: ThreadMessage[] = [];
      let anchor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const answer = await comments(thread.topicId, anchor);
        for (const c of answer.comments) {
          const at = okDate(c.date);
          out.push({
            id: c.id,
            author: c.author_name ?? c.author_id,
            text: c.text,
            ...(at !== undefined ? { at } : {}),
            ours: c.author_id === thread.groupId,
          });
        }
        if (!answer.has_more || !answer.anchor) break;
        anchor = answer.anchor;
      }
      return out;
    },
  };
}
