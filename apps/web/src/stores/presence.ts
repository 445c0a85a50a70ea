// Who else has a case open right now (presence in the case room), keyed by case id.
import { create } from 'zustand';

export interface PresentPerson {
  readonly personId: string;
  readonly fullName: string;
  readonly typing: boolean;
}

interface PresenceState {
  readonly byCase: Readonly<Record<string, readonly PresentPerson[]>>;
  setPresent(caseId: string, people: readonly PresentPerson[]): void;
}

export const usePresence = create<PresenceState>()((set, get) => ({
  byCase: {},
  setPresent: (caseId, people) => set({ byCase: { ...get().byCase, [caseId]: people } }),
}));
