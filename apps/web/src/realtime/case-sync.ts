// The one way case changes reach the cases store, for the board, the inbox, the case page, the head's page and the
// wall alike: the shared change-sync of @otklik/contract. A snapshot sets where it starts; then every change of a live
// `case:changes` message goes through it, and on a gap or a (re)connect it fetches what was missed over the socket
// (`changes:since`, whose pages carry each case's row as this receiver sees it) and applies the changes in seq order,
// each once. No change costs a row request.
import {
  type CaseChange,
  type CaseChanges,
  type ChangeSync,
  type ClockRules,
  createChangeSync,
  type SequencedChange,
  zChangesPage,
} from '@otklik/contract';
import { type BoardRowFields, rowOfMessage, toBoardCase } from '../api/adapters';
import { directoryNames } from '../api/names';
import type { BoardCase } from '../api/types';
import { useCases } from '../stores/cases';

/** Reads one catch-up page after a seq (the socket's `changes:since`); rejects while offline. */
export type FetchChanges = (afterSeq: number) => Promise<unknown>;

/** A change as the sync keeps it: its place in the sequence, its case and its row read (a compact row's clocks
 *  expanded with its message's rules), or none. */
interface ReceivedChange extends SequencedChange {
  readonly caseId: string;
  readonly row?: BoardRowFields | null;
}

let fetchChanges: FetchChanges | null = null;
let sync: ChangeSync<ReceivedChange> | null = null;

function received(change: CaseChange, rules: ClockRules): ReceivedChange {
  const { seq, prevSeq, caseId, row } = change;
  return { seq, prevSeq, caseId, row: row ? rowOfMessage(row, rules) : row };
}

/** The socket module names how pages are read while a socket exists (null when it is closed). */
export function setChangesSource(fetch: FetchChanges | null): void {
  fetchChanges = fetch;
}

async function fetchSince(afterSeq: number) {
  if (!fetchChanges) throw new TypeError('socket offline');
  // Validated like every payload; a malformed page fails this catch-up, the next (re)connect tries again.
  const page = zChangesPage.parse(await fetchChanges(afterSeq));
  return { ...page, changes: page.changes.map((c) => received(c, page.rules)) };
}

/** One change into the store: its row replaces the case's (null removes it). A change without a row is an earlier
 *  change of a case in the same message or catch-up page, whose last change there carries the row. */
function apply(change: ReceivedChange): void {
  if (change.row === undefined) return;
  const row = change.row === null ? null : toBoardCase(change.row, directoryNames(), change.seq);
  useCases.getState().applyChanges([{ seq: change.seq, caseId: change.caseId, row }]);
}

/**
 * Puts a snapshot (rows consistent with `seq`) into the store. The first one starts the sync there and catches up
 * on what changed since it was read (live changes before it were not applied); a later one (another screen opening,
 * the wall's periodic reload) only moves the sync forward to it, if it is newer.
 */
export function loadSnapshot(rows: readonly BoardCase[], seq: number): Promise<void> {
  useCases.getState().replaceAll(rows, seq);
  if (sync) {
    sync.advance(seq);
    return Promise.resolve();
  }
  const own: ChangeSync<ReceivedChange> = createChangeSync<ReceivedChange>({
    // The store keeps rows of live changes newer than a late snapshot: start after whichever is newer.
    initialSeq: useCases.getState().lastSeq,
    fetchSince,
    // A catch-up still running when its sync was dropped (rows cleared) applies nothing.
    apply: (change) => {
      if (sync === own) apply(change);
    },
    // Offline or refused: the next connect catches up again from the same seq.
    onError: () => {},
  });
  sync = own;
  return own.catchUp();
}

/** Live changes (one message of the server's window, in seq order): each applied at once when it follows what the
 *  store holds, else kept until the missing ones are read. Before the first snapshot there is nothing to apply them
 *  to (the snapshot and the catch-up after it cover them). */
export function receiveChanges(message: CaseChanges): void {
  if (!sync) return;
  for (const change of message.changes) sync.receive(received(change, message.rules));
}

/** On every (re)connect, after the socket's rooms are joined: everything after the last applied seq. */
export function catchUpChanges(): Promise<void> {
  return sync?.catchUp() ?? Promise.resolve();
}

/** The socket closed for good (signed out, page left): the next snapshot starts a new sync. */
export function stopCaseSync(): void {
  sync = null;
}

/** Forgets the rows and where the sync stood (a wall whose key was revoked, a closed wall page). */
export function clearCases(): void {
  sync = null;
  useCases.getState().clear();
}
