// One pass at a time per key (an organisation, or one key for a whole worker): a trigger while a pass runs does not
// start a second one beside it but asks for one more round after it, because the running pass may have read before
// what the trigger announces was committed. A failing pass is handed to `onError`; the next trigger starts afresh.
// With a spacing, passes of one key start at least that far apart: a busy key makes one pass per spacing that
// covers every trigger meanwhile, instead of one pass per trigger; a quiet key's pass starts at once.

export interface SingleFlight<K> {
  /** Starts a pass for `key`, or asks the running one for one more round. Resolves when the key's rounds end. */
  trigger(key: K): Promise<void>;
  /** Whether a pass of any key is running. */
  isRunning(): boolean;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
}

export function createSingleFlight<K>(
  pass: (key: K) => Promise<void>,
  options: {
    /** No new passes nor rounds once true (shutdown). */
    readonly stopped: () => boolean;
    readonly onError: (error: unknown) => void;
    /** Least milliseconds between the starts of two passes of one key (default 0: back to back). */
    readonly spacingMs?: number;
  },
): SingleFlight<K> {
  const loops = new Map<K, { again: boolean; done: Promise<void> }>();
  const spacing = options.spacingMs ?? 0;
  const lastStart = new Map<K, number>();
  /** Waits until the key's next pass may start; false: stopped meanwhile. */
  const spaced = async (key: K): Promise<boolean> => {
    const wait = (lastStart.get(key) ?? Number.NEGATIVE_INFINITY) + spacing - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastStart.set(key, performance.now());
    return !options.stopped();
  };
  return {
    trigger(key) {
      if (options.stopped()) return Promise.resolve();
      const running = loops.get(key);
      if (running) {
        running.again = true;
        return running.done;
      }
      const loop = { again: false, done: Promise.resolve() };
      loop.done = (async () => {
        try {
          do {
            if (spacing > 0 && !(await spaced(key))) break;
            // Cleared only now: a trigger while the pass waited is covered by the pass, which reads after it.
            loop.again = false;
            await pass(key);
          } while (loop.again && !options.stopped());
        } catch (error) {
          options.onError(error);
        } finally {
          loops.delete(key);
        }
      })();
      loops.set(key, loop);
      return loop.done;
    },
    isRunning: () => loops.size > 0,
    async idle() {
      while (loops.size > 0) await Promise.all([...loops.values()].map((loop) => loop.done));
    },
  };
}
