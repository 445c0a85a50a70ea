// Board clients: connections to the server's socket.io endpoint signed in with a session cookie, in their
// organisation's staff room as the web app's board is. Each notes when every change of a `case:changes` message arrived; with
// `follow: 'web'` each also keeps its changes with the web app's own change-sync (`createChangeSync` of
// `@otklik/contract`): a pushed change that follows the last one applied is applied as it is, a skipped sequence
// number makes it ask the socket's `changes:since` for what it missed; `follow: 'push'` only listens.
// The clients speak the socket.io protocol (Engine.IO 4, WebSocket transport) over `ws` themselves and read only the
// `seq` of a change, not its whole payload: a thousand of them share this machine with the server, and the full
// socket.io client's decoding would make the harness, not the server, the bottleneck. The server sees ordinary
// socket.io clients.
import { type ChangeSync, createChangeSync, type SequencedChange } from '@otklik/contract';
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

const CHANGES_PREFIX = '42["case:changes",';
const HELLO_PREFIX = '42["hello",';
/** Each change of a message begins with its seq and its previous seq (`toChange` puts them first, before the event's
 *  payload and the row), a pair nothing else in the message has. */
const SEQ_PAIR = /"seq":(\d+),"prevSeq":(\d+)/g;
/** socket.io's acknowledgement of a request the client numbered: `43<id>[reply]`. */
const ACK = /^43(\d+)(.*)$/s;

/** What a catch-up page carries that a board client reads (the rows it ignores, as it does a change's payload). */
interface CatchUpPage {
  changes: SequencedChange[];
  hasMore: boolean;
  headSeq: number;
}

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
      // Requests waiting for their acknowledgement, by the id the client gave them.
      const acks = new Map<number, { resolve: (reply: string) => void; reject: (error: Error) => void }>();
      let nextAck = 0;
      const ask = (event: string, payload: unknown) =>
        new Promise<string>((resolve, reject) => {
          const id = nextAck++;
          acks.set(id, { resolve, reject });
          socket.send(`42${id}${JSON.stringify([event, payload])}`);
        });
      // The web app's catch-up, page after page of the socket's feed after the last applied seq; set on `hello`,
      // whose head seq is where a board that has just read its snapshot starts.
      let sync: ChangeSync<SequencedChange> | null = null;
      const startSync = (headSeq: number) =>
        createChangeSync<SequencedChange>({
          initialSeq: headSeq,
          fetchSince: async (afterSeq) => {
            const t0 = performance.now();
            const frame = await ask('changes:since', { afterSeq });
            const [reply] = JSON.parse(frame) as [{ ok: true; value: CatchUpPage } | { ok: false; error: string }];
            if (!reply.ok) throw new Error(reply.error);
            refetchTimes.add(performance.now() - t0);
            return reply.value;
          },
          apply: () => {},
          onError: () => refetchErrors++,
        });
      socket.on('message', (data) => {
        const frame = data.toString();
        if (frame.startsWith(CHANGES_PREFIX)) {
          const at = preciseNow();
          // Every change of the message arrived now; the web app applies the rows they carry and reads the feed only
          // when a change's previous sequence number is one it has not seen (a change it missed); a curator's board is
          // sent every change of its organisation, so that is rare.
          for (const [, seq, prevSeq] of frame.matchAll(SEQ_PAIR)) {
            receipts.add(Number(seq), at);
            receiptTotal++;
            if (follow === 'web' && sync) sync.receive({ seq: Number(seq), prevSeq: Number(prevSeq) });
          }
        } else if (frame.startsWith('43')) {
          const [, id, reply = ''] = ACK.exec(frame) ?? [];
          const waiting = acks.get(Number(id));
          acks.delete(Number(id));
          waiting?.resolve(reply);
        } else if (frame === '2') {
          socket.send('3'); // Engine.IO heartbeat: pong
        } else if (frame.startsWith('0')) {
          socket.send('40'); // Engine.IO open → socket.io connect to the main namespace (the cookie signs in)
        } else if (frame.startsWith(HELLO_PREFIX)) {
          const [, hello] = JSON.parse(frame.slice(2)) as [string, { headSeq: number }];
          sync = startSync(hello.headSeq);
          settle(true);
        } else if (frame.startsWith('44')) {
          settle(false); // connect_error: refused
        }
      });
      socket.on('error', () => settle(false));
      socket.on('close', () => {
        settle(false);
        // A catch-up waiting on a closed socket fails (counted) rather than hanging.
        for (const waiting of acks.values()) waiting.reject(new Error('socket closed'));
        acks.clear();
      });
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
