// Board snapshot and catch-up: the snapshot carries the sequence number it is consistent with; every live change
// after it is fetched with `changesSince` (subscribe first, then catch up) and applied in sequence order.
import { useCases } from '../stores/cases';
import { useClock } from '../stores/clock';
import { toBoardCase } from './adapters';
import { directoryNames } from './names';
import { api } from './trpc';

export async function loadBoard(): Promise<void> {
  const sentAt = Date.now();
  const res = await api.cases.board.query({});
  useClock.getState().addSample(res.serverTime, sentAt, Date.now());
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
