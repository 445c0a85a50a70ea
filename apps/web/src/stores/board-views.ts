// Saved board views of the signed-in person: a name and the board's query string (filters and sort). There is no
// server-side preference store, so they live in this browser's localStorage, one list per person.
import { create } from 'zustand';

export interface SavedView {
  readonly name: string;
  /** The board's own query parameters, as in its URL ('urgency=breached&sort=age'). */
  readonly query: string;
}

const keyOf = (personId: string): string => `otklik.board.views.${personId}`;

function read(personId: string): SavedView[] {
  try {
    const raw = globalThis.localStorage?.getItem(keyOf(personId));
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list.flatMap((v: unknown) => {
      if (!v || typeof v !== 'object') return [];
      const { name, query } = v as { name?: unknown; query?: unknown };
      return typeof name === 'string' && typeof query === 'string' ? [{ name, query }] : [];
    });
  } catch {
    // Blocked or corrupted storage: no saved views rather than a broken board.
    return [];
  }
}

function write(personId: string, views: readonly SavedView[]): boolean {
  try {
    globalThis.localStorage?.setItem(keyOf(personId), JSON.stringify(views));
    return true;
  } catch {
    return false;
  }
}

interface BoardViewsState {
  readonly personId: string | null;
  readonly views: readonly SavedView[];
  /** Reads the person's views (on sign-in or when another person signs in on this browser). */
  loadFor(personId: string): void;
  /** Saves (or replaces, by name) a view; false when the browser refuses to store it. */
  save(view: SavedView): boolean;
  remove(name: string): void;
}

export const useBoardViews = create<BoardViewsState>()((set, get) => ({
  personId: null,
  views: [],
  loadFor: (personId) => {
    if (get().personId === personId) return;
    set({ personId, views: read(personId) });
  },
  save: (view) => {
    const { personId, views } = get();
    if (!personId) return false;
    const next = [...views.filter((v) => v.name !== view.name), view];
    set({ views: next });
    return write(personId, next);
  },
  remove: (name) => {
    const { personId, views } = get();
    if (!personId) return;
    const next = views.filter((v) => v.name !== name);
    set({ views: next });
    write(personId, next);
  },
}));
