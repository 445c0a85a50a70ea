// One shared timer for the whole page: every countdown reads the same `now`, and the timer wakes only for the views
// that change at the next tick. Ticks fall on whole seconds of the browser clock, so whatever changes, changes
// together; a view that knows when it changes next (a countdown showing minutes, a paused clock, a count of
// overdue cases) is woken then and not every second, and a page where nothing changes runs no timer at all.
import { useCallback, useState, useSyncExternalStore } from 'react';

type Listener = () => void;

interface Subscriber {
  readonly listener: Listener;
  /** Browser-clock instant from which this view wants to be woken (0: every tick; Infinity: never). */
  readonly due: () => number;
}

const subscribers = new Set<Subscriber>();
/** Browser time of the latest tick (epoch ms). */
let current = Date.now();
let timer: ReturnType<typeof setTimeout> | null = null;
let timerAt = Number.POSITIVE_INFINITY;

/** Ticks fall 5 ms after each whole second of the browser clock: the first tick at or after `t`. */
export function tickAtOrAfter(t: number): number {
  return Math.ceil((t - 5) / 1000) * 1000 + 5;
}

/**
 * The time of the latest tick. When no view needed a timer, the ticks it skipped still count: a view drawn now
 * (a row scrolled into sight) reads the time of the tick just passed, as it would with a timer every second. A
 * browser clock set back is followed at once.
 */
export function tickNow(): number {
  const t = Date.now();
  if (t < current || tickAtOrAfter(t + 1) - 1000 > current) current = t;
  return current;
}

function fire(): void {
  timer = null;
  timerAt = Number.POSITIVE_INFINITY;
  current = Date.now();
  for (const s of subscribers) if (s.due() <= current) s.listener();
  let due = Number.POSITIVE_INFINITY;
  for (const s of subscribers) due = Math.min(due, s.due());
  wakeAt(due);
}

/** Makes sure a tick comes at the first tick instant at or after `due` (browser clock) or earlier. */
function wakeAt(due: number): void {
  if (!(due < Number.POSITIVE_INFINITY)) return;
  const now = Date.now();
  const at = tickAtOrAfter(Math.max(due, now + 1));
  if (timer !== null && timerAt <= at) return;
  if (timer !== null) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(fire, at - now);
}

function subscribeWith(due: () => number): (listener: Listener) => () => void {
  return (listener) => {
    const s: Subscriber = { listener, due };
    subscribers.add(s);
    wakeAt(due());
    return () => {
      subscribers.delete(s);
      if (subscribers.size === 0 && timer !== null) {
        clearTimeout(timer);
        timer = null;
        timerAt = Number.POSITIVE_INFINITY;
      }
    };
  };
}

/** Subscribes to every tick (what useTick does): returns the unsubscribe. */
export const subscribeEveryTick = subscribeWith(() => 0);

/** Browser time of the last shared tick (epoch ms), refreshed once a second. */
export function useTick(): number {
  return useSyncExternalStore(subscribeEveryTick, tickNow, tickNow);
}

/** Server time of the last shared tick: the browser clock corrected by the measured server-time offset. */
export function useServerNow(offsetMs: number): number {
  return useTick() + offsetMs;
}

/**
 * The time a view that changes only at known instants is drawn at: it stays put until `now` reaches
 * `nextChange(at)` (the earliest instant after `at` at which the view may change; Infinity: never), and moves to the
 * latest `now` at once when it does, or when `nextChange` or the offset is a new one (new data). `moved` hears each
 * new hold: the instant it lasts until and the offset it was taken with.
 */
export function createHeldNow(
  moved?: (until: number, offsetMs: number) => void,
): (now: number, offsetMs: number, nextChange: (now: number) => number) => number {
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
      moved?.(until, offsetMs);
    }
    return at;
  };
}

/** A held time and its place among the tick's subscribers: woken at the tick that reaches its next change. */
export function createHeldView() {
  // Browser-clock instant of the next change; NaN (not known yet, or a nextChange that names none) wakes every tick.
  let due = Number.NaN;
  const held = createHeldNow((until, offsetMs) => {
    due = until - offsetMs;
    // New data may bring the next change closer than the timer set so far.
    wakeAt(Number.isNaN(due) ? 0 : due);
  });
  return { held, subscribe: subscribeWith(() => (Number.isNaN(due) ? 0 : due)) };
}

/**
 * Server time for a view whose output changes only at known instants (a countdown, a count of overdue cases, a
 * filter by urgency): the component re-renders, and the shared timer wakes for it, only once the time reaches
 * `nextChange(now)`. Any other re-render (new data, a new `nextChange`) reads the latest tick, exactly as
 * useServerNow would. Pass a memoised `nextChange`: a new function asks it again.
 */
export function useServerNowUntil(offsetMs: number, nextChange: (now: number) => number): number {
  const [view] = useState(createHeldView);
  // One function while its inputs stay: React schedules an effect after every render that brings a new getSnapshot
  // (to read it once more), which each redraw of a countdown would otherwise cost.
  const getSnapshot = useCallback(
    (): number => view.held(tickNow() + offsetMs, offsetMs, nextChange),
    [view, offsetMs, nextChange],
  );
  return useSyncExternalStore(view.subscribe, getSnapshot, getSnapshot);
}

/** For tests and for code outside React: how many components currently listen to the tick. */
export function tickListenerCount(): number {
  return subscribers.size;
}

/** For tests: the browser-clock instant the shared timer is set for (Infinity: no timer runs). */
export function nextTickAt(): number {
  return timerAt;
}
