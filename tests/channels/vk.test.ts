// VK against the fake VK API: long-poll collection with a persisted ts, author names, attachments as rows,
// edits and deletions, error 6 waited out, a revoked token (error 5) breaking the account once, a restart in the
// middle of a batch, and public vs private replies through the outbox.
import { notificationText, serverMessageIn } from '@otklik/contract';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { runOutboxOnce } from '../../apps/server/src/channels/publication';
import { storeCollected } from '../../apps/server/src/channels/store';
import { createVkConnector } from '../../apps/server/src/channels/vk/connector';
import { attachments, caseEvents, channelAccounts, notifications } from '../../apps/server/src/db/schema';
import { startFakeVk } from './fakes/vk';
import {
  accountRow,
  approve,
  caseByExternalId,
  casesOf,
  connectorSuite,
  describeEachDatabase,
  vkAccount,
} from './support';

describeEachDatabase('VK connector', (getDb) => {
  const suite = connectorSuite(getDb, { start: startFakeVk, account: vkAccount() });

  it('check stores the community id and title; the token never comes back', async () => {
    const [account] = await suite.world.admin.channels.accounts();
    expect(account).toMatchObject({ externalId: String(suite.fake.groupId), hasToken: true, connected: true });
    expect(JSON.stringify(account)).not.toContain(suite.fake.token);
    expect(JSON.stringify(await suite.world.curator.directory.channelAccounts())).not.toMatch(/secret|token/i);
  });

  it('collects a comment with its posting time, author link and photo, once, and moves the cursor', async () => {
    // The first call only learns the server's current ts: earlier comments are not fetched.
    expect((await suite.collect()).ok).toBe(true);
    const postedAt = Math.floor(Date.parse('2026-12-01T07:00:00Z') / 1000);
    const id = suite.fake.comment({
      postId: 10,
      fromId: 501,
      text: 'Яма у школы №3',
      photoUrl: 'https://sun.userapi.com/p.jpg',
      date: postedAt,
    });
    const first = await suite.collect();
    expect(first.report).toMatchObject({ created: 1 });
    const kase = await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${id}`);
    expect(kase).toMatchObject({ network: 'vk', isPublic: true, author: 'Житель №501', text: 'Яма у школы №3' });
    expect(kase.postedAt?.getTime()).toBe(postedAt * 1000);
    expect(kase.url).toBe(`https://vk.com/wall-${suite.fake.groupId}_10?reply=${id}`);
    const files = await suite.world.deps.db.select().from(attachments).where(eq(attachments.caseId, kase.id));
    expect(files.map((f) => f.sourceUrl)).toEqual(['https://sun.userapi.com/p.jpg']);
    // Nothing new: nothing twice.
    await suite.collect();
    expect((await casesOf(suite.world)).length).toBe(1);
    const row = await accountRow(suite.world, suite.accountId);
    expect(row.lastCollectedAt).not.toBeNull();
    expect(row.cursor).toMatchObject({ ts: expect.any(String) });
  });

  it('records edits and deletions of the original on the case', async () => {
    const id = suite.fake.comment({ postId: 11, fromId: 502, text: 'Нет света' });
    await suite.collect();
    suite.fake.editComment(id, 'Нет света на ул. Мира');
    suite.fake.deleteComment(id);
    const pass = await suite.collect();
    expect(pass.report).toMatchObject({ edits: 1, deletions: 1 });
    const kase = await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${id}`);
    expect(kase.text).toBe('Нет света на ул. Мира');
    expect(kase.flags).toEqual(expect.arrayContaining(['message-edited', 'message-deleted']));
    const types = (await suite.world.deps.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id))).map(
      (e) => e.type,
    );
    expect(types).toEqual(['case-registered', 'message-edited', 'message-deleted']);
  });

  it('waits out error 6 (too many requests) and still collects', async () => {
    const id = suite.fake.comment({ postId: 12, fromId: 503, text: 'Скользко' });
    suite.fake.expireKey(); // forces groups.getLongPollServer, which the next two answers refuse with error 6
    suite.fake.rateLimitNext(2);
    let pass = await suite.collect();
    for (let i = 0; i < 3 && !(pass.report?.created ?? 0); i++) pass = await suite.collect();
    expect(await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${id}`)).toBeTruthy();
    const sixes = suite.fake.server.calls.filter((c) => c.path === '/method/groups.getLongPollServer');
    // vk-io paused (about a second) before asking again: the limit was honoured, not hammered.
    const last = sixes.slice(-3);
    expect(last.length).toBe(3);
    expect(last[2]!.at - last[0]!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('a restart in the middle of a batch loses nothing and stores nothing twice', async () => {
    const ids = [1, 2, 3, 4].map((n) => suite.fake.comment({ postId: 20, fromId: 600 + n, text: `Вопрос ${n}` }));
    const before = await accountRow(suite.world, suite.accountId);
    // The process reads the batch, stores two items, and dies before the cursor moves.
    const connector = createVkConnector({
      id: suite.accountId,
      network: 'vk',
      externalId: String(suite.fake.groupId),
      apiBaseUrl: suite.fake.apiBaseUrl,
      settings: {},
      secrets: { token: suite.fake.token, webhookSecret: 'x'.repeat(32) },
    });
    const batch = await connector.collect(before.cursor, { waitSeconds: 0 });
    await storeCollected(
      suite.world.deps,
      { id: suite.accountId, organisationId: suite.world.org.organisationId, network: 'vk' },
      batch.items.slice(0, 2),
    );
    expect((await accountRow(suite.world, suite.accountId)).cursor).toEqual(before.cursor);
    // The next start reads from the persisted cursor again.
    const pass = await suite.collect();
    expect(pass.report).toMatchObject({ created: 2, existing: 2 });
    for (const id of ids) await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${id}`);
    const all = await casesOf(suite.world);
    expect(new Set(all.map((c) => c.externalId)).size).toBe(all.length);
  });

  it('answers a public comment with a public reply and a private message privately, through the outbox', async () => {
    const commentId = suite.fake.comment({ postId: 30, fromId: 701, text: 'Когда уберут снег?' });
    const messageId = suite.fake.message({ fromId: 702, text: 'Личный вопрос о пособии' });
    await suite.collect();
    const pub = await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${commentId}`);
    const priv = await caseByExternalId(suite.world, `gim${suite.fake.groupId}_m${messageId}`);
    expect(priv.isPublic).toBe(false);
    for (const [kase, text] of [
      [pub, 'Снег уберут сегодня до 18:00.'],
      [priv, 'Пособие назначено, ответ в личных сообщениях.'],
    ] as const) {
      const v = await approve(suite.world, kase.id, text);
      await suite.world.curator.channels.requestPublication({ caseId: kase.id, expectedVersion: v });
      // Requested, not published: the publish clock still runs.
      expect((await suite.world.curator.cases.detail({ caseId: kase.id })).case.status).toBe('approved');
      expect(await runOutboxOnce(suite.world.deps)).toBe(true);
    }
    expect(suite.fake.repliesTo(commentId).map((c) => c.text)).toEqual(['Снег уберут сегодня до 18:00.']);
    expect(suite.fake.messagesTo(702).map((m) => m.text)).toEqual(['Пособие назначено, ответ в личных сообщениях.']);
    // A private message never gets a wall comment.
    expect(suite.fake.repliesTo(messageId)).toEqual([]);
    const detail = await suite.world.curator.cases.detail({ caseId: pub.id });
    expect(detail.case.status).toBe('closed');
    const published = (
      await suite.world.deps.db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, pub.id), eq(caseEvents.type, 'answer-published')))
    )[0];
    expect(published?.payload).toMatchObject({
      where: { kind: 'same-thread', url: expect.stringContaining(`?reply=`), postId: expect.any(String) },
    });
    const view = await suite.world.curator.channels.ofCase({ caseId: pub.id });
    expect(view.outbox[0]).toMatchObject({ state: 'recorded', networkUrl: expect.stringContaining('vk.com/wall') });
  });

  it('a revoked token (error 5) breaks the account, tells the curators once, and a new token heals it', async () => {
    suite.fake.revokeToken();
    suite.fake.expireKey();
    const pass = await suite.collect();
    expect(pass.error?.code).toBe('auth');
    await suite.collect().catch(() => null);
    const row = await accountRow(suite.world, suite.accountId);
    expect(row.lastErrorCode).toBe('auth');
    expect(row).toMatchObject({ lastError: null, lastErrorKey: 'channel.failed', lastErrorParams: { code: 'auth' } });
    const [account] = await suite.world.admin.channels.accounts();
    expect(account?.broken).toBe(true);
    // The administrator's screen gets the key and words it in the reader's language.
    expect(serverMessageIn(account!.lastErrorKey!, account!.lastErrorParams, 'ru')).toMatch(
      /^токен недействителен, отозван или истёк: введите новый — VK 5/,
    );
    expect(serverMessageIn(account!.lastErrorKey!, account!.lastErrorParams, 'en')).toMatch(
      /^the token is invalid, revoked or expired — VK 5/,
    );
    const notes = await suite.world.deps.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.organisationId, suite.world.org.organisationId), eq(notifications.kind, 'channel-broken')),
      );
    // Two curators, told once each although collection failed twice.
    expect(notes.length).toBe(2);
    // The catalogue's key: the channel, what the failure means, the network's own words.
    expect(notes[0]).toMatchObject({ messageKey: 'notification.channel-broken', messageParams: { code: 'auth' } });
    const words = notificationText(notes[0]!.messageKey!, notes[0]!.messageParams, 'ru');
    expect(words?.title).toMatch(/^Канал не работает: /);
    expect(words?.body).toMatch(/^токен недействителен, отозван или истёк: введите новый — /);
    await suite.world.admin.channels.update({ id: suite.accountId, token: suite.fake.token });
    const healed = await suite.collect();
    expect(healed.ok).toBe(true);
    expect((await accountRow(suite.world, suite.accountId)).brokenNotifiedAt).toBeNull();
    // An error stored before the keys (migration 0014) keeps its text for the screen to show.
    await suite.world.deps.db
      .update(channelAccounts)
      .set({ lastErrorCode: 'auth', lastError: 'токен недействителен / the token is invalid', lastErrorKey: null })
      .where(eq(channelAccounts.id, suite.accountId));
    const [older] = await suite.world.admin.channels.accounts();
    expect(older).toMatchObject({ lastError: 'токен недействителен / the token is invalid', lastErrorKey: null });
  });
});
