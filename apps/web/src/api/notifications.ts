// The bell's feed over the socket: the list on start (and after reconnects), marking as read.
import { request } from '../realtime/socket';
import { useNotifications } from '../stores/notifications';

/** Called by the socket module on every (re)connect of a signed-in session. */
export async function loadNotifications(): Promise<void> {
  const page = await request('notifications:list', { limit: 100 });
  useNotifications.getState().replaceAll(page.items.map((n) => ({ ...n, read: n.readAt !== null })));
}

export async function markNotificationsRead(ids: readonly string[]): Promise<void> {
  // Shown as read at once; the server confirms.
  useNotifications.getState().markRead(ids);
  await request('notifications:mark-read', { ids: [...ids] });
}
