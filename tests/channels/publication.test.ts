// The publication outbox against the fake VK: failures leave a retryable state on the board and in the case
// (history written once per reason), a retry posts exactly once, the publish clock stops at the network's
// acceptance, a crash between the network's acceptance and our record does not post twice, a non-retryable
// failure waits for a person, and manual publication stays possible (and cancels the request).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { saveAttachment } from '../../apps/server/src/attachments/store';
import { runOutboxOnce } from '../../apps/server/src/channels/publication';
import { caseEvents, channelAccounts, publicationOutbox } from '../../apps/server/src/db/schema';
import { startFakeVk } from './fakes/vk';
import { approve, caseByExternalId, connectorSuite, describeEachDatabase, vkAccount } from './support';

describeEachDatabase('publication outbox', (getDb) => {
  const suite = connectorSuite(getDb, {
    start: startFakeVk,
    account: vkAccount(),
    world: { attachmentsDir: mkdtempSync(join(tmpdir(), 'otklik-channels-')) },
    collectFirst: true,
  });

  async function approvedCase(text: string) {
    const id = suite.fake.comment({ postId: 40, fromId: 800 + Math.floor(Math.random() * 100), text });
    await suite.collect();
    const kase = await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${id}`);
    const v = await approve(suite.world, kase.id, `Ответ: ${text}`);
    return { commentId: id, caseId: kase.id, version: v };
  }
  /** A collected comment approved with attachments made once the case exists (files need its id). */
  async function approvedCaseWith(
    text: string,
    files: (caseId: string) => Promise<{ kind: 'photo' | 'document'; url: string; name: string }[]>,
  ) {
    const id = suite.fake.comment({ postId: 41, fromId: 850, text });
    await suite.collect();
    const kase = await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${id}`);
    await approve(suite.world, kase.id, `Ответ: ${text}`, await files(kase.id));
    return { commentId: id, caseId: kase.id };
  }
  const outbox = (caseId: string) =>
    suite.world.deps.db.select().from(publicationOutbox).where(eq(publicationOutbox.caseId, caseId));
  const eventTypes = async (caseId: string) =>
    (await suite.world.deps.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).map((e) => e.type);
  /** Makes the row due now (skips the back-off wait, as time passing would). */
  const dueNow = (caseId: string) =>
    suite.world.deps.db
      .update(publicationOutbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(publicationOutbox.caseId, caseId));

  it('retries a failing network with back-off, shows the failure on the board, and posts once', async () => {
    const { commentId, caseId, version } = await approvedCase('Вопрос про автобус');
    suite.fake.failNext('wall.createComment', 2);
    await suite.world.curator.channels.requestPublication({ caseId, expectedVersion: version });
    await runOutboxOnce(suite.world.deps);
    let [row] = await outbox(caseId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastErrorCode: 'server' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing happens.
    expect(await runOutboxOnce(suite.world.deps)).toBe(false);
    const board = await suite.world.curator.cases.board({});
    expect(board.cases.find((c) => c.id === caseId)?.flags).toContain('publication-failed');
    const detail = await suite.world.curator.cases.detail({ caseId });
    expect(detail.case.status).toBe('approved');
    await dueNow(caseId);
    await runOutboxOnce(suite.world.deps);
    [row] = await outbox(caseId);
    expect(row).toMatchObject({ state: 'pending', attempts: 2 });
    await dueNow(caseId);
    await runOutboxOnce(suite.world.deps);
    [row] = await outbox(caseId);
    expect(row).toMatchObject({ state: 'recorded', attempts: 3 });
    expect(suite.fake.repliesTo(commentId).length).toBe(1);
    // One failure line for one reason, then the publication.
    const types = await eventTypes(caseId);
    expect(types.filter((t) => t === 'publication-failed').length).toBe(1);
    expect(types.slice(-1)).toEqual(['answer-published']);
    // The publish clock stopped when VK accepted the reply.
    const [published] = await suite.world.deps.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'answer-published')));
    expect(published!.occurredAt.getTime()).toBe(row!.sentAt!.getTime());
  });

  it('a crash after VK accepted the reply but before our record does not post twice', async () => {
    const { commentId, caseId, version } = await approvedCase('Вопрос про свет');
    await suite.world.curator.channels.requestPublication({ caseId, expectedVersion: version });
    // The worker claims the row, VK accepts the comment, the process dies before writing 'sent'.
    const [row] = await outbox(caseId);
    await suite.world.deps.db
      .update(publicationOutbox)
      .set({ state: 'sending', attempts: 1, claimedUntil: new Date(Date.now() - 1) })
      .where(eq(publicationOutbox.id, row!.id));
    const posted = await fetch(`${suite.fake.apiBaseUrl}/wall.createComment`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        access_token: suite.fake.token,
        v: '5.199',
        owner_id: String(-suite.fake.groupId),
        post_id: '40',
        from_group: String(suite.fake.groupId),
        reply_to_comment: String(commentId),
        message: row!.text,
        guid: row!.id,
      }),
    });
    expect(posted.ok).toBe(true);
    expect(suite.fake.repliesTo(commentId).length).toBe(1);
    // Another worker (or the restarted one) picks the stale claim up: it finds our reply in the thread.
    await runOutboxOnce(suite.world.deps);
    expect(suite.fake.repliesTo(commentId).length).toBe(1);
    expect((await outbox(caseId))[0]).toMatchObject({ state: 'recorded' });
    expect((await suite.world.curator.cases.detail({ caseId })).case.status).toBe('closed');
  });

  it('a non-retryable failure waits for a person, who may publish by hand (the request is cancelled)', async () => {
    const { commentId, caseId, version } = await approvedCase('Вопрос про мусор');
    suite.fake.deleteComment(commentId); // the thread is gone: VK refuses reply_to_comment (error 100)
    await suite.world.curator.channels.requestPublication({ caseId, expectedVersion: version });
    await runOutboxOnce(suite.world.deps);
    expect((await outbox(caseId))[0]).toMatchObject({
      state: 'failed',
      lastErrorCode: 'bad-request',
      lastError: null,
      lastErrorKey: 'channel.failed',
      lastErrorParams: { code: 'bad-request', detail: expect.stringMatching(/^VK 100/) },
    });
    // The case's publication panel reads the same key from the channel view and from the case history's failure.
    const view = await suite.world.curator.channels.ofCase({ caseId });
    expect(view.outbox[0]).toMatchObject({ lastErrorKey: 'channel.failed', lastErrorParams: { code: 'bad-request' } });
    const detail = await suite.world.curator.cases.detail({ caseId });
    expect(detail.state).toMatchObject({
      pendingPublication: {
        failure: {
          code: 'bad-request',
          retrying: false,
          said: { key: 'channel.failed', params: { code: 'bad-request', detail: expect.stringMatching(/^VK 100/) } },
        },
      },
    });
    expect(await runOutboxOnce(suite.world.deps)).toBe(false);
    // Manual publication (paste the URL) stays possible and cancels the failed request.
    await suite.world.curator.cases.command({
      caseId,
      expectedVersion: detail.case.version,
      command: {
        type: 'publish',
        where: {
          kind: 'own-account',
          url: 'https://vk.com/wall-1_99',
          authorLink: 'https://vk.com/id801',
        },
      },
    });
    expect((await outbox(caseId)).map((r) => r.state)).toEqual(['cancelled']);
    expect((await suite.world.curator.cases.detail({ caseId })).case.status).toBe('closed');
  });

  it('a manual publication while a request is being sent is refused and writes nothing; the request goes on', async () => {
    const { caseId, version } = await approvedCase('Вопрос про фонари');
    await suite.world.curator.channels.requestPublication({ caseId, expectedVersion: version });
    // As a worker's claim leaves it just before it calls the network.
    await suite.world.deps.db
      .update(publicationOutbox)
      .set({ state: 'sending' })
      .where(eq(publicationOutbox.caseId, caseId));
    const before = await suite.world.curator.cases.detail({ caseId });
    const events = await eventTypes(caseId);
    const byHand = {
      caseId,
      expectedVersion: before.case.version,
      command: {
        type: 'publish' as const,
        where: { kind: 'own-account' as const, url: 'https://vk.com/wall-1_98', authorLink: 'https://vk.com/id802' },
      },
    };
    await expect(suite.world.curator.cases.command(byHand)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/публикуется через аккаунт/),
    });
    expect((await suite.world.curator.cases.detail({ caseId })).case.version).toBe(before.case.version);
    expect(await eventTypes(caseId)).toEqual(events);
    expect((await outbox(caseId)).map((r) => r.state)).toEqual(['sending']);
    // Once the request is no longer being sent (failed for good), the same publication by hand goes through.
    await suite.world.deps.db
      .update(publicationOutbox)
      .set({ state: 'failed' })
      .where(eq(publicationOutbox.caseId, caseId));
    await suite.world.curator.cases.command(byHand);
    expect((await outbox(caseId)).map((r) => r.state)).toEqual(['cancelled']);
    expect((await suite.world.curator.cases.detail({ caseId })).case.status).toBe('closed');
  });

  it('uploads files kept by Otklik with the reply: a wall photo for a comment, a document for a private message', async () => {
    const { commentId, caseId } = await approvedCaseWith('Вопрос про фонари', async (id) => {
      const photo = await saveAttachment(suite.world.deps, {
        organisationId: suite.world.org.organisationId,
        caseId: id,
        personId: suite.world.org.people.roadsExecutor.id,
        fileName: 'фонарь.png',
        contentType: 'image/png',
        body: Readable.from([Buffer.from('89504e470d0a1a0a0000', 'hex')]),
      });
      return [{ kind: 'photo' as const, url: `/api/attachments/${photo.id}`, name: 'фонарь.png' }];
    });
    const v = (await suite.world.curator.cases.detail({ caseId })).case.version;
    await suite.world.curator.channels.requestPublication({ caseId, expectedVersion: v });
    await runOutboxOnce(suite.world.deps);
    const [reply] = suite.fake.repliesTo(commentId);
    expect(reply?.attached).toMatch(new RegExp(`^photo-${suite.fake.groupId}_\\d+$`));
    expect(suite.fake.uploads().map((u) => u.kind)).toContain('photos.getWallUploadServer');
    // The reply's text carries no internal address of the file.
    expect(reply?.text).not.toContain('/api/attachments/');

    // A private message gets its document through the messages upload server.
    const messageId = suite.fake.message({ fromId: 861, text: 'Пришлите, пожалуйста, справку' });
    await suite.collect();
    const priv = await caseByExternalId(suite.world, `gim${suite.fake.groupId}_m${messageId}`);
    const doc = await saveAttachment(suite.world.deps, {
      organisationId: suite.world.org.organisationId,
      caseId: priv.id,
      personId: suite.world.org.people.roadsExecutor.id,
      fileName: 'справка.pdf',
      contentType: 'application/pdf',
      body: Readable.from([Buffer.from('%PDF-1.4\n')]),
    });
    const pv = await approve(suite.world, priv.id, 'Справка во вложении.', [
      { kind: 'document', url: `/api/attachments/${doc.id}`, name: 'справка.pdf' },
    ]);
    await suite.world.curator.channels.requestPublication({ caseId: priv.id, expectedVersion: pv });
    await runOutboxOnce(suite.world.deps);
    expect(suite.fake.messagesTo(861)).toMatchObject([
      { text: 'Справка во вложении.', attached: expect.stringMatching(/^doc-\d+_\d+$/) },
    ]);
    expect(suite.fake.uploads().map((u) => u.kind)).toContain('docs.getMessagesUploadServer');
  });

  it('only the publisher may request; a case that did not come through an account is published by hand', async () => {
    const { caseId, version } = await approvedCase('Вопрос про парк');
    await expect(
      suite.world.executor.channels.requestPublication({ caseId, expectedVersion: version }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const typed = await suite.world.curator.cases.register({
      network: 'vk',
      link: 'https://vk.com/wall-1_5',
      author: { name: 'Иван' },
      text: 'Набрано вручную',
      attachments: [],
      visibility: 'public',
    });
    const v = await approve(suite.world, typed.caseId);
    // The case screen offers no publication through an account (the domain's caseActions), only by hand.
    const typedDetail = await suite.world.curator.cases.detail({ caseId: typed.caseId });
    expect(typedDetail.publicationChannel).toBe('none');
    expect(typedDetail.allowedActions).not.toContain('request-publication');
    expect(typedDetail.allowedActions).toContain('publish');
    await expect(
      suite.world.curator.channels.requestPublication({ caseId: typed.caseId, expectedVersion: v }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('опубликуйте вручную'),
    });
  });

  it('an account switched off: its case offers no publication through it, and a request is refused (publish by hand)', async () => {
    const { caseId, version } = await approvedCase('Вопрос про фонари');
    const before = await suite.world.curator.cases.detail({ caseId });
    expect(before.publicationChannel).toBe('connected');
    expect(before.allowedActions).toContain('request-publication');
    const account = eq(channelAccounts.id, suite.accountId);
    await suite.world.deps.db.update(channelAccounts).set({ enabled: false }).where(account);
    try {
      const detail = await suite.world.curator.cases.detail({ caseId });
      expect(detail.publicationChannel).toBe('disabled');
      expect(detail.allowedActions).not.toContain('request-publication');
      expect(detail.allowedActions).toContain('publish');
      await expect(
        suite.world.curator.channels.requestPublication({ caseId, expectedVersion: version }),
      ).rejects.toMatchObject({ message: expect.stringContaining('Аккаунт сети отключён или без токена') });
      expect(await outbox(caseId)).toEqual([]);
      expect(await eventTypes(caseId)).not.toContain('publication-requested');
    } finally {
      await suite.world.deps.db.update(channelAccounts).set({ enabled: true }).where(account);
    }
  });
});
