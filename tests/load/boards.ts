// Board clients: connections to the server's socket.io endpoint signed in with a session cookie, in their
// organisation's staff room as the web app's board is. Each notes when every `case:changed` arrived; with
// `follow: 'web'` each also does what the web app does: apply the pushed row, and fetch the changes after the last
// one it applied (`cases.changesSince`, coalesced while one is in flight) only when a sequence number was skipped;
// `follow: 'push'` only listens.
// The clients speak the socket.io protocol (Engine.IO 4, WebSocket transport) over `ws` themselves and read only the
// `seq` of a change, not its whole payload: a thousand of them share this machine with the server, and the full
// socket.io client's decoding would make the harness, not the server, the bottleneck. The server sees ordinary
// socket.io clients.
import WebSocket from 'ws';
import { type LatencySummary, Samples } from './stats';

export type Follow = 'web' | 'push';

export interface BoardClients {
  readonly connected: number;
  /** Clients that got no `hello` within a minute (refused, or the server too busy). */
  readonly failed: number;
  readonly connectMs: LatencySummary;
  /** Receipts so far: the change's seq and the epoch-ms instant it arrived. */
  takeReceipts(): { seq: Float64Array; at: Float64Array };
  /** How many receipts arrived so far (to wait until the last broadcasts are in). */
  receiptCount(): number;
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

const CHANGE_PREFIX = '42["case:changed",';
const HELLO_PREFIX = '42["hello",';
/** The first "seq" of a change is its own: `toChange` puts it first, before the event's payload. */
const SEQ = /"seq":(\d+)/;
const PREV_SEQ = /"prevSeq":(\d+)/;

export async function connectBoards(
  url: string,
  clients: readonly { organisationId: string; cookie: string }[],
  follow: Follow,
): Promise<BoardClients> {
  let receipts = new Pairs();
  let receiptTotal = 0;
  const connectTimes = new Samples();
  const refetchTimes = new Samples();
  let refetchErrors = 0;
  const sockets: WebSocket[] = [];
  const perOrganisation = new Map<string, number>();
  let failed = 0;
  const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;

  const open = (client: { organisationId: string; cookie: string }) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const socket = new WebSocket(wsUrl, {
        headers: { cookie: client.cookie, origin: new URL(url).origin },
        perMessageDeflate: false,
      });
      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(giveUp);
        if (ok) {
          sockets.push(socket);
          connectTimes.add(performance.now() - started);
          perOrganisation.set(client.organisationId, (perOrganisation.get(client.organisationId) ?? 0) + 1);
        } else {
          failed++;
          socket.removeAllListeners();
          socket.terminate();
        }
        resolve();
      };
      const giveUp = setTimeout(() => settle(false), 60_000);
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
              headers: { cookie: client.cookie, origin: new URL(url).origin },
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
      socket.on('message', (data) => {
        const frame = data.toString();
        if (frame.startsWith(CHANGE_PREFIX)) {
          const at = preciseNow();
          const seq = SEQ.exec(frame)?.[1];
          if (seq) {
            receipts.add(Number(seq), at);
            receiptTotal++;
          }
          // The web app applies the row a change carries and reads the feed only when the change's previous
          // sequence number is one it has not seen (a change it missed); a curator's board is sent every change of
          // its organisation, so that is rare.
          const prev = Number(PREV_SEQ.exec(frame)?.[1] ?? 0);
          if (follow === 'web' && prev > lastSeq) void catchUp();
          else if (seq) lastSeq = Math.max(lastSeq, Number(seq));
        } else if (frame === '2') {
          socket.send('3'); // Engine.IO heartbeat: pong
        } else if (frame.startsWith('0')) {
          socket.send('40'); // Engine.IO open → socket.io connect to the main namespace (the cookie signs in)
        } else if (frame.startsWith(HELLO_PREFIX)) {
          const [, hello] = JSON.parse(frame.slice(2)) as [string, { headSeq: number }];
          lastSeq = hello.headSeq;
          settle(true);
        } else if (frame.startsWith('44')) {
          settle(false); // connect_error: refused
        }
      });
      socket.on('error', () => settle(false));
      socket.on('close', () => settle(false));
    });

  // A few at a time, as boards open through a morning rather than in one instant.
  for (let i = 0; i < clients.length; i += 25) {
    await Promise.all(clients.slice(i, i + 25).map(open));
  }
  return {
    connected: sockets.length,
    failed,
    connectMs: connectTimes.summary(),
    perOrganisation,
    takeReceipts() {
      const taken = { seq: receipts.seq.slice(0, receipts.n), at: receipts.at.slice(0, receipts.n) };
      receipts = new Pairs();
      return taken;
    },
    receiptCount: () => receiptTotal,
    refetch: () => ({ count: refetchTimes.count, errors: refetchErrors, latency: refetchTimes.summary() }),
    close() {
      for (const s of sockets) {
        s.removeAllListeners();
        s.close();
      }
    },
  };
}
