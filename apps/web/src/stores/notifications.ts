// The notification feed of the bell: newest first, with the unread count and the one alert that must not be missed.
import { create } from 'zustand';

export interface NotificationItem {
  readonly id: string;
  readonly kind: string;
  /** Both languages (rows from before the keys have only this); `key` and `params` word it in the reader's. */
  readonly title: string;
  readonly body: string;
  readonly key?: string | null | undefined;
  readonly params?: Readonly<Record<string, unknown>> | null | undefined;
  readonly caseId: string | null;
  readonly createdAt: number;
  readonly read: boolean;
  /** Alerts to the head (socially significant, surge) are shown as a banner until acknowledged. */
  readonly urgent: boolean;
}

interface NotificationsState {
  readonly items: readonly NotificationItem[];
  replaceAll(items: readonly NotificationItem[]): void;
  add(item: NotificationItem): void;
  markRead(ids: readonly string[]): void;
}

export const useNotifications = create<NotificationsState>()((set, get) => ({
  items: [],
  replaceAll: (items) => set({ items: [...items].sort((a, b) => b.createdAt - a.createdAt) }),
  add: (item) => {
    if (get().items.some((i) => i.id === item.id)) return;
    set({ items: [item, ...get().items].slice(0, 200) });
  },
  markRead: (ids) => set({ items: get().items.map((i) => (ids.includes(i.id) ? { ...i, read: true } : i)) }),
}));
