// Board clients: socket.io clients signed in with a session cookie, in their organisation's staff room as the web
// app's board is. Each notes when every `case:changed` arrived; with `follow: 'web'` each also does what today's web
// app does on a change — fetch the changes after the last one it applied (`cases.changesSince`, coalesced while one
// is in flight) — so the server carries that refetch too; `follow: 'push'` only listens.
import type { ClientToServerEvents, ServerToClientEvents } from '@otklik/server/realtime-events';
import { io, type Socket } from 'socket.io-client';
import { type LatencySummary, Samples } from './stats';

export type Follow = 'web' | 'push';

export interface BoardClients {
  readonly connected: number;
  readonly connectMs: LatencySummary;
  /** Receipts so far: the change's seq and the epoch-ms instant it arrived. */
  takeReceipts(): { seq: Float64Array; at: Float64Array };
  /** Organisation of each client, for the count of expected receipts. */
  readonly perOrganisation: ReadonlyMap<string, number>;
  refetch(): { count: number; errors: number; latency: LatencySummary };
  close(): void;
}

const preciseNow = () => performance.timeOrigin + performance.now();

class Pairs {
  seq = new Float64Array(4096);
  at = new Float64Array(4096);
  n = 0;
  add(seq: number, at: number): void {
    if (this.n === this.seq.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.seq = grow(this.seq);
      this.at = grow(this.at);
    }
    this.seq[this.n] = seq;
    this.at[this.n++] = at;
  }
}

export async function connectBoards(
  url: string,
  clients: readonly { organisationId: string; cookie: string }[],
  follow: Follow,
): Promise<BoardClients> {
  let receipts = new Pairs();
  const connectTimes = new Samples();
  const refetchTimes = new Samples();
  let refetchErrors = 0;
  const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
  const perOrganisation = new Map<string, number>();

  const open = (client: { organisationId: string; cookie: string }) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
        transports: ['websocket'],
        extraHeaders: { cookie: client.cookie },
        reconnection: false,
        timeout: 60_000,
      });
      sockets.push(socket);
      let lastSeq = 0;
      let inFlight = false;
      let again = false;
      // The web app's catch-up: everything after the last applied seq, again while more arrived meanwhile.
      const catchUp = async () => {
        if (inFlight) {
          again = true;
          return;
        }
        inFlight = true;
        try {
          do {
            again = false;
            const t0 = performance.now();
            const input = encodeURIComponent(JSON.stringify({ seq: lastSeq, limit: 2000 }));
            const res = await fetch(`${url}/trpc/cases.changesSince?input=${input}`, {
              headers: { cookie: client.cookie },
            });
            const body = (await res.json()) as { result?: { data?: { lastSeq: number; hasMore: boolean } } };
            const data = body.result?.data;
            if (!res.ok || !data) {
              refetchErrors++;
              break;
            }
            refetchTimes.add(performance.now() - t0);
            lastSeq = Math.max(lastSeq, data.lastSeq);
            if (data.hasMore) again = true;
          } while (again);
        } catch {
          refetchErrors++;
        } finally {
          inFlight = false;
        }
      };
      socket.on('hello', (hello) => {
        lastSeq = hello.headSeq;
        connectTimes.add(performance.now() - started);
        perOrganisation.set(client.organisationId, (perOrganisation.get(client.organisationId) ?? 0) + 1);
        resolve();
      });
      socket.on('case:changed', (change) => {
        receipts.add(change.seq, preciseNow());
        if (follow === 'web') void catchUp();
      });
      socket.once('connect_error', (error) => reject(error));
    });

  // A few at a time, as boards open through a morning rather than in one instant.
  for (let i = 0; i < clients.length; i += 25) {
    await Promise.all(clients.slice(i, i + 25).map(open));
  }
  return {
    connected: sockets.length,
    connectMs: connectTimes.summary(),
    perOrganisation,
    takeReceipts() {
      const taken = { seq: receipts.seq.slice(0, receipts.n), at: receipts.at.slice(0, receipts.n) };
      receipts = new Pairs();
      return taken;
    },
    refetch: () => ({ count: refetchTimes.count, errors: refetchErrors, latency: refetchTimes.summary() }),
    close() {
      for (const s of sockets) {
        s.removeAllListeners();
        s.disconnect();
      }
    },
  };
}
