// The publication outbox against the fake VK: failures leave a retryable state on the board and in the case
// (history written once per reason), a retry posts exactly once, the publish clock stops at the network's
// acceptance, a crash between the network's acceptance and our record does not post twice, a non-retryable
// failure waits for a person, and manual publication stays possible (and cancels the request).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveAttachment } from '../../apps/server/src/attachments/store';
import { collectOnce } from '../../apps/server/src/channels/collect';
import { runOutboxOnce } from '../../apps/server/src/channels/publication';
import { caseEvents, publicationOutbox } from '../../apps/server/src/db/schema';
import { type FakeVk, startFakeVk } from './fakes/vk';
import { approve, type ChannelWorld, caseByExternalId, channelWorld, connect, describeEachDatabase } from './support';

describeEachDatabase('publication outbox', (getDb) => {
  let vk: FakeVk;
  let world: ChannelWorld;
  let accountId: string;

  async function approvedCase(text: string) {
    const id = vk.comment({ postId: 40, fromId: 800 + Math.floor(Math.random() * 100), text });
    await collectOnce(world.deps, accountId, { waitSeconds: 0 });
    const kase = await caseByExternalId(world, `wall-${vk.groupId}_c${id}`);
    const v = await approve(world, kase.id, `Ответ: ${text}`);
    return { commentId: id, caseId: kase.id, version: v };
  }
  /** A collected comment approved with attachments made once the case exists (files need its id). */
  async function approvedCaseWith(
    text: string,
    files: (caseId: string) => Promise<{ kind: 'photo' | 'document'; url: string; name: string }[]>,
  ) {
    const id = vk.comment({ postId: 41, fromId: 850, text });
    await collectOnce(world.deps, accountId, { waitSeconds: 0 });
    const kase = await caseByExternalId(world, `wall-${vk.groupId}_c${id}`);
    await approve(world, kase.id, `Ответ: ${text}`, await files(kase.id));
    return { commentId: id, caseId: kase.id };
  }
  const outbox = (caseId: string) =>
    world.deps.db.select().from(publicationOutbox).where(eq(publicationOutbox.caseId, caseId));
  const eventTypes = async (caseId: string) =>
    (await world.deps.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).map((e) => e.type);
  /** Makes the row due now (skips the back-off wait, as time passing would). */
  const dueNow = (caseId: string) =>
    world.deps.db
      .update(publicationOutbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(publicationOutbox.caseId, caseId));

  beforeAll(async () => {
    vk = await startFakeVk();
    world = await channelWorld(getDb(), { attachmentsDir: mkdtempSync(join(tmpdir(), 'otklik-channels-')) });
    accountId = await connect(world, {
      network: 'vk',
      url: 'https://vk.com/adm_test',
      token: vk.token,
      apiBaseUrl: vk.apiBaseUrl,
    });
    await collectOnce(world.deps, accountId, { waitSeconds: 0 });
  });
  afterAll(async () => {
    await vk.close();
  });

  it('retries a failing network with back-off, shows the failure on the board, and posts once', async () => {
    const { commentId, caseId, version } = await approvedCase('Вопрос про автобус');
    vk.failNext('wall.createComment', 2);
    await world.curator.channels.requestPublication({ caseId, expectedVersion: version });
    await runOutboxOnce(world.deps);
    let [row] = await outbox(caseId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastErrorCode: 'server' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing happens.
    expect(await runOutboxOnce(world.deps)).toBe(false);
    const board = await world.curator.cases.board({});
    expect(board.cases.find((c) => c.id === caseId)?.flags).toContain('publication-failed');
    const detail = await world.curator.cases.detail({ caseId });
    expect(detail.case.status).toBe('approved');
    await dueNow(caseId);
    await runOutboxOnce(world.deps);
    [row] = await outbox(caseId);
    expect(row).toMatchObject({ state: 'pending', attempts: 2 });
    await dueNow(caseId);
    await runOutboxOnce(world.deps);
    [row] = await outbox(caseId);
    expect(row).toMatchObject({ state: 'recorded', attempts: 3 });
    expect(vk.repliesTo(commentId).length).toBe(1);
    // One failure line for one reason, then the publication.
    const types = await eventTypes(caseId);
    expect(types.filter((t) => t === 'publication-failed').length).toBe(1);
    expect(types.slice(-1)).toEqual(['answer-published']);
    // The publish clock stopped when VK accepted the reply.
    const [published] = await world.deps.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'answer-published')));
    expect(published!.occurredAt.getTime()).toBe(row!.sentAt!.getTime());
  });

  it('a crash after VK accepted the reply but before our record does not post twice', async () => {
    const { commentId, caseId, version } = await approvedCase('Вопрос про свет');
    await world.curator.channels.requestPublication({ caseId, expectedVersion: version });
    // The worker claims the row, VK accepts the comment, the process dies before writing 'sent'.
    const [row] = await outbox(caseId);
    await world.deps.db
      .update(publicationOutbox)
      .set({ state: 'sending', attempts: 1, claimedUntil: new Date(Date.now() - 1) })
      .where(eq(publicationOutbox.id, row!.id));
    const posted = await fetch(`${vk.apiBaseUrl}/wall.createComment`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        access_token: vk.token,
        v: '5.199',
        owner_id: String(-vk.groupId),
        post_id: '40',
        from_group: String(vk.groupId),
        reply_to_comment: String(commentId),
        message: row!.text,
        guid: row!.id,
      }),
    });
    expect(posted.ok).toBe(true);
    expect(vk.repliesTo(commentId).length).toBe(1);
    // Another worker (or the restarted one) picks the stale claim up: it finds our reply in the thread.
    await runOutboxOnce(world.deps);
    expect(vk.repliesTo(commentId).length).toBe(1);
    expect((await outbox(caseId))[0]).toMatchObject({ state: 'recorded' });
    expect((await world.curator.cases.detail({ caseId })).case.status).toBe('closed');
  });

  it('a non-retryable failure waits for a person, who may publish by hand (the request is cancelled)', async () => {
    const { commentId, caseId, version } = await approvedCase('Вопрос про мусор');
    vk.deleteComment(commentId); // the thread is gone: VK refuses reply_to_comment (error 100)
    await world.curator.channels.requestPublication({ caseId, expectedVersion: version });
    await runOutboxOnce(world.deps);
    expect((await outbox(caseId))[0]).toMatchObject({ state: 'failed', lastErrorCode: 'bad-request' });
    const detail = await world.curator.cases.detail({ caseId });
    expect(detail.state).toMatchObject({ pendingPublication: { failure: { code: 'bad-request', retrying: false } } });
    expect(await runOutboxOnce(world.deps)).toBe(false);
    // Manual publication (paste the URL) stays possible and cancels the failed request.
    await world.curator.cases.command({
      caseId,
      expectedVersion: detail.case.version,
      command: {
        type: 'publish',
        where: { kind: 'own-account', url: 'https://vk.com/wall-1_99', authorLink: 'https://vk.com/id801' },
      },
    });
    expect((await outbox(caseId)).map((r) => r.state)).toEqual(['cancelled']);
    expect((await world.curator.cases.detail({ caseId })).case.status).toBe('closed');
  });

  it('uploads files kept by Otklik with the reply: a wall photo for a comment, a document for a private message', async () => {
    const { commentId, caseId } = await approvedCaseWith('Вопрос про фонари', async (id) => {
      const photo = await saveAttachment(world.deps, {
        organisationId: world.org.organisationId,
        caseId: id,
        personId: world.org.people.roadsExecutor.id,
        fileName: 'фонарь.png',
        contentType: 'image/png',
        body: Readable.from([Buffer.from('89504e470d0a1a0a0000', 'hex')]),
      });
      return [{ kind: 'photo' as const, url: `/api/attachments/${photo.id}`, name: 'фонарь.png' }];
    });
    const v = (await world.curator.cases.detail({ caseId })).case.version;
    await world.curator.channels.requestPublication({ caseId, expectedVersion: v });
    await runOutboxOnce(world.deps);
    const [reply] = vk.repliesTo(commentId);
    expect(reply?.attached).toMatch(new RegExp(`^photo-${vk.groupId}_\\d+$`));
    expect(vk.uploads().map((u) => u.kind)).toContain('photos.getWallUploadServer');
    // The reply's text carries no internal address of the file.
    expect(reply?.text).not.toContain('/api/attachments/');

    // A private message gets its document through the messages upload server.
    const messageId = vk.message({ fromId: 861, text: 'Пришлите, пожалуйста, справку' });
    await collectOnce(world.deps, accountId, { waitSeconds: 0 });
    const priv = await caseByExternalId(world, `gim${vk.groupId}_m${messageId}`);
    const doc = await saveAttachment(world.deps, {
      organisationId: world.org.organisationId,
      caseId: priv.id,
      personId: world.org.people.roadsExecutor.id,
      fileName: 'справка.pdf',
      contentType: 'application/pdf',
      body: Readable.from([Buffer.from('%PDF-1.4\n')]),
    });
    const pv = await approve(world, priv.id, 'Справка во вложении.', [
      { kind: 'document', url: `/api/attachments/${doc.id}`, name: 'справка.pdf' },
    ]);
    await world.curator.channels.requestPublication({ caseId: priv.id, expectedVersion: pv });
    await runOutboxOnce(world.deps);
    expect(vk.messagesTo(861)).toMatchObject([
      { text: 'Справка во вложении.', attached: expect.stringMatching(/^doc-\d+_\d+$/) },
    ]);
    expect(vk.uploads().map((u) => u.kind)).toContain('docs.getMessagesUploadServer');
  });

  it('only the publisher may request; a case that did not come through an account is published by hand', async () => {
    const { caseId, version } = await approvedCase('Вопрос про парк');
    await expect(
      world.executor.channels.requestPublication({ caseId, expectedVersion: version }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const typed = await world.curator.cases.register({
      network: 'vk',
      link: 'https://vk.com/wall-1_5',
      author: { name: 'Иван' },
      text: 'Набрано вручную',
      attachments: [],
      visibility: 'public',
    });
    const v = await approve(world, typed.caseId);
    await expect(
      world.curator.channels.requestPublication({ caseId: typed.caseId, expectedVersion: v }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('опубликуйте вручную'),
    });
  });
});
