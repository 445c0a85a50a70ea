// The one live case map, keyed by id and fed in global sequence order: a snapshot sets the baseline, then every change
// with a higher sequence number replaces (or removes) its row; older or repeated changes are ignored. The board, the
// inbox, the curator's queue and the wall all select from it.
import { create } from 'zustand';
import type { BoardCase } from '../api/types';

export interface CaseChange {
  readonly seq: number;
  readonly caseId: string;
  /** The row after the change; null when the case left the board (closed or out of scope). */
  readonly row: BoardCase | null;
}

interface CasesState {
  readonly byId: ReadonlyMap<string, BoardCase>;
  /** The highest sequence number applied; a reconnecting client asks for everything after it. */
  readonly lastSeq: number;
  readonly loaded: boolean;
  /** A late snapshot never overwrites a row that a newer live change already replaced. */
  replaceAll(rows: readonly BoardCase[], seq: number): void;
  applyChanges(changes: readonly CaseChange[]): void;
  upsert(row: BoardCase): void;
  /** Forgets every row (a wall whose key was revoked, a closed wall page). */
  clear(): void;
}

export const useCases = create<CasesState>()((set, get) => ({
  byId: new Map(),
  lastSeq: 0,
  loaded: false,
  replaceAll: (rows, seq) => {
    const prev = get();
    const next = new Map<string, BoardCase>();
    for (const r of rows) next.set(r.id, r);
    // Live changes that arrived while the snapshot was in flight are newer than it: keep them.
    for (const [id, r] of prev.byId) if (r.seq > seq) next.set(id, r);
    set({ byId: next, lastSeq: Math.max(seq, prev.lastSeq), loaded: true });
  },
  applyChanges: (changes) => {
    if (changes.length === 0) return;
    const { byId, lastSeq } = get();
    const sorted = [...changes].sort((a, b) => a.seq - b.seq);
    let next: Map<string, BoardCase> | null = null;
    let seq = lastSeq;
    for (const c of sorted) {
      const existing = (next ?? byId).get(c.caseId);
      if (existing && existing.seq >= c.seq) continue;
      next ??= new Map(byId);
      if (c.row === null || !c.row.isOpen) next.delete(c.caseId);
      else next.set(c.caseId, { ...c.row, seq: c.seq });
      seq = Math.max(seq, c.seq);
    }
    if (next) set({ byId: next, lastSeq: seq });
    else set({ lastSeq: Math.max(seq, lastSeq) });
  },
  clear: () => set({ byId: new Map(), lastSeq: 0, loaded: false }),
  upsert: (row) => {
    const next = new Map(get().byId);
    if (row.isOpen) next.set(row.id, row);
    else next.delete(row.id);
    set({ byId: next });
  },
}));
