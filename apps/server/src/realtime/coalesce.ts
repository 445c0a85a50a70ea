// The broadcast's window per organisation (issue 15: 1,000 boards at 100 changes/s were sent 25,000 socket messages a
// second, one per change and board, and each batch read its rows alone, one batch of an organisation after another).
// What the delivery order hands over for an organisation is collected and flushed at most once per `intervalMs`: one
// flush reads the rows of every case changed in it in one statement and sends each receiver group one message with
// all of its changes, in seq order. The first change after a quiet spell is flushed at once (no wait when nothing is
// going on); while a flush runs, what arrives waits for the next one. Order is kept: an organisation's flushes run one
// after another, each with the parts in the order they were added.

/** What the delivery order hands over for an organisation, in its order: changes (following `prev`, the organisation's
 *  seq before the first of them), or a restart (the receivers must catch up from the next change's `prev`). */
export type WindowPart<E> =
  | { readonly kind: 'events'; readonly events: readonly E[]; readonly prev: number }
  | { readonly kind: 'restart' };

export interface BroadcastWindow<E> {
  add(organisationId: string, part: WindowPart<E>): void;
  /** Whether anything of the organisation waits for its flush or is being flushed. */
  busy(organisationId: string): boolean;
  /** Resolves once every part added so far is flushed. */
  idle(): Promise<void>;
}

interface Pending<E> {
  parts: WindowPart<E>[];
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  lastStart: number;
}

export function createBroadcastWindow<E>(options: {
  readonly intervalMs: number;
  /** Sends the parts of one window; a failure is reported and the next window goes on. */
  readonly flush: (organisationId: string, parts: readonly WindowPart<E>[]) => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
}): BroadcastWindow<E> {
  const now = options.now ?? (() => performance.now());
  const byOrg = new Map<string, Pending<E>>();
  const waiting = new Set<() => void>();

  const active = (p: Pending<E> | undefined) => !!p && (p.parts.length > 0 || p.running !== null || p.timer !== null);
  const settled = () => {
    for (const p of byOrg.values()) if (active(p)) return;
    for (const done of waiting) done();
    waiting.clear();
  };

  const schedule = (organisationId: string, p: Pending<E>) => {
    if (p.timer || p.running || p.parts.length === 0) return;
    const wait = Math.max(0, p.lastStart + options.intervalMs - now());
    p.timer = setTimeout(() => run(organisationId, p), wait);
  };

  const run = (organisationId: string, p: Pending<E>) => {
    p.timer = null;
    p.lastStart = now();
    const parts = p.parts;
    p.parts = [];
    p.running = options
      .flush(organisationId, parts)
      .catch(options.onError)
      .finally(() => {
        p.running = null;
        // Kept (with when it last started) so that the next change waits for the interval to pass.
        schedule(organisationId, p);
        settled();
      });
  };

  return {
    add(organisationId, part) {
      let p = byOrg.get(organisationId);
      if (!p) {
        p = { parts: [], timer: null, running: null, lastStart: Number.NEGATIVE_INFINITY };
        byOrg.set(organisationId, p);
      }
      p.parts.push(part);
      schedule(organisationId, p);
    },
    busy(organisationId) {
      return active(byOrg.get(organisationId));
    },
    idle() {
      if (![...byOrg.values()].some(active)) return Promise.resolve();
      return new Promise((resolve) => waiting.add(resolve));
    },
  };
}
