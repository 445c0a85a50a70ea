// notifications router: a person sees only their own feed and marks only their own notifications read.
import { beforeAll, expect, it } from 'vitest';
import { createDeps, type ServerDeps } from '../../deps';
import { insertNotifications } from '../../notifications/delivery-feed';
import { describeEachDatabase } from '../../test/databases';
import { createOrgFixture, type OrgFixture, signIn } from '../../test/fixtures';

describeEachDatabase('notifications', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;
  beforeAll(async () => {
    deps = createDeps({ database: getDb() });
    org = await createOrgFixture(deps);
  });

  it('lists the own feed and marks it read, ignoring other people’s ids', async () => {
    const [mine, theirs] = await insertNotifications(
      deps.db,
      [
        {
          organisationId: org.organisationId,
          personId: org.people.deputy.id,
          caseId: null,
          kind: 'deficiency-notice',
          title: 'Нарушен срок',
          body: 'Отдел дорог не подготовил проект ответа',
        },
        {
          organisationId: org.organisationId,
          personId: org.people.head.id,
          caseId: null,
          kind: 'alert-to-head',
          title: 'Всплеск сообщений',
          body: 'Отопление, ул. Ленина',
        },
      ],
      Date.now(),
    );
    const deputy = await signIn(deps, org.people.deputy.login);
    const feed = await deputy.notifications.list({});
    expect(feed.items.map((n) => n.title)).toEqual(['Нарушен срок']);
    expect(feed.unread).toBe(1);
    expect(await deputy.notifications.markRead({ ids: [theirs!.id] })).toEqual({ unread: 1 });
    expect(await deputy.notifications.markRead({ ids: [mine!.id] })).toEqual({ unread: 0 });
    const head = await signIn(deps, org.people.head.login);
    expect((await head.notifications.list({ onlyUnread: true })).unread).toBe(1);
    await expect(deputy.notifications.markRead({ ids: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
