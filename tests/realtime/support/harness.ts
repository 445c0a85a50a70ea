// Helpers of the realtime tests: server nodes in child processes, tRPC calls over HTTP, signed-in socket clients
// that record what they receive.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ClientToServerEvents, Notification, ServerToClientEvents } from '@otklik/contract';
import { io, type Socket } from 'socket.io-client';
import type { OrgFixture } from '../../../apps/server/src/test/fixtures';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const nodeMain = fileURLToPath(new URL('./node-main.ts', import.meta.url));
export const TEST_PASSWORD = 'test-pass';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface NodeProcess {
  readonly url: string;
  readonly pid: number;
  readonly fixture: { org: OrgFixture; other: OrgFixture } | null;
  readonly displayToken: string | null;
  readonly proc: ChildProcess;
  readonly stderr: () => string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** SIGTERM (graceful) and wait for the exit. */
  stop(): Promise<number | null>;
  kill(): Promise<number | null>;
}

export interface NodeEnv {
  NODE_TARGET?: string;
  NODE_SEED?: '1';
  /** The seeded organisation's regulation profile (default konyshevsky-2020). */
  NODE_PROFILE?: string;
  NODE_CLOCK_OFFSET_MS?: string;
  NODE_POLL_MS?: string;
  NODE_SCHEDULER?: '0';
  NODE_SLOW_COMMANDS_MS?: string;
  NODE_TIME_INTERVAL_MS?: string;
  SMTP_URL?: string;
  OTKLIK_MAIL_FROM?: string;
  OTKLIK_PUBLIC_URL?: string;
  /** The mail worker's poll and first retry delay (default 15 s and 1 min). */
  NODE_MAIL_POLL_MS?: string;
  NODE_MAIL_BASE_DELAY_MS?: string;
  /** How long a claimed letter is reserved for its sender (default 2 min). */
  NODE_MAIL_LEASE_MS?: string;
  NODE_SESSION_CHECK_MS?: string;
  /** '1' starts the reports watcher (surge detection), as `otklik serve` does. */
  NODE_REPORTS?: '1';
  /** Fault tests: bounds of the database and of a request's wait for it. */
  NODE_DB_CONNECT_TIMEOUT_MS?: string;
  NODE_DB_STATEMENT_TIMEOUT_MS?: string;
  NODE_REQUEST_TIMEOUT_MS?: string;
}

export function startNode(env: NodeEnv = {}): Promise<NodeProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', nodeMain], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
    const timeout = setTimeout(() => reject(new Error(`node did not start in 60 s:\n${stderr}`)), 60_000);
    void exited.then((code) => {
      clearTimeout(timeout);
      reject(new Error(`node exited with ${code} before it was ready:\n${stderr}`));
    });
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timeout);
      const info = JSON.parse(line) as Pick<NodeProcess, 'url' | 'pid' | 'fixture' | 'displayToken'>;
      resolve({
        ...info,
        proc,
        stderr: () => stderr,
        exited,
        stop() {
          proc.kill('SIGTERM');
          return exited;
        },
        kill() {
          proc.kill('SIGKILL');
          return exited;
        },
      });
    });
  });
}

export class TrpcError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** A tRPC call over HTTP exactly as the web app makes it (no transformer). */
export async function trpc<T>(
  url: string,
  path: string,
  input: unknown,
  options: { cookie?: string; kind?: 'query' | 'mutation' } = {},
): Promise<T> {
  const kind = options.kind ?? 'mutation';
  // The app's own origin, as a browser sends it: state-changing calls with a session cookie need it.
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: new URL(url).origin };
  if (options.cookie) headers.cookie = options.cookie;
  const res =
    kind === 'query'
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
  if (body.error) throw new TrpcError(body.error.message, body.error.data?.code ?? 'UNKNOWN');
  return body.result!.data;
}

/** Signs in through auth.login and returns the `name=value` of the session cookie. */
export async function login(url: string, loginName: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password: TEST_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login ${loginName} failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

export interface WatchedPeople<K extends string> {
  readonly cookies: Record<K, string>;
  /** What each person's socket received as `notification:new`, in order. */
  readonly feeds: Record<K, Notification[]>;
  readonly sockets: ClientSocket[];
}

/** Signs people of a fixture organisation in, each with a connected socket recording their live feed. */
export async function watchFeeds<K extends keyof OrgFixture['people'] & string>(
  url: string,
  org: OrgFixture,
  keys: readonly K[],
): Promise<WatchedPeople<K>> {
  const cookies = {} as Record<K, string>;
  const feeds = {} as Record<K, Notification[]>;
  const sockets: ClientSocket[] = [];
  for (const key of keys) {
    cookies[key] = await login(url, org.people[key].login);
    const feed: Notification[] = [];
    feeds[key] = feed;
    const s = connect(url, { cookie: cookies[key] });
    s.on('notification:new', (n) => feed.push(n));
    sockets.push(s);
    await connected(s);
  }
  return { cookies, feeds, sockets };
}

export function connect(
  url: string,
  auth: { cookie?: string; displayToken?: string },
  options: { autoConnect?: boolean } = {},
): ClientSocket {
  return io(url, {
    transports: ['websocket'],
    // A browser's handshake carries the page's origin; with a session cookie the server requires it.
    extraHeaders: auth.cookie ? { cookie: auth.cookie, origin: new URL(url).origin } : { origin: new URL(url).origin },
    auth: auth.displayToken ? { displayToken: auth.displayToken } : {},
    reconnection: false,
    autoConnect: options.autoConnect ?? true,
  });
}

/** Generous by default: a busy CI machine may take long; a wait bounds a failure, it measures nothing. */
export function waitFor<T>(socket: ClientSocket, event: keyof ServerToClientEvents, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    // biome-ignore lint/suspicious/noExplicitAny: one helper for every event of the typed map
    (socket as any).once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
}

/** Calls a socket request with an ack and unwraps the result (throws the server's message). */
export async function request<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>['value']> {
  // biome-ignore lint/suspicious/noExplicitAny: the typed map's ack shapes differ per event
  const reply = (await (socket as any).timeout(10_000).emitWithAck(event, payload)) as
    | { ok: true; value: never }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Polls until `check` returns a value (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const registerInput = (text: string) => ({
  network: 'vk',
  link: `https://vk.com/wall-1_${Math.floor(Math.random() * 1e9)}`,
  author: { name: 'Иван Петров' },
  text,
  attachments: [],
  visibility: 'public',
});
