// Screens that show a summary the live store does not hold (tasks, the curator's queue, the head's overview) reload
// it when cases change: a burst of changes is one reload, at most every `everyMs`.
import { useEffect, useRef } from 'react';
import { useCases } from '../stores/cases';

export function useReloadOnCaseChanges(reload: () => void, everyMs: number): void {
  const touched = useCases((s) => s.touched);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (touched.size === 0 || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, everyMs);
  }, [touched, reload, everyMs]);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
}
