// Work that must follow commit order within one key (an organisation) while keys run side by side: each task starts
// when the previous one of its key has settled. A failing task is logged by its owner's `onError` and never stops
// the next one.

export interface KeyedSequence {
  /** Runs `task` after every earlier task of `key`. */
  run(key: string, task: () => Promise<void>): void;
  /** Settles when every task started so far has finished (tests and shutdown). */
  idle(): Promise<void>;
}

export function createKeyedSequence(onError: (error: unknown) => void): KeyedSequence {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, task) {
      const next = (tails.get(key) ?? Promise.resolve()).then(task).catch(onError);
      tails.set(key, next);
      void next.finally(() => {
        if (tails.get(key) === next) tails.delete(key);
      });
    },
    async idle() {
      await Promise.all([...tails.values()]);
    },
  };
}
