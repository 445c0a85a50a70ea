// Client side of "no missed update": subscribe first, then catch up from the last applied seq, apply changes in
// seq order exactly once. Used by the web app and the tests; no Node or DOM imports.

/** What the helper needs of a change: its seq and the seq of the receiver's previous change (realtime-events.ts): a
 *  change whose previous seq the client holds continues its sequence; any other shows a gap. */
export interface SequencedChange {
  readonly seq: number;
  readonly prevSeq: number;
}

export interface ChangeSyncOptions<C extends SequencedChange> {
  /** The seq of the snapshot the client starts from (0 = from the beginning of the log). */
  readonly initialSeq: number;
  /** Asks the server for changes after `afterSeq`, in seq order. `headSeq` (the organisation's head when the page
   *  was read): once a page without `hasMore` arrives, every change up to it the client may see has been applied,
   *  so the seqs of changes it may not see stop being gaps (a per-receiver sequence has holes). */
  readonly fetchSince: (afterSeq: number) => Promise<{ changes: readonly C[]; hasMore: boolean; headSeq?: number }>;
  /** Applies one change; called in seq order, once per seq. */
  readonly apply: (change: C) => void;
  /** A catch-up failed (e.g. the socket dropped during it); the next connect retries. */
  readonly onError?: (error: unknown) => void;
}

export interface ChangeSync<C extends SequencedChange> {
  /** A change pushed live by the server. */
  receive(change: C): void;
  /** Call on every (re)connect, after the subscription is in place: fetches everything after the last applied seq. */
  catchUp(): Promise<void>;
  /** The client's state now holds everything up to `seq` (a snapshot read at it): changes up to it are neither
   *  asked for nor applied again; a later one that follows it applies at once. A lower `seq` changes nothing. */
  advance(seq: number): void;
  /** The last applied seq. */
  readonly lastSeq: number;
}

export function createChangeSync<C extends SequencedChange>(options: ChangeSyncOptions<C>): ChangeSync<C> {
  let lastSeq = options.initialSeq;
  // Live changes that arrived ahead of a gap (or during a catch-up), keyed by seq so duplicates collapse.
  const pending = new Map<number, C>();
  let running: Promise<void> | null = null;
  let again = false;

  const applyOne = (change: C): void => {
    if (change.seq <= lastSeq) return;
    lastSeq = change.seq;
    options.apply(change);
  };

  /** Applies buffered changes that continue the applied sequence. */
  const drain = (): void => {
    for (;;) {
      let next: C | undefined;
      for (const [seq, change] of pending) {
        if (seq <= lastSeq) pending.delete(seq);
        else if (change.prevSeq <= lastSeq && (next === undefined || seq < next.seq)) next = change;
      }
      if (!next) return;
      pending.delete(next.seq);
      applyOne(next);
    }
  };

  const fetchAll = async (): Promise<void> => {
    for (;;) {
      const page = await options.fetchSince(lastSeq);
      // Sorted defensively: a page is in order, but nothing breaks if a server sends it otherwise.
      for (const change of [...page.changes].sort((a, b) => a.seq - b.seq)) applyOne(change);
      if (!page.hasMore) {
        // The last page: nothing this client may see lies between what it applied and the head it was read at.
        if (page.headSeq !== undefined && page.headSeq > lastSeq) lastSeq = page.headSeq;
        break;
      }
      if (page.changes.length === 0) break;
    }
    drain();
  };

  const catchUp = (): Promise<void> => {
    if (running) {
      // A catch-up is in flight; it may have read before the newest change committed, so run once more after it.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        // Bounded: a change the server will not return (it should not happen) must not stall the client forever.
        for (let round = 0; round < 5; round++) {
          again = false;
          await fetchAll();
          if (!again && pending.size === 0) return;
        }
        for (const change of [...pending.values()].sort((a, b) => a.seq - b.seq)) applyOne(change);
        pending.clear();
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    receive(change) {
      if (change.seq <= lastSeq) return;
      if (running === null && change.prevSeq <= lastSeq) {
        applyOne(change);
        drain();
        return;
      }
      // A gap (some earlier change has not reached us) or a catch-up in progress: keep it, fetch what is missing.
      pending.set(change.seq, change);
      void catchUp();
    },
    catchUp,
    advance(seq) {
      if (seq <= lastSeq) return;
      lastSeq = seq;
      drain();
    },
    get lastSeq() {
      return lastSeq;
    },
  };
}
