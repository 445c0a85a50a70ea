// One shared 1-second tick for the whole page: every countdown reads the same `now`, so 10,000 rows cost one timer,
// not one per row. The timer runs only while something is subscribed and fires on whole seconds.
import { useSyncExternalStore } from 'react';

type Listener = () => void;

const listeners = new Set<Listener>();
let current = Date.now();
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  // Align to the next whole second so every countdown on the page (and on other screens) changes together.
  const delay = 1000 - (Date.now() % 1000) + 5;
  timer = setTimeout(() => {
    current = Date.now();
    for (const l of listeners) l();
    schedule();
  }, delay);
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

const snapshot = (): number => current;

/** Browser time of the last shared tick (epoch ms), refreshed once a second. */
export function useTick(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Server time of the last shared tick: the browser clock corrected by the measured server-time offset. */
export function useServerNow(offsetMs: number): number {
  return useTick() + offsetMs;
}

/** For tests and for code outside React: how many components currently listen to the tick. */
export function tickListenerCount(): number {
  return listeners.size;
}
