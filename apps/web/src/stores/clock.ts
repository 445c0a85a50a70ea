// Server time offset: server minus browser clock, from round trips (the contract's server clock: midpoint of the
// shortest recent round trip, a jump of the PC clock followed). Countdowns run on browser time + offset so a wrong
// PC clock never shows a wrong deadline.
import { createServerClock, type ServerClock } from '@otklik/contract';
import { create } from 'zustand';

interface ClockState {
  readonly offsetMs: number;
  readonly measured: boolean;
  /** Records one sample: the server's time and the browser's send/receive times around it. */
  addSample(serverTime: number, sentAt: number, receivedAt: number): void;
  /** Forgets every sample (a new session, a test). */
  reset(): void;
}

let clock: ServerClock = createServerClock();

export const useClock = create<ClockState>()((set, get) => ({
  offsetMs: 0,
  measured: false,
  addSample: (serverTime, sentAt, receivedAt) => {
    clock.fromProbe({ clientSentAt: sentAt, serverTime }, receivedAt);
    const offsetMs = Math.round(clock.offsetMs);
    // Every countdown and count on the page reads the offset, so a new one redraws the whole board. One that moves
    // by no more than the best round trip's own uncertainty (half of it) is no better than the one in use: kept.
    const held = get();
    if (held.measured && Math.abs(offsetMs - held.offsetMs) <= clock.uncertaintyMs) return;
    set({ offsetMs, measured: true });
  },
  reset: () => {
    clock = createServerClock();
    set({ offsetMs: 0, measured: false });
  },
}));
