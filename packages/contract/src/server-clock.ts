// Client side of server time: the offset between the server's clock and this client's, from `time:probe` round
// trips (the sample with the shortest round trip wins) or, until one is made, from `hello` / `server:time` pushes.
// Countdowns use `serverNow()`, so a client with a wrong clock still shows the server's deadlines right. A probe more
// than 5 s away from the best one means the client's clock was set: the older probes are forgotten. One algorithm
// for the web app (its clock store) and the tests' socket clients.

export interface ServerClockOptions {
  /** The client's clock (Date.now by default). */
  readonly now?: () => number;
  /** How many recent probes are kept to pick the best from (network paths change). */
  readonly keep?: number;
}

/** A probe this far from the best one follows a change of the client's clock, however slow its round trip. */
const CLOCK_JUMP_MS = 5_000;

export interface ServerClock {
  /** A pushed server time (hello, server:time): latency is unknown, so it is used only until a probe answers. */
  fromPush(serverTime: number): void;
  /** A probe answered: the server read its clock about halfway through the round trip. */
  fromProbe(reply: { clientSentAt: number; serverTime: number }, receivedAt?: number): void;
  /** Milliseconds to add to the client's clock to get the server's. */
  readonly offsetMs: number;
  /** Half the best round trip: how far off the offset may be (Infinity before any probe). */
  readonly uncertaintyMs: number;
  serverNow(): number;
}

export function createServerClock(options: ServerClockOptions = {}): ServerClock {
  const now = options.now ?? Date.now;
  const keep = options.keep ?? 8;
  const probes: { offset: number; rtt: number }[] = [];
  let pushed: number | null = null;

  const best = () =>
    probes.reduce<{ offset: number; rtt: number } | null>((b, p) => (!b || p.rtt < b.rtt ? p : b), null);

  return {
    fromPush(serverTime) {
      pushed = serverTime - now();
    },
    fromProbe(reply, receivedAt = now()) {
      const rtt = receivedAt - reply.clientSentAt;
      if (rtt < 0) return;
      const offset = reply.serverTime - (reply.clientSentAt + receivedAt) / 2;
      const current = best();
      if (current && Math.abs(offset - current.offset) > CLOCK_JUMP_MS) probes.length = 0;
      probes.push({ offset, rtt });
      if (probes.length > keep) probes.shift();
    },
    get offsetMs() {
      return best()?.offset ?? pushed ?? 0;
    },
    get uncertaintyMs() {
      const b = best();
      return b ? b.rtt / 2 : Number.POSITIVE_INFINITY;
    },
    serverNow() {
      return now() + (best()?.offset ?? pushed ?? 0);
    },
  };
}
