// The rows of the one cases store for a screen that lists cases (inbox, curator's queue): a board snapshot when the
// screen opens, then every live change's row as it arrives — a change costs no request.
import { useCallback, useEffect, useState } from 'react';
import { loadBoardOnce } from '../api/board';
import type { BoardCase } from '../api/types';
import { useCases } from '../stores/cases';

export interface LiveCases {
  /** Null until this screen's snapshot arrived. */
  readonly rows: ReadonlyMap<string, BoardCase> | null;
  readonly error: unknown;
  retry(): void;
}

export function useLiveCases(): LiveCases {
  const byId = useCases((s) => s.byId);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    // A fresh snapshot on opening: the store may hold another screen's older rows (or another person's).
    loadBoardOnce().then(
      () => {
        if (!live) return;
        setReady(true);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { rows: ready ? byId : null, error, retry };
}
