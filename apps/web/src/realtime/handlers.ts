// What the app does with each server event: a case change carries its row, applied to the one cases store in
// sequence order (a gap is caught up from the API); a change of a case open in a workspace also carries its detail;
// notifications go to the bell, presence to the case room, time samples to the clock store.
// Payloads are validated with the shared zod schemas on receipt; a malformed one is ignored, never a crash.
import {
  type CaseChange,
  type ClientToServerEvents,
  type ServerToClientEvents,
  zCaseChange,
  zCaseDetailChange,
  zDraft,
  zHello,
  zNotification,
  zPresenceState,
} from '@otklik/contract';
import type { Socket } from 'socket.io-client';
import { rowOfMessage, toBoardCase } from '../api/adapters';
import { catchUpBoard } from '../api/board';
import { directoryNames } from '../api/names';
import { useCases } from '../stores/cases';
import { useClock } from '../stores/clock';
import { useDrafts } from '../stores/drafts';
import { useNotifications } from '../stores/notifications';
import { usePresence } from '../stores/presence';
import { useUi } from '../stores/ui';
import { receiveDetailChange } from './case-detail-live';
import type { RealtimeMode } from './socket';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The wall registers its own catch-up (it has no session for the tRPC board). */
let wallCatchUp: (() => Promise<void>) | null = null;
export function setWallCatchUp(fn: (() => Promise<void>) | null): void {
  wallCatchUp = fn;
}

export function catchUp(mode: RealtimeMode): Promise<void> {
  const run = mode.kind === 'wall' ? wallCatchUp : useCases.getState().loaded ? catchUpBoard : null;
  return run ? run().catch(() => {}) : Promise.resolve();
}

/**
 * Applies a live change's row to the store when it continues what the store holds (nothing missed before it):
 * no request. Returns false when the client must catch up from the server instead: a gap (a change it has not seen
 * comes before this one), or a change without a row. Before the first snapshot nothing is applied: the snapshot and
 * the catch-up after it cover the change.
 */
function applyLive(change: CaseChange): boolean {
  const store = useCases.getState();
  if (!store.loaded) return true;
  if (change.seq <= store.lastSeq) return true;
  if (change.prevSeq > store.lastSeq || change.row === undefined) return false;
  const row = change.row === null ? null : toBoardCase(rowOfMessage(change.row), directoryNames(), change.seq);
  store.applyChanges([{ seq: change.seq, caseId: change.caseId, row }]);
  return true;
}

export function registerHandlers(socket: AppSocket, mode: RealtimeMode): void {
  // The server's time arrives on connect (hello) and every few seconds; a round-trip probe turns it into an offset
  // (one-way timings alone would bias it by the network latency).
  const probe = () => {
    const sentAt = Date.now();
    socket.emit('time:probe', { clientSentAt: sentAt }, (reply) => {
      if (reply.ok) useClock.getState().addSample(reply.value.serverTime, sentAt, Date.now());
    });
  };
  socket.on('hello', (raw) => {
    if (zHello.safeParse(raw).success) probe();
  });
  socket.on('server:time', (raw) => {
    if (typeof raw?.serverTime === 'number') probe();
  });
  socket.on('auth:expired', (raw) => {
    if (raw?.code === 'display-key-revoked') useUi.getState().setConnection('revoked');
  });
  socket.on('server:shutdown', () => {
    // The server is restarting: socket.io reconnects on its own once the port answers again.
  });
  socket.on('case:changed', (raw) => {
    const change = zCaseChange.safeParse(raw);
    if (!change.success) return;
    if (!applyLive(change.data)) void catchUp(mode);
  });
  socket.on('case:detail', (raw) => {
    const change = zCaseDetailChange.safeParse(raw);
    if (change.success) receiveDetailChange(change.data);
  });
  socket.on('presence:state', (raw) => {
    const p = zPresenceState.safeParse(raw);
    if (p.success) {
      usePresence.getState().setPresent(
        p.data.caseId,
        p.data.viewers.map((v) => ({ personId: v.personId, fullName: v.fullName, typing: v.typing })),
      );
    }
  });
  socket.on('draft:saved', (raw) => {
    const d = zDraft.safeParse(raw);
    if (d.success) useDrafts.getState().put(d.data);
  });
  socket.on('notification:new', (raw) => {
    const n = zNotification.safeParse(raw);
    if (!n.success) return;
    useNotifications.getState().add({ ...n.data, read: n.data.readAt !== null });
  });
}
