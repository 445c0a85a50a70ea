// notifications router: a person sees only their own feed and marks only their own notifications read.
import { beforeAll, expect, it } from 'vitest';
import { createDeps, type ServerDeps } from '../../deps';
import { insertNotifications, markRead } from '../../notifications/delivery-feed';
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
    // What the socket's notifications:mark-read does for the signed-in deputy: someone else's id changes nothing.
    expect(await markRead(deps.db, org.people.deputy.id, [theirs!.id], Date.now())).toBe(1);
    expect(await markRead(deps.db, org.people.deputy.id, [mine!.id], Date.now())).toBe(0);
    expect((await deputy.notifications.list({ onlyUnread: true })).unread).toBe(0);
    const head = await signIn(deps, org.people.head.login);
    expect((await head.notifications.list({ onlyUnread: true })).unread).toBe(1);
  });
});
