// Shared drafts of the open cases (the combined answer, each department's contribution), as the server last saved
// them, keyed by case and slot; an editor compares its own text with these to detect a concurrent edit.
import { create } from 'zustand';

export interface SharedDraft {
  readonly caseId: string;
  readonly slot: string;
  readonly text: string;
  readonly version: number;
  readonly updatedBy: { readonly personId: string; readonly fullName: string } | null;
  readonly updatedAt: number | null;
}

interface DraftsState {
  readonly byCase: Readonly<Record<string, Readonly<Record<string, SharedDraft>>>>;
  /** Keeps the newer version when two arrive out of order. */
  put(draft: SharedDraft): void;
  putAll(caseId: string, drafts: readonly SharedDraft[]): void;
}

export const useDrafts = create<DraftsState>()((set, get) => ({
  byCase: {},
  put: (draft) => {
    const ofCase = get().byCase[draft.caseId] ?? {};
    if ((ofCase[draft.slot]?.version ?? -1) >= draft.version) return;
    set({ byCase: { ...get().byCase, [draft.caseId]: { ...ofCase, [draft.slot]: draft } } });
  },
  putAll: (caseId, drafts) => {
    for (const d of drafts) get().put({ ...d, caseId });
  },
}));
