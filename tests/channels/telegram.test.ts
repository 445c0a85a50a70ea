// Telegram against the fake Bot API: getUpdates paging with a persisted offset, private vs discussion-group
// messages, edits, 429 with retry_after honoured as back-off, a revoked token (401), replies with
// reply_parameters in the same chat, and the webhook switch (setWebhook with a secret token).
import { serverMessageIn } from '@otklik/contract';
import { expect, it } from 'vitest';
import { runOutboxOnce } from '../../apps/server/src/channels/publication';
import { channelAccounts } from '../../apps/server/src/db/schema';
import { tokenAccount } from './fakes/account';
import { GROUP_CHAT_ID, startFakeTelegram } from './fakes/telegram';
import { accountRow, approve, caseByExternalId, casesOf, connectorSuite, describeEachDatabase } from './support';

describeEachDatabase('Telegram connector', (getDb) => {
  const suite = connectorSuite(getDb, {
    start: startFakeTelegram,
    account: tokenAccount('telegram', 'https://t.me/adm_test'),
  });

  it('pages through 150 updates with the offset cursor: two calls, every message once', async () => {
    for (let i = 0; i < 150; i++)
      suite.fake.userMessage({ text: `Сообщение ${i}`, fromId: 1000 + i, private: i % 2 === 0 });
    const first = await suite.collect();
    expect(first.report?.created).toBe(100);
    expect(first.more).toBe(true);
    const second = await suite.collect();
    expect(second.report?.created).toBe(50);
    expect(second.more).toBe(false);
    expect((await suite.collect()).report?.created).toBe(0);
    const all = await casesOf(suite.world);
    expect(all.length).toBe(150);
    expect(all.filter((c) => !c.isPublic).length).toBe(75);
    expect((await accountRow(suite.world, suite.accountId)).cursor).toMatchObject({ offset: expect.any(Number) });
    // The discussion group is public and has a t.me link to the message.
    const group = all.find((c) => c.isPublic);
    expect(group?.url).toMatch(/^https:\/\/t\.me\/adm_test_chat\/\d+$/);
  });

  it('records an edit of the original', async () => {
    const m = suite.fake.userMessage({ text: 'Не работает фонарь', fromId: 2001, private: true });
    await suite.collect();
    suite.fake.editMessage(m.chatId, m.messageId, 'Не работает фонарь у дома 5');
    expect((await suite.collect()).report?.edits).toBe(1);
    expect((await caseByExternalId(suite.world, `tg${m.chatId}_${m.messageId}`)).text).toBe(
      'Не работает фонарь у дома 5',
    );
  });

  it('429 with retry_after sets the back-off at least that long', async () => {
    suite.fake.tooManyRequests(1, 7);
    const before = Date.now();
    const pass = await suite.collect();
    expect(pass.error?.code).toBe('rate-limited');
    const row = await accountRow(suite.world, suite.accountId);
    expect(row.backoffUntil!.getTime() - before).toBeGreaterThanOrEqual(7_000);
    // Stored as the catalogue's key with the network's own words, not as a two-language text.
    expect(row).toMatchObject({
      lastError: null,
      lastErrorKey: 'channel.failed',
      lastErrorParams: { code: 'rate-limited', detail: expect.stringMatching(/Telegram 429/) },
    });
  });

  it('replies in the same chat: privately to a direct message, in the group to a comment', async () => {
    const direct = suite.fake.userMessage({ text: 'Когда будет вода?', fromId: 3001, private: true });
    const comment = suite.fake.userMessage({ text: 'А в нашем районе?', fromId: 3002, private: false });
    await suite.world.deps.db.update(channelAccounts).set({ backoffUntil: null });
    await suite.collect();
    for (const m of [direct, comment]) {
      const kase = await caseByExternalId(suite.world, `tg${m.chatId}_${m.messageId}`);
      const v = await approve(suite.world, kase.id, `Ответ на ${m.messageId}`);
      await suite.world.curator.channels.requestPublication({ caseId: kase.id, expectedVersion: v });
      await runOutboxOnce(suite.world.deps);
      expect((await suite.world.curator.cases.detail({ caseId: kase.id })).case.status).toBe('closed');
    }
    expect(suite.fake.sentTo(3001)).toMatchObject([
      { text: `Ответ на ${direct.messageId}`, reply_to_message: { message_id: direct.messageId } },
    ]);
    expect(suite.fake.sentTo(GROUP_CHAT_ID)).toMatchObject([
      { text: `Ответ на ${comment.messageId}`, reply_to_message: { message_id: comment.messageId } },
    ]);
  });

  it('switches to a webhook with a secret token and back to polling', async () => {
    await suite.world.admin.channels.setMode({
      id: suite.accountId,
      mode: 'webhook',
      publicBaseUrl: 'https://otklik.example.ru',
    });
    expect(suite.fake.webhook()).toMatchObject({
      url: `https://otklik.example.ru/api/channels/telegram/${suite.accountId}`,
      secret: expect.any(String),
    });
    await suite.world.admin.channels.setMode({ id: suite.accountId, mode: 'polling' });
    expect(suite.fake.webhook()).toBeNull();
  });

  it('a revoked token (401) breaks the account', async () => {
    suite.fake.revokeToken();
    const pass = await suite.collect();
    expect(pass.error?.code).toBe('auth');
    const [account] = await suite.world.admin.channels.accounts();
    expect(account).toMatchObject({ broken: true, lastErrorCode: 'auth' });
    // "Check the connection" says so as the catalogue's key: what it means, then the network's own words.
    const refused = await suite.world.admin.channels.check({ id: suite.accountId }).catch((error: unknown) => error);
    const said = (refused as { cause?: { key: string | null; params: Record<string, unknown> | null } }).cause;
    expect(said).toMatchObject({ key: 'channel.failed', params: { code: 'auth' } });
    expect(serverMessageIn(said!.key!, said!.params, 'ru')).toMatch(/^токен недействителен, отозван или истёк: .* — /);
    expect(serverMessageIn(said!.key!, said!.params, 'en')).toMatch(/^the token is invalid, revoked or expired — /);
  });
});
