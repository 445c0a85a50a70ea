// The in-app notification feed of each person: stored rows, the unread count, marking read.

import {
  bilingualNotification,
  type Notification,
  type NotificationKind,
  type NotificationMessage,
  zNotificationKind,
} from '@otklik/contract';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { notifications } from '../db/schema';

export interface NewNotification {
  organisationId: string;
  personId: string;
  caseId: string | null;
  kind: NotificationKind;
  /** What it says, as a key of the notification catalogue and its parameters. */
  message: NotificationMessage;
}

type Row = typeof notifications.$inferSelect;

export function toNotification(row: Row): Notification {
  const kind = zNotificationKind.parse(row.kind);
  const params = row.messageParams ?? {};
  // A row from before the keys has its two-language text; a newer one is worded in both from its key.
  const text = (row.messageKey ? bilingualNotification(row.messageKey, params) : null) ?? {
    title: row.title,
    body: row.body,
  };
  return {
    id: row.id,
    kind,
    ...text,
    key: row.messageKey,
    params: row.messageKey ? params : null,
    caseId: row.caseId,
    createdAt: row.createdAt.getTime(),
    readAt: row.readAt?.getTime() ?? null,
    urgent: kind === 'alert-to-head',
  };
}

/** Stores notifications (the outbox stores its own with the cursor's move: delivery-outbox.ts `storeAndMove`). */
export async function insertNotifications(
  db: DbOrTx,
  items: readonly NewNotification[],
  now: number,
): Promise<Notification[]> {
  if (items.length === 0) return [];
  const rows = await db
    .insert(notifications)
    .values(
      items.map(({ message, ...n }) => ({
        ...n,
        title: '',
        body: '',
        messageKey: message.key,
        messageParams: message.params as Record<string, unknown>,
        createdAt: new Date(now),
      })),
    )
    .returning();
  return rows.map(toNotification);
}

/** Unread notifications of several people, in one statement (absent from the map: none). */
export async function unreadCounts(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: notifications.personId, n: count() })
    .from(notifications)
    .where(and(inArray(notifications.personId, [...new Set(personIds)]), isNull(notifications.readAt)))
    .groupBy(notifications.personId);
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

export async function unreadCount(db: DbOrTx, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(
  db: DbOrTx,
  personId: string,
  options: { limit?: number; onlyUnread?: boolean } = {},
): Promise<{ items: Notification[]; unread: number }> {
  const where = options.onlyUnread
    ? and(eq(notifications.personId, personId), isNull(notifications.readAt))
    : eq(notifications.personId, personId);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt))
    .limit(options.limit ?? 50);
  return { items: rows.map(toNotification), unread: await unreadCount(db, personId) };
}

/** Marks the person's own notifications read (ids of someone else's are ignored); returns the new unread count. */
export async function markRead(db: DbOrTx, personId: string, ids: readonly string[], now: number): Promise<number> {
  await db
    .update(notifications)
    .set({ readAt: new Date(now) })
    .where(
      and(eq(notifications.personId, personId), inArray(notifications.id, [...ids]), isNull(notifications.readAt)),
    );
  return unreadCount(db, personId);
}
