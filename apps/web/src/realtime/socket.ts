// The one module that owns the socket.io connection: connects with the session cookie (or a wall display token),
// reports the connection state, and on every (re)connect subscribes first, then catches up on everything after the
// last sequence number it applied, so a change made while offline is never missed.
import { type AckRefusal, ackValue, type ClientToServerEvents, type ServerToClientEvents } from '@otklik/contract';
import { io, type Socket } from 'socket.io-client';
import { loadNotifications } from '../api/notifications';
import { measureServerTime } from '../api/session';
import { useUi } from '../stores/ui';
import { catchUpChanges, setChangesSource, stopCaseSync } from './case-sync';
import { registerHandlers } from './handlers';

/** The code the server gives a revoked wall key (handshake refusal, auth:expired, wall API error details). */
export const DISPLAY_KEY_REVOKED = 'display-key-revoked';

/** The app's one socket, typed by the contract's event maps (only this module creates it). */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type RealtimeMode = { readonly kind: 'session' } | { readonly kind: 'wall'; readonly token: string };

let socket: AppSocket | null = null;
let users = 0;
const connectListeners = new Set<() => void>();

export function startRealtime(mode: RealtimeMode): void {
  users += 1;
  if (socket) return;
  useUi.getState().setConnection('connecting');
  const s: AppSocket = io({
    path: '/socket.io',
    withCredentials: true,
    auth: mode.kind === 'wall' ? { displayToken: mode.token } : {},
    // Keep trying for ever with a capped back-off: the wall must heal itself after a server restart.
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    randomizationFactor: 0.3,
  });
  socket = s;
  registerHandlers(s);
  setChangesSource((afterSeq) => request('changes:since', { afterSeq }));
  s.on('connect', () => {
    useUi.getState().setConnection('online');
    if (mode.kind === 'session') {
      measureServerTime().catch(() => {});
      loadNotifications().catch(() => {});
    }
    // Subscribed (connected: the server joined the rooms first), then catch up from the last applied seq.
    void catchUpChanges();
    for (const l of connectListeners) l();
  });
  s.on('disconnect', (reason) => {
    // A revoked display key stays revoked: the disconnect that follows is not a lost connection.
    if (useUi.getState().connection === 'revoked') return;
    useUi.getState().setConnection('offline');
    // After a server-side disconnect socket.io does not retry on its own.
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1000);
  });
  s.on('connect_error', (err: Error & { data?: { code?: unknown } }) => {
    if (err.data?.code === DISPLAY_KEY_REVOKED) {
      // The server refused the key as revoked: say so, and check again only rarely (a new key is a new address).
      useUi.getState().setConnection('revoked');
      if (!s.active) setTimeout(() => s.connect(), 60_000);
      return;
    }
    useUi.getState().setConnection('offline');
    // A refused handshake (e.g. the server restarting and not yet ready) is retried by the manager; if it gave up
    // (auth errors stop it), try again later anyway — the wall must never stay dark.
    if (!s.active) setTimeout(() => s.connect(), 3000);
  });
}

export function stopRealtime(): void {
  users = Math.max(0, users - 1);
  if (users > 0 || !socket) return;
  socket.removeAllListeners();
  socket.disconnect();
  socket = null;
  setChangesSource(null);
  stopCaseSync();
  useUi.getState().setConnection('connecting');
}

/** Runs `fn` on every future connect and reconnect (rooms must be joined again); returns the unsubscribe function. */
export function onConnect(fn: () => void): () => void {
  connectListeners.add(fn);
  return () => {
    connectListeners.delete(fn);
  };
}

type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
type AckValue<E extends keyof ClientToServerEvents> = Extract<AckOf<E>, { ok: true }>['value'];

/** Emits an event with an acknowledgement; resolves with its value, rejects with the server's readable error. */
export function request<E extends keyof ClientToServerEvents>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<AckValue<E>> {
  const s = socket;
  if (!s?.connected) return Promise.reject(new TypeError('socket offline'));
  return new Promise((resolve, reject) => {
    // socket.io's typed emit cannot express a generic event name; the payload and reply types are checked above.
    const timed = s.timeout(timeoutMs) as unknown as {
      emit(ev: string, p: unknown, cb: (err: Error | null, reply: AckOf<E>) => void): void;
    };
    timed.emit(event, payload, (err, reply) => {
      if (err) reject(new TypeError('socket timeout'));
      else {
        // A refusal rejects with its key and parameters (AckRefusedError), worded like any server error.
        try {
          resolve(ackValue(reply as { ok: true; value: AckValue<E> } | AckRefusal));
        } catch (refused) {
          reject(refused);
        }
      }
    });
  });
}

export function isConnected(): boolean {
  return socket?.connected ?? false;
}
