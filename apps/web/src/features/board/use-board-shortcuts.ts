// Keyboard shortcuts of the board: j/k move the selection, Enter opens the selected case, a approves it where the
// person may, / goes to the search box. Never while someone types in a field, never with Ctrl/Alt/Cmd.
import { useEffect, useRef } from 'react';
import type { BoardCase } from '../../api/types';

export interface BoardShortcuts {
  readonly rows: readonly BoardCase[];
  readonly selectedId: string | null;
  readonly select: (id: string) => void;
  readonly open: (row: BoardCase) => void;
  readonly approve: (row: BoardCase) => void;
  readonly focusSearch: () => void;
}

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

export function useBoardShortcuts(props: BoardShortcuts): void {
  // The listener is installed once and reads the latest rows and selection from here.
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const { rows, selectedId, select, open, approve, focusSearch } = latest.current;
      const index = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1;
      const selected = index >= 0 ? rows[index] : undefined;
      const move = (step: number) => {
        const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
        const row = rows[next];
        if (row) select(row.id);
      };
      // By the physical key (e.code), so the shortcuts work on a Russian layout too.
      const letter = !e.shiftKey;
      switch (e.code) {
        case 'KeyJ':
          if (!letter) return;
          move(1);
          break;
        case 'KeyK':
          if (!letter) return;
          move(-1);
          break;
        case 'Enter':
        case 'NumpadEnter':
          // A focused link or button keeps its own Enter.
          if (!selected || (e.target instanceof HTMLElement && e.target.closest('a, button'))) return;
          open(selected);
          break;
        case 'KeyA':
          if (!letter || !selected) return;
          approve(selected);
          break;
        case 'Slash':
        case 'NumpadDivide':
          focusSearch();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
