// MAX and Odnoklassniki against their fakes: MAX /updates with a marker (dialogs private, chats public), edits and
// removals, replies with a reply link; OK comments paged by anchor, signed requests, replies in the discussion.
import { describe, expect, it } from 'vitest';
import { okDate } from '../../apps/server/src/channels/ok/connector';
import { okSignature } from '../../apps/server/src/channels/ok/sign';
import { runOutboxOnce } from '../../apps/server/src/channels/publication';
import { tokenAccount } from './fakes/account';
import { startFakeMax } from './fakes/max';
import { startFakeOk } from './fakes/ok';
import { accountRow, approve, caseByExternalId, casesOf, connectorSuite, describeEachDatabase } from './support';

describe('OK request details', () => {
  it('signs as apiok.ru describes: sorted name=value pairs, then md5(token + secret)', () => {
    // Parameter order and access_token do not change the signature; the secret does. (The fake OK server checks
    // every signed call on its own, so a wrong formula fails every OK test.)
    const a = okSignature({ method: 'group.getInfo', format: 'json', application_key: 'K' }, 'tok', 'S');
    const b = okSignature(
      { application_key: 'K', format: 'json', method: 'group.getInfo', access_token: 'tok' },
      'tok',
      'S',
    );
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(okSignature({ method: 'x' }, 'tok', 'S')).not.toBe(okSignature({ method: 'x' }, 'tok', 'T'));
  });
  it('reads OK times as Moscow time', () => {
    expect(okDate('2026-12-01 10:00:00')).toBe(Date.parse('2026-12-01T07:00:00Z'));
    expect(okDate('дом 5')).toBeUndefined();
  });
});

describeEachDatabase('MAX connector', (getDb) => {
  const suite = connectorSuite(getDb, {
    start: startFakeMax,
    account: tokenAccount('max', 'https://max.ru/adm_test'),
  });

  it('collects dialogs as private and chats as public, with the marker persisted', async () => {
    const d = suite.fake.userMessage({ text: 'Вопрос в личку', userId: 11, dialog: true });
    const c = suite.fake.userMessage({ text: 'Вопрос в чате', userId: 12, dialog: false });
    expect((await suite.collect()).report?.created).toBe(2);
    expect((await caseByExternalId(suite.world, `max${d.mid}`)).isPublic).toBe(false);
    expect((await caseByExternalId(suite.world, `max${c.mid}`)).isPublic).toBe(true);
    expect((await accountRow(suite.world, suite.accountId)).cursor).toMatchObject({ marker: expect.any(Number) });
    expect((await suite.collect()).report?.created).toBe(0);
    suite.fake.editMessage(d.mid, 'Вопрос в личку, уточнённый');
    suite.fake.removeMessage(c.mid);
    expect((await suite.collect()).report).toMatchObject({ edits: 1, deletions: 1 });
    const v = await approve(suite.world, (await caseByExternalId(suite.world, `max${d.mid}`)).id, 'Ответ в MAX');
    await suite.world.curator.channels.requestPublication({
      caseId: (await caseByExternalId(suite.world, `max${d.mid}`)).id,
      expectedVersion: v,
    });
    await runOutboxOnce(suite.world.deps);
    expect(suite.fake.sentTo(d.chatId)).toMatchObject([
      { body: { text: 'Ответ в MAX' }, link: { type: 'reply', mid: d.mid } },
    ]);
  });

  it('subscribes with a secret for webhooks', async () => {
    await suite.world.admin.channels.setMode({
      id: suite.accountId,
      mode: 'webhook',
      publicBaseUrl: 'https://otklik.example.ru',
    });
    expect(suite.fake.subscriptions()).toMatchObject([
      { url: `https://otklik.example.ru/api/channels/max/${suite.accountId}`, secret: expect.any(String) },
    ]);
  });

  it('a 429 is a rate limit with back-off, a revoked token breaks the account', async () => {
    await suite.world.admin.channels.setMode({ id: suite.accountId, mode: 'polling' });
    suite.fake.tooManyRequests(1);
    expect((await suite.collect()).error?.code).toBe('rate-limited');
    suite.fake.revokeToken();
    expect((await suite.collect()).error?.code).toBe('auth');
  });
});

describeEachDatabase('OK connector', (getDb) => {
  const suite = connectorSuite(getDb, {
    start: startFakeOk,
    account: (ok) => ({
      ...tokenAccount('ok', 'https://ok.ru/adm_test_ok')(ok),
      appSecret: ok.appSecret,
      applicationKey: ok.applicationKey,
      externalId: ok.groupId,
    }),
  });

  it('pages comments by anchor (130 = 100 + 30), posting times in Moscow time, replies in the discussion', async () => {
    const ids = Array.from({ length: 130 }, (_, i) =>
      suite.fake.comment({ authorId: String(500 + i), text: `Комментарий ${i}`, date: '2026-12-01 10:00:00' }),
    );
    const first = await suite.collect();
    expect(first).toMatchObject({ more: true, report: { created: 100 } });
    expect((await suite.collect()).report?.created).toBe(30);
    expect((await suite.collect()).report?.created).toBe(0);
    expect((await casesOf(suite.world)).length).toBe(130);
    const kase = await caseByExternalId(suite.world, `ok${suite.fake.groupId}_c${ids[0]}`);
    expect(kase.postedAt?.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    const v = await approve(suite.world, kase.id, 'Ответ в Одноклассниках');
    await suite.world.curator.channels.requestPublication({ caseId: kase.id, expectedVersion: v });
    await runOutboxOnce(suite.world.deps);
    expect(suite.fake.repliesTo(ids[0]!).map((c) => c.text)).toEqual(['Ответ в Одноклассниках']);
    // Our own reply is not collected as a citizen's comment.
    expect((await suite.collect()).report?.created).toBe(0);
  });

  it('a revoked token (error 102) breaks the account', async () => {
    suite.fake.revokeToken();
    expect((await suite.collect()).error?.code).toBe('auth');
  });
});
