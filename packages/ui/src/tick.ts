// One shared 1-second tick for the whole page: every countdown reads the same `now`, so 10,000 rows cost one timer,
// not one per row. The timer runs only while something is subscribed and fires on whole seconds.
import { useState, useSyncExternalStore } from 'react';

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

/**
 * The time a view that changes only at known instants is drawn at: it stays put until `now` reaches
 * `nextChange(at)` (the earliest instant after `at` at which the view may change; Infinity: never), and moves to the
 * latest `now` at once when it does, or when `nextChange` or the offset is a new one (new data).
 */
export function createHeldNow(): (now: number, offsetMs: number, nextChange: (now: number) => number) => number {
  let fn: ((now: number) => number) | null = null;
  let offset = Number.NaN;
  let at = Number.NaN;
  let until = Number.NaN;
  return (now, offsetMs, nextChange) => {
    // `!(now < until)` also recomputes after a NaN; the same `now` asked again never moves anything.
    if (fn !== nextChange || offset !== offsetMs || (now !== at && !(now < until))) {
      fn = nextChange;
      offset = offsetMs;
      at = now;
      until = nextChange(now);
    }
    return at;
  };
}

/**
 * Server time for a view whose output changes only at known instants (a count of overdue cases, a filter by urgency):
 * the shared tick still fires every second, but the component re-renders only once the time reaches
 * `nextChange(now)`. Any other re-render (new data, a new `nextChange`) reads the latest tick, exactly as
 * useServerNow would. Pass a memoised `nextChange`: a new function asks it again.
 */
export function useServerNowUntil(offsetMs: number, nextChange: (now: number) => number): number {
  const [held] = useState(createHeldNow);
  const getSnapshot = (): number => held(current + offsetMs, offsetMs, nextChange);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** For tests and for code outside React: how many components currently listen to the tick. */
export function tickListenerCount(): number {
  return listeners.size;
}
