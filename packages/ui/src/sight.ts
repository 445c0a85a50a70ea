// Whether an element is on screen or about to be, for views that need not draw what nobody sees: the countdowns of a
// virtual list's overscan rows, mounted below (or above) the visible ones so a scroll never shows an empty row, tick
// like the rest and would cost the browser a repaint each second for text that is off screen. One
// IntersectionObserver per scrolling box: the nearest ancestor marked with SIGHT_ROOT_ATTRIBUTE (the board's list),
// else the page's viewport. "In sight" reaches SIGHT_MARGIN_PX beyond the box at its top and bottom, so a row
// scrolled in slowly is caught up before it shows.

/** Marks the scrolling box whose visible area (plus SIGHT_MARGIN_PX above and below) counts as "in sight". */
export const SIGHT_ROOT_ATTRIBUTE = 'data-sight-root';
/** About one board row (68 px on a desktop). */
export const SIGHT_MARGIN_PX = 72;

type Heard = (inSight: boolean) => void;

const observers = new WeakMap<Element | Document, IntersectionObserver>();
const listeners = new WeakMap<Element, Heard>();
/** What the observer last said of each element (kept while it stays in the page, across a re-subscription). */
const lastHeard = new WeakMap<Element, boolean>();

function observerFor(root: Element | null): IntersectionObserver {
  const key = root ?? document;
  let observer = observers.get(key);
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          lastHeard.set(e.target, e.isIntersecting);
          listeners.get(e.target)?.(e.isIntersecting);
        }
      },
      { root, rootMargin: `${SIGHT_MARGIN_PX}px 0px` },
    );
    observers.set(key, observer);
  }
  return observer;
}

/**
 * Whether `el` was in sight when the browser last said (true when it has not said yet): a view following it anew (new
 * data, a new server-time offset) starts from this instead of drawing, for a frame, what is out of sight.
 */
export function lastKnownSight(el: Element): boolean {
  return lastHeard.get(el) ?? true;
}

/**
 * Tells `heard` whether `el` is in sight, each time that changes (the browser says so after the frame in which it
 * did, the first time after the next frame). Where the browser has no IntersectionObserver, `el` counts as always in
 * sight and `heard` is never called. Returns the stop.
 */
export function watchSight(el: Element, heard: Heard): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const observer = observerFor(el.parentElement?.closest(`[${SIGHT_ROOT_ATTRIBUTE}]`) ?? null);
  listeners.set(el, heard);
  observer.observe(el);
  return () => {
    observer.unobserve(el);
    listeners.delete(el);
  };
}
