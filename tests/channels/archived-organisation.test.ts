// An archived organisation takes nothing in and sends nothing out: the intake refuses its messages with a clear
// reason, its accounts are not polled, and an approved answer waiting in the outbox is not posted (the row fails
// with the reason, for people to see); once restored, collection resumes.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectOnce } from '../../apps/server/src/channels/collect';
import { runOutboxOnce } from '../../apps/server/src/channels/publication';
import { organisations, publicationOutbox } from '../../apps/server/src/db/schema';
import { intakeMessage } from '../../apps/server/src/intake/message';
import { type FakeVk, startFakeVk } from './fakes/vk';
import {
  approve,
  type ChannelWorld,
  caseByExternalId,
  casesOf,
  channelWorld,
  connect,
  describeEachDatabase,
} from './support';

describeEachDatabase('archived organisation', (getDb) => {
  let vk: FakeVk;
  let world: ChannelWorld;
  let accountId: string;
  const setArchived = (archived: boolean) =>
    world.deps.db
      .update(organisations)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(organisations.id, world.org.organisationId));

  beforeAll(async () => {
    vk = await startFakeVk();
    world = await channelWorld(getDb());
    accountId = await connect(world, {
      network: 'vk',
      url: 'https://vk.com/adm_archive',
      token: vk.token,
      apiBaseUrl: vk.apiBaseUrl,
    });
    await collectOnce(world.deps, accountId, { waitSeconds: 0 });
  });
  afterAll(async () => {
    await vk.close();
  });

  it('refuses intake, skips collection and does not publish, with the reason', async () => {
    // Before archiving: a comment collected and its answer approved and requested.
    const first = vk.comment({ postId: 50, fromId: 901, text: 'Когда починят дорогу?' });
    await collectOnce(world.deps, accountId, { waitSeconds: 0 });
    const kase = await caseByExternalId(world, `wall-${vk.groupId}_c${first}`);
    const version = await approve(world, kase.id, 'Ответ: в мае');
    await world.curator.channels.requestPublication({ caseId: kase.id, expectedVersion: version });

    await setArchived(true);
    const casesBefore = (await casesOf(world)).length;

    // The intake (the HTTP route, imports and connectors all go through it) says why.
    await expect(
      intakeMessage(world.deps, world.org.organisationId, {
        network: 'vk',
        externalId: 'archived-1',
        url: 'https://vk.com/wall-1_1',
        author: { name: 'Житель' },
        text: 'Сообщение в архивную организацию',
        visibility: 'public',
        attachments: [],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'organisation-archived' } });

    // A new comment is not collected: the account is not polled at all.
    const second = vk.comment({ postId: 50, fromId: 902, text: 'А тротуар?' });
    expect(await collectOnce(world.deps, accountId, { waitSeconds: 0 })).toEqual({ ok: false, more: false });
    expect((await casesOf(world)).length).toBe(casesBefore);

    // The approved answer is not posted: the outbox row fails with the reason, nothing reaches VK.
    await runOutboxOnce(world.deps);
    const [row] = await world.deps.db.select().from(publicationOutbox).where(eq(publicationOutbox.caseId, kase.id));
    expect(row).toMatchObject({ state: 'failed', lastErrorCode: 'organisation-archived' });
    expect(row!.lastError).toMatch(/организация в архиве/);
    expect(vk.repliesTo(first)).toEqual([]);

    // Asking again is refused with the same reason.
    const detail = await world.curator.cases.detail({ caseId: kase.id });
    await expect(
      world.curator.channels.requestPublication({ caseId: kase.id, expectedVersion: detail.case.version }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Организация в архиве/) });

    // Restored: collection resumes and the comment written meanwhile arrives.
    await setArchived(false);
    await collectOnce(world.deps, accountId, { waitSeconds: 0 });
    expect(await caseByExternalId(world, `wall-${vk.groupId}_c${second}`)).toBeTruthy();
  });
});
