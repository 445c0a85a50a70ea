// The e-mail copy of a notification is written in the notification's own transaction: both or neither. A pass
// whose enqueue fails rolls back the notification and the cursor too, and the next pass writes both.
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand } from '../cases/commands';
import { notificationCursors, notifications, people } from '../db/schema';
import { createDeps } from '../deps';
import { deliverPendingOnce } from '../notifications/delivery-outbox';
import { freshLink, ROADS_TRIAGE, registerVk } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture } from '../test/fixtures';
import type { MailSettings } from './enqueue';
import { emailOutbox } from './schema';

// Wednesday 25 November 2026, 12:50 Moscow: a working day.
const at = Date.parse('2026-11-25T12:50:00+03:00');

describeEachDatabase('e-mail enqueued with its notification', (getDb) => {
  it('writes both in one transaction, in Russian with the link to the case', async () => {
    const deps = createDeps({ database: getDb(), now: () => at });
    const org = await createOrgFixture(deps);
    const executor = org.people.roadsExecutor;
    await deps.db.update(people).set({ email: 'roads@example.org' }).where(eq(people.id, executor.id));
    const actor = async (id: string) => (await loadCurrentUser(deps.db, id, at))!.actor;
    const run = async (who: string, caseId: string | undefined, command: unknown) =>
      (
        await executeCaseCommand(deps, {
          organisationId: org.organisationId,
          actor: await actor(who),
          caseId,
          now: at,
          command,
        })
      ).caseId;
    const caseId = await run(org.people.operator.id, undefined, registerVk(freshLink()));
    await run(org.people.operator.id, caseId, ROADS_TRIAGE);
    await run(org.people.curator.id, caseId, {
      type: 'route',
      mode: 'single',
      assignments: [{ departmentId: org.departments.roads, executorId: executor.id }],
    });

    // The enqueue fails inside the pass: nothing of the pass remains, not even the notification or the cursor.
    const broken = {
      publicUrl: 'https://otklik.example.ru',
      get messageIdDomain(): string {
        throw new Error('enqueue failed');
      },
    } as MailSettings;
    await expect(deliverPendingOnce(deps.db, org.organisationId, at, 200, broken)).rejects.toThrow('enqueue failed');
    expect(await deps.db.select().from(notifications).where(eq(notifications.caseId, caseId))).toEqual([]);
    const cursor = await deps.db
      .select()
      .from(notificationCursors)
      .where(eq(notificationCursors.organisationId, org.organisationId));
    expect(cursor.map((c) => c.lastSeq)).toEqual([]);

    const pass = await deliverPendingOnce(deps.db, org.organisationId, at, 200, {
      publicUrl: 'https://otklik.example.ru/',
      messageIdDomain: 'otklik.example.ru',
    });
    expect(pass.mails).toBe(1);
    // The executor's notice of the assignment (the registration also told the curators, who have no e-mail here).
    const [stored] = await deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.personId, executor.id)));
    const mails = await deps.db.select().from(emailOutbox).where(eq(emailOutbox.organisationId, org.organisationId));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      notificationId: stored!.id,
      toAddress: 'roads@example.org',
      status: 'pending',
      subject: expect.stringMatching(/^Отклик: Вам поручено обращение № \d+$/),
      messageId: expect.stringMatching(/^<[0-9a-f-]{36}@otklik\.example\.ru>$/),
    });
    expect(mails[0]!.bodyText).toContain(`Открыть обращение: https://otklik.example.ru/cases/${caseId}`);
    expect(mails[0]!.bodyText).not.toMatch(/assigned to you/);
  });
});
