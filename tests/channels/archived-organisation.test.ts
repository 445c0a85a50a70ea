// An archived organisation takes nothing in and sends nothing out: the intake refuses its messages with a clear
// reason, its accounts are not polled, and an approved answer waiting in the outbox is not posted (the row fails
// with the reason, for people to see); once restored, collection resumes.
import { serverMessageIn } from '@otklik/contract';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { runOutboxOnce } from '../../apps/server/src/channels/publication';
import { organisations, publicationOutbox } from '../../apps/server/src/db/schema';
import { intakeMessage } from '../../apps/server/src/intake/message';
import { startFakeVk } from './fakes/vk';
import { approve, caseByExternalId, casesOf, connectorSuite, describeEachDatabase, vkAccount } from './support';

describeEachDatabase('archived organisation', (getDb) => {
  const suite = connectorSuite(getDb, { start: startFakeVk, account: vkAccount('adm_archive'), collectFirst: true });
  const setArchived = (archived: boolean) =>
    suite.world.deps.db
      .update(organisations)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(organisations.id, suite.world.org.organisationId));

  it('refuses intake, skips collection and does not publish, with the reason', async () => {
    // Before archiving: a comment collected and its answer approved and requested.
    const first = suite.fake.comment({ postId: 50, fromId: 901, text: 'Когда починят дорогу?' });
    await suite.collect();
    const kase = await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${first}`);
    const version = await approve(suite.world, kase.id, 'Ответ: в мае');
    await suite.world.curator.channels.requestPublication({ caseId: kase.id, expectedVersion: version });

    await setArchived(true);
    const casesBefore = (await casesOf(suite.world)).length;

    // The intake (the HTTP route, imports and connectors all go through it) says why.
    await expect(
      intakeMessage(suite.world.deps, suite.world.org.organisationId, {
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
    const second = suite.fake.comment({ postId: 50, fromId: 902, text: 'А тротуар?' });
    expect(await suite.collect()).toEqual({ ok: false, more: false });
    expect((await casesOf(suite.world)).length).toBe(casesBefore);

    // The approved answer is not posted: the outbox row fails with the reason, nothing reaches VK.
    await runOutboxOnce(suite.world.deps);
    const [row] = await suite.world.deps.db
      .select()
      .from(publicationOutbox)
      .where(eq(publicationOutbox.caseId, kase.id));
    expect(row).toMatchObject({ state: 'failed', lastErrorCode: 'organisation-archived' });
    expect(row).toMatchObject({
      lastError: null,
      lastErrorKey: 'channel.failed',
      lastErrorParams: { code: 'organisation-archived', detail: '' },
    });
    expect(serverMessageIn(row!.lastErrorKey!, row!.lastErrorParams, 'ru')).toBe(
      'организация в архиве: ничего не собирается и не публикуется',
    );
    expect(suite.fake.repliesTo(first)).toEqual([]);

    // Asking again is refused with the same reason.
    const detail = await suite.world.curator.cases.detail({ caseId: kase.id });
    await expect(
      suite.world.curator.channels.requestPublication({ caseId: kase.id, expectedVersion: detail.case.version }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Организация в архиве/) });

    // Restored: collection resumes and the comment written meanwhile arrives.
    await setArchived(false);
    await suite.collect();
    expect(await caseByExternalId(suite.world, `wall-${suite.fake.groupId}_c${second}`)).toBeTruthy();
  });
});
