// Board snapshot and catch-up: the snapshot carries the sequence number it is consistent with; every live change
// after it is fetched with `changesSince` (subscribe first, then catch up) and applied in sequence order.
import { useCases } from '../stores/cases';
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
  useCases.getState().replaceAll(
    res.cases.map((r) => toBoardCase(r, names, res.seq)),
    res.seq,
  );
  // Changes broadcast while the snapshot was in flight were not applied (the board was not loaded yet): ask for
  // everything after the snapshot's sequence number once, so none of them is lost.
  await catchUpBoard();
}

let inFlight: Promise<void> | null = null;
let again = false;

/** Fetches every change after the last applied sequence number; concurrent calls coalesce into one more round. */
export function catchUpBoard(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    try {
      do {
        again = false;
        let more = true;
        while (more) {
          const from = useCases.getState().lastSeq;
          const res = await api.cases.changesSince.query({ seq: from, limit: 2000 });
          const names = directoryNames();
          const lastSeqOf = new Map<string, number>();
          for (const e of res.events) lastSeqOf.set(e.caseId, e.seq);
          const rows = new Map(res.cases.map((r) => [r.id, r]));
          useCases.getState().applyChanges(
            [...lastSeqOf].map(([caseId, seq]) => {
              const row = rows.get(caseId);
              return { seq, caseId, row: row ? toBoardCase(row, names, seq) : null };
            }),
          );
          more = res.hasMore && res.lastSeq > from;
        }
      } while (again);
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}
