// Who is signed in: 'unknown' until the first `me` answer, so a reload never flashes the login page.
import { create } from 'zustand';
import type { SessionUser } from '../api/types';

interface SessionState {
  readonly status: 'unknown' | 'anonymous' | 'authenticated';
  readonly user: SessionUser | null;
  signedIn(user: SessionUser): void;
  signedOut(): void;
}

export const useSession = create<SessionState>()((set) => ({
  status: 'unknown',
  user: null,
  signedIn: (user) => set({ status: 'authenticated', user }),
  signedOut: () => set({ status: 'anonymous', user: null }),
}));
