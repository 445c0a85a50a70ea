// notifications router: a person sees only their own feed and marks only their own notifications read.
import { notificationText } from '@otklik/contract';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { notifications } from '../../db/schema';
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
          message: {
            key: 'notification.deficiency',
            params: { number: 12, due: '05.12.2026, 14:30', step: 'draft', department: 'Отдел дорог' },
          },
        },
        {
          organisationId: fx.org.organisationId,
          personId: fx.org.people.head.id,
          caseId: null,
          kind: 'alert-to-head',
          message: { key: 'notification.significant', params: { number: 13, text: 'Отопление, ул. Ленина' } },
        },
      ],
      Date.now(),
    );
    const deputy = await signIn(fx.deps, fx.org.people.deputy.login);
    const feed = await deputy.notifications.list({});
    expect(feed.items.map((n) => n.title)).toEqual([
      'Нарушение срока: Отдел дорог, № 12 / deadline breached: Отдел дорог, No. 12',
    ]);
    expect(feed.items[0]).toMatchObject({ key: 'notification.deficiency', params: { number: 12, step: 'draft' } });
    expect(feed.unread).toBe(1);
    // What the socket's notifications:mark-read does for the signed-in deputy: someone else's id changes nothing.
    expect(await markRead(fx.deps.db, fx.org.people.deputy.id, [theirs!.id], Date.now())).toBe(1);
    expect(await markRead(fx.deps.db, fx.org.people.deputy.id, [mine!.id], Date.now())).toBe(0);
    expect((await deputy.notifications.list({ onlyUnread: true })).unread).toBe(0);
    const head = await signIn(fx.deps, fx.org.people.head.login);
    expect((await head.notifications.list({ onlyUnread: true })).unread).toBe(1);
  });

  it('stores the key and parameters, words them in each language, and still reads rows from before the keys', async () => {
    const [stored] = await insertNotifications(
      fx.deps.db,
      [
        {
          organisationId: fx.org.organisationId,
          personId: fx.org.people.operator.id,
          caseId: null,
          kind: 'clock-at-risk',
          message: {
            key: 'notification.clock-at-risk',
            params: { number: 7, due: '05.12.2026, 14:30', step: 'triage' },
          },
        },
      ],
      Date.now(),
    );
    const [row] = await fx.deps.db.select().from(notifications).where(eq(notifications.id, stored!.id));
    expect(row).toMatchObject({
      title: '',
      body: '',
      messageKey: 'notification.clock-at-risk',
      messageParams: { number: 7, due: '05.12.2026, 14:30', step: 'triage' },
    });
    expect(notificationText(stored!.key!, stored!.params, 'ru')).toEqual({
      title: 'Срок по № 7 истекает 05.12.2026, 14:30',
      body: 'Этап: первичная обработка',
    });
    expect(notificationText(stored!.key!, stored!.params, 'en')).toEqual({
      title: 'No. 7 due soon (05.12.2026, 14:30)',
      body: 'Step: triage',
    });
    // A row written before migration 0013: its two-language text, no key.
    await fx.deps.db.insert(notifications).values({
      organisationId: fx.org.organisationId,
      personId: fx.org.people.operator.id,
      kind: 'registered',
      title: 'Новое сообщение № 3 ждёт первичной обработки / new message № 3 awaits triage',
      body: 'Яма во дворе',
      createdAt: new Date(Date.now() - 60_000),
    });
    const operator = await signIn(fx.deps, fx.org.people.operator.login);
    const feed = await operator.notifications.list({});
    expect(feed.items.map((n) => [n.key, n.title])).toEqual([
      ['notification.clock-at-risk', 'Срок по № 7 истекает 05.12.2026, 14:30 / No. 7 due soon (05.12.2026, 14:30)'],
      [null, 'Новое сообщение № 3 ждёт первичной обработки / new message № 3 awaits triage'],
    ]);
    expect(feed.items[1]).toMatchObject({ body: 'Яма во дворе', params: null });
  });
});
