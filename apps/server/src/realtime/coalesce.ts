// The broadcast's window per organisation (issue 15: 1,000 boards at 100 changes/s were sent 25,000 socket messages a
// second, one per change and board, and each batch read its rows alone, one batch of an organisation after another).
// What the delivery order hands over for an organisation is collected and flushed at most once per `intervalMs`: one
// flush reads the rows of every case changed in it in one statement and sends each receiver group one message with
// all of its changes, in seq order. The first change after a quiet spell is flushed at once (no wait when nothing is
// going on). A flush is a read (what the database says of the window's cases) and a send: reads of consecutive
// windows may overlap (a slow statement on a busy database does not hold the next window back), sends run one after
// another in the order of the windows, each with its parts in the order they were added.

/** What the delivery order hands over for an organisation, in its order: changes (following `prev`, the organisation's
 *  seq before the first of them), or a restart (the receivers must catch up from the next change's `prev`). */
export type WindowPart<E> =
  | { readonly kind: 'events'; readonly events: readonly E[]; readonly prev: number }
  | { readonly kind: 'restart' };

export interface BroadcastWindow<E> {
  add(organisationId: string, part: WindowPart<E>): void;
  /** Whether anything of the organisation waits for its flush or is being flushed. */
  busy(organisationId: string): boolean;
  /** Resolves once every part added so far is sent. */
  idle(): Promise<void>;
}

/** Windows of one organisation whose reads may run at once; a further window waits for one of them to be sent. */
const MAX_READS = 4;

interface Pending<E> {
  parts: WindowPart<E>[];
  timer: ReturnType<typeof setTimeout> | null;
  /** Windows read or being sent. */
  flushing: number;
  /** The last window's send: the next one's waits for it. */
  sent: Promise<void>;
  lastStart: number;
}

export function createBroadcastWindow<E, R>(options: {
  readonly intervalMs: number;
  /** What a window's send needs of the database; may run while earlier windows are still read or sent. */
  readonly read: (organisationId: string, parts: readonly WindowPart<E>[]) => Promise<R>;
  /** Sends a window; called in the order of the windows, after the previous one's send. */
  readonly send: (organisationId: string, parts: readonly WindowPart<E>[], read: R) => Promise<void> | void;
  /** A window whose read or send failed is reported; the next one goes on. */
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
}): BroadcastWindow<E> {
  const now = options.now ?? (() => performance.now());
  const byOrg = new Map<string, Pending<E>>();
  const waiting = new Set<() => void>();

  const active = (p: Pending<E> | undefined) => !!p && (p.parts.length > 0 || p.flushing > 0 || p.timer !== null);
  const settled = () => {
    for (const p of byOrg.values()) if (active(p)) return;
    for (const done of waiting) done();
    waiting.clear();
  };

  const schedule = (organisationId: string, p: Pending<E>) => {
    if (p.timer || p.flushing >= MAX_READS || p.parts.length === 0) return;
    const wait = Math.max(0, p.lastStart + options.intervalMs - now());
    p.timer = setTimeout(() => run(organisationId, p), wait);
  };

  const run = (organisationId: string, p: Pending<E>) => {
    p.timer = null;
    p.lastStart = now();
    const parts = p.parts;
    p.parts = [];
    p.flushing += 1;
    const reading = options.read(organisationId, parts);
    // Kept from an unhandled rejection while it waits for the previous send; its own turn reports it.
    reading.catch(() => {});
    p.sent = p.sent
      .then(async () => options.send(organisationId, parts, await reading))
      .catch(options.onError)
      .finally(() => {
        p.flushing -= 1;
        // Kept (with when it last started) so that the next change waits for the interval to pass.
        schedule(organisationId, p);
        settled();
      });
    schedule(organisationId, p);
  };

  return {
    add(organisationId, part) {
      let p = byOrg.get(organisationId);
      if (!p) {
        p = { parts: [], timer: null, flushing: 0, sent: Promise.resolve(), lastStart: Number.NEGATIVE_INFINITY };
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
