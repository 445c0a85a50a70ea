// notifications router: a person sees only their own feed and marks only their own notifications read.
import { expect, it } from 'vitest';
import { insertNotifications, markRead } from '../../notifications/delivery-feed';
import { describeEachDatabase } from '../../test/databases';
import { signIn } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';

describeEachDatabase('notifications', (getDb) => {
  const fx = setUpOrgFixture(getDb);

  it('lists the own feed and marks it read, ignoring other people’s ids', async () => {
    const [mine, theirs] = await insertNotifications(
      fx.deps.db,
      [
        {
          organisationId: fx.org.organisationId,
          personId: fx.org.people.deputy.id,
          caseId: null,
          kind: 'deficiency-notice',
          title: 'Нарушен срок',
          body: 'Отдел дорог не подготовил проект ответа',
        },
        {
          organisationId: fx.org.organisationId,
          personId: fx.org.people.head.id,
          caseId: null,
          kind: 'alert-to-head',
          title: 'Всплеск сообщений',
          body: 'Отопление, ул. Ленина',
        },
      ],
      Date.now(),
    );
    const deputy = await signIn(fx.deps, fx.org.people.deputy.login);
    const feed = await deputy.notifications.list({});
    expect(feed.items.map((n) => n.title)).toEqual(['Нарушен срок']);
    expect(feed.unread).toBe(1);
    // What the socket's notifications:mark-read does for the signed-in deputy: someone else's id changes nothing.
    expect(await markRead(fx.deps.db, fx.org.people.deputy.id, [theirs!.id], Date.now())).toBe(1);
    expect(await markRead(fx.deps.db, fx.org.people.deputy.id, [mine!.id], Date.now())).toBe(0);
    expect((await deputy.notifications.list({ onlyUnread: true })).unread).toBe(0);
    const head = await signIn(fx.deps, fx.org.people.head.login);
    expect((await head.notifications.list({ onlyUnread: true })).unread).toBe(1);
  });
});
