// The board snapshot: every page of GET /api/board (the server's http/board-route.ts: the compact rows PostgreSQL
// builds, passed through unparsed — not a tRPC call), with the sequence number it is consistent with. It goes into
// the cases store through the change-sync (realtime/case-sync.ts), which applies every change after that number.
import type { BoardSnapshotPage } from '@otklik/server/client';
import { loadSnapshot } from '../realtime/case-sync';
import { useClock } from '../stores/clock';
import { directoryLoaded } from '../stores/directory';
import { useSession } from '../stores/session';
import { toBoardCase } from './adapters';
import { expandBoardRows } from './board-rows';
import { directoryNames } from './names';
import type { api } from './trpc';

/** The board's selection, as `cases.board` takes it (the route takes the same filters). */
type BoardQuery = NonNullable<Parameters<typeof api.cases.board.query>[0]>;

/** The route's refusal as the tRPC client's errors carry it (api/errors.ts words both alike). */
function refusal(status: number, body: unknown): Error {
  const error = (body as { error?: Record<string, unknown> } | null)?.error ?? {};
  const message = typeof error.message === 'string' ? error.message : `HTTP ${status}`;
  const code = typeof error.code === 'string' ? error.code : status === 401 ? 'UNAUTHORIZED' : 'UNKNOWN';
  return Object.assign(new Error(message), {
    data: {
      code,
      httpStatus: status,
      key: error.key ?? null,
      params: error.params ?? null,
      details: error.details ?? null,
    },
  });
}

/** One page of the snapshot. */
async function fetchPage(query: BoardQuery): Promise<BoardSnapshotPage> {
  const res = await fetch(`/api/board?input=${encodeURIComponent(JSON.stringify(query))}`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (res.ok) return (await res.json()) as BoardSnapshotPage;
  const body = await res.json().catch(() => null);
  // The session ended (as the tRPC client's fetch does): back to the sign-in page.
  if (res.status === 401 && useSession.getState().status === 'authenticated') useSession.getState().signedOut();
  throw refusal(res.status, body);
}

/**
 * Every page of the snapshot (the server sends a big board in pages and never leaves a case out), with the first
 * page's seq: catching up from it covers whatever changed while the later pages were read.
 */
export async function fetchBoard(filters: BoardQuery = {}, onFirstPage?: (page: BoardSnapshotPage) => void) {
  const first = await fetchPage(filters);
  onFirstPage?.(first);
  const cases = expandBoardRows(first);
  for (let cursor = first.nextCursor; cursor; ) {
    const next = await fetchPage({ ...filters, cursor });
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
  // The snapshot is its own request now (not in the directory's tRPC batch): its rows are named once the directory
  // that names them has arrived, whichever comes first.
  const [res] = await Promise.all([
    fetchBoard({}, (first) => useClock.getState().addSample(first.serverTime, sentAt, Date.now())),
    directoryLoaded(),
  ]);
  const names = directoryNames();
  await loadSnapshot(
    res.cases.map((r) => toBoardCase(r, names, res.seq)),
    res.seq,
  );
}
