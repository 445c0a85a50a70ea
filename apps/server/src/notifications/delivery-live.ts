// The live side of notifications for code outside realtime (e.g. the surge watcher of the reports): after storing
// notifications and committing, call `announceNotifications` and the people's sockets (on any node) get them with
// their unread count. Realtime registers the push when it starts; without it (no socket layer) this does nothing.

import type { Notification } from '@otklik/contract';
import type { ServerDeps } from '../deps';
import { unreadCounts } from './delivery-feed';

/** One stored notification as its person's sockets get it, with their unread count once it is stored. */
export interface PushedNotification {
  readonly personId: string;
  readonly notification: Notification;
  readonly unread: number;
}

export interface LivePush {
  /** Pushes a batch of stored notifications, in their order (realtime tells the other nodes in one notice). */
  notify(items: readonly PushedNotification[]): void;
}

const pushes = new WeakMap<ServerDeps, LivePush>();

export function setLivePush(deps: ServerDeps, live: LivePush | null): void {
  if (live) pushes.set(deps, live);
  else pushes.delete(deps);
}

/** Pushes stored notifications (call after their transaction committed). Items that carry their person's unread
 *  count (read by the insert that stored them) are pushed with it; for the others the counts are read now. */
export async function announceNotifications(
  deps: ServerDeps,
  items: readonly { personId: string; notification: Notification; unread?: number }[],
): Promise<void> {
  const live = pushes.get(deps);
  if (!live) return;
  if (items.length === 0) return;
  const uncounted = items.filter((i) => i.unread === undefined).map((i) => i.personId);
  const counts = uncounted.length > 0 ? await unreadCounts(deps.db, uncounted) : new Map<string, number>();
  live.notify(
    items.map(({ personId, notification, unread }) => ({
      personId,
      notification,
      unread: unread ?? counts.get(personId) ?? 0,
    })),
  );
}
