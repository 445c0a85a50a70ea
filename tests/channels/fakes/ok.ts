// A fake of the OK REST API subset Otklik uses, written from apiok.ru: POST /fb.do with application_key, method,
// format=json, access_token and sig (md5 signing, checked here independently), errors as {error_code, error_msg},
// group topics and their comments paged with anchor/direction/count.
import { createHash } from 'node:crypto';
import { type FakeServer, sendJson, startFakeServer } from './http';

interface OkComment {
  id: string;
  topicId: string;
  text: string;
  author_id: string;
  author_name: string;
  date: string;
  reply_to_comment_id?: string;
}

export interface FakeOk {
  readonly url: string;
  readonly server: FakeServer;
  readonly groupId: string;
  readonly applicationKey: string;
  readonly appSecret: string;
  readonly token: string;
  readonly topicId: string;
  comment(input: { authorId: string; text: string; date?: string }): string;
  repliesTo(commentId: string): OkComment[];
  revokeToken(): void;
  close(): Promise<void>;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** "yyyy-MM-dd HH:mm:ss" in Moscow time (UTC+3). */
export function moscow(ms: number): string {
  return new Date(ms + 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export async function startFakeOk(): Promise<FakeOk> {
  const groupId = '70000000000001';
  const applicationKey = 'CBAFAKEKEY';
  const appSecret = 'fake-app-secret-0001';
  let token = 'tkn1-fake-ok-group-token';
  const topicId = '155000000000001';
  const comments: OkComment[] = [];
  let nextId = 1;

  const server = await startFakeServer((req, res) => {
    if (req.path !== '/fb.do') return sendJson(res, 404, { error_code: 3, error_msg: 'METHOD' });
    const p = Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, String(v)]));
    if (p.application_key !== applicationKey)
      return sendJson(res, 200, { error_code: 101, error_msg: 'PARAM_API_KEY' });
    const signed = Object.keys(p)
      .filter((k) => k !== 'sig' && k !== 'access_token')
      .sort()
      .map((k) => `${k}=${p[k]}`)
      .join('');
    if (p.access_token !== token) return sendJson(res, 200, { error_code: 102, error_msg: 'PARAM_SESSION_EXPIRED' });
    if (p.sig !== md5(signed + md5(token + appSecret)))
      return sendJson(res, 200, { error_code: 104, error_msg: 'PARAM_SIGNATURE' });
    switch (p.method) {
      case 'group.getInfo':
        return sendJson(res, 200, [{ uid: groupId, name: 'Администрация (тест)', shortname: 'adm_test_ok' }]);
      case 'mediatopic.getTopics':
        return sendJson(res, 200, { media_topics: [{ id: topicId }] });
      case 'discussions.getDiscussionComments': {
        const all = comments.filter((c) => c.topicId === p.discussionId);
        const start = p.anchor ? all.findIndex((c) => c.id === p.anchor) + 1 : 0;
        const count = Math.min(100, Number(p.count ?? 20));
        const page = all.slice(start, start + count);
        const last = page[page.length - 1];
        return sendJson(res, 200, {
          comments: page,
          ...(last ? { anchor: last.id } : p.anchor ? { anchor: p.anchor } : {}),
          has_more: start + count < all.length,
        });
      }
      case 'discussions.comment': {
        const c: OkComment = {
          id: String(nextId++),
          topicId: p.discussionId ?? '',
          text: p.text ?? '',
          author_id: groupId,
          author_name: 'Администрация (тест)',
          date: moscow(Date.now()),
          ...(p.reply_to_comment_id ? { reply_to_comment_id: p.reply_to_comment_id } : {}),
        };
        comments.push(c);
        return sendJson(res, 200, { id: c.id });
      }
      default:
        return sendJson(res, 200, { error_code: 3, error_msg: `METHOD: ${p.method}` });
    }
  });

  return {
    url: server.url,
    server,
    groupId,
    applicationKey,
    appSecret,
    topicId,
    get token() {
      return token;
    },
    comment({ authorId, text, date }) {
      const c: OkComment = {
        id: String(nextId++),
        topicId,
        text,
        author_id: authorId,
        author_name: `Житель ${authorId}`,
        date: date ?? moscow(Date.now()),
      };
      comments.push(c);
      return c.id;
    },
    repliesTo: (commentId) => comments.filter((c) => c.reply_to_comment_id === commentId),
    revokeToken() {
      token = `revoked-${Date.now()}`;
    },
    close: () => server.close(),
  };
}
