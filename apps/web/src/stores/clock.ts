// Server time offset: server minus browser clock, measured from round trips (NTP-style midpoint). Countdowns run on
// browser time + offset so a wrong PC clock never shows a wrong deadline.
import { create } from 'zustand';

interface ClockState {
  readonly offsetMs: number;
  /** Round-trip time of the best sample so far; a lower one replaces the offset. */
  readonly bestRttMs: number;
  readonly measured: boolean;
  /** Records one sample: the server's time and the browser's send/receive times around it. */
  addSample(serverTime: number, sentAt: number, receivedAt: number): void;
}

export const useClock = create<ClockState>()((set, get) => ({
  offsetMs: 0,
  bestRttMs: Number.POSITIVE_INFINITY,
  measured: false,
  addSample: (serverTime, sentAt, receivedAt) => {
    const rtt = Math.max(0, receivedAt - sentAt);
    const offset = serverTime - (sentAt + rtt / 2);
    // Keep the sample with the shortest round trip, but let a much later sample in after a clock jump (> 5 s).
    const prev = get();
    if (!prev.measured || rtt <= prev.bestRttMs || Math.abs(offset - prev.offsetMs) > 5000) {
      set({ offsetMs: Math.round(offset), bestRttMs: rtt, measured: true });
    }
  },
}));
