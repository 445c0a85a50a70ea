// What the app does with each server event: a case change goes to the one change-sync (case-sync.ts), which applies
// its row to the cases store in sequence order and catches up a gap; a change of a case open in a workspace also
// carries its detail; notifications go to the bell, presence to the case room, time samples to the clock store.
// Payloads are validated with the shared zod schemas on receipt; a malformed one is ignored, never a crash.
import { zCaseChanges, zCaseDetailChange, zDraft, zHello, zNotification, zPresenceState } from '@otklik/contract';
import { useClock } from '../stores/clock';
import { useDrafts } from '../stores/drafts';
import { useNotifications } from '../stores/notifications';
import { usePresence } from '../stores/presence';
import { useUi } from '../stores/ui';
import { receiveDetailChange } from './case-detail-live';
import { receiveChanges } from './case-sync';
import type { AppSocket } from './socket';

export function registerHandlers(socket: AppSocket): void {
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
  socket.on('case:changes', (raw) => {
    const message = zCaseChanges.safeParse(raw);
    if (message.success) receiveChanges(message.data);
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
