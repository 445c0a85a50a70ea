// The board snapshot: every page of `cases.board`, with the sequence number it is consistent with. It goes into the
// cases store through the change-sync (realtime/case-sync.ts), which applies every change after that number.
import { loadSnapshot } from '../realtime/case-sync';
import { useClock } from '../stores/clock';
import { toBoardCase } from './adapters';
import { expandBoardRows } from './board-rows';
import { directoryNames } from './names';
import { api } from './trpc';

type BoardQuery = Parameters<typeof api.cases.board.query>[0];
type BoardPage = Awaited<ReturnType<typeof api.cases.board.query>>;

/**
 * Every page of `cases.board` (the server sends a big board in pages and never leaves a case out), with the first
 * page's seq: catching up from it covers whatever changed while the later pages were read.
 */
export async function fetchBoard(filters: NonNullable<BoardQuery> = {}, onFirstPage?: (page: BoardPage) => void) {
  // Compact rows: what the board shows, each page's rule texts once (expanded here, board-rows.ts).
  const query = { ...filters, compact: true };
  const first = await api.cases.board.query(query);
  onFirstPage?.(first);
  const cases = expandBoardRows(first);
  for (let cursor = first.nextCursor; cursor; ) {
    const next = await api.cases.board.query({ ...query, cursor });
    cases.push(...expandBoardRows(next));
    cursor = next.nextCursor;
  }
  return { cases, seq: first.seq, serverTime: first.serverTime };
}

let loading: Promise<void> | null = null;

/** `loadBoard`, once for every screen that opens at the same moment (the curator's queue beside the inbox). */
export function loadBoardOnce(): Promise<void> {
  loading ??= loadBoard().finally(() => {
    loading = null;
  });
  return loading;
}

export async function loadBoard(): Promise<void> {
  const sentAt = Date.now();
  const res = await fetchBoard({}, (first) => useClock.getState().addSample(first.serverTime, sentAt, Date.now()));
  const names = directoryNames();
  await loadSnapshot(
    res.cases.map((r) => toBoardCase(r, names, res.seq)),
    res.seq,
  );
}
