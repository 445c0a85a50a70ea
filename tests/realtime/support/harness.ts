// Helpers of the realtime tests: server nodes in child processes, people signed in through the shared typed client
// (tests/support/typed-client.ts), signed-in socket clients that record what they receive.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  type AckRefusal,
  ackValue,
  type CaseChange,
  type CaseChanges,
  type ClientToServerEvents,
  type Notification,
  type ServerToClientEvents,
} from '@otklik/contract';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { freshLink, vkComment } from '../../../apps/server/src/test/case-steps';
import type { OrgFixture } from '../../../apps/server/src/test/fixtures';
import { type TestSession, testSession } from '../../support/typed-client';

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
  /** How often an organisation's receivers are sent their changes at most (default 100 ms). */
  NODE_BROADCAST_MS?: string;
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

/** A fixture person signed in on the node at `url`: the shared typed client with their session cookie. */
export function signIn(url: string, login: string): Promise<TestSession> {
  return testSession(url).signIn(login, TEST_PASSWORD);
}

/** Signs each of `people` in on `url` (at once), keyed as given. */
export async function signInAll<K extends string>(
  url: string,
  people: Record<K, { readonly login: string }>,
): Promise<Record<K, TestSession>> {
  const keys = Object.keys(people) as K[];
  const sessions = await Promise.all(keys.map((key) => signIn(url, people[key].login)));
  return Object.fromEntries(keys.map((key, i) => [key, sessions[i]])) as Record<K, TestSession>;
}

type Api = TestSession['api'];
export type RegisterInput = Parameters<Api['cases']['register']['mutate']>[0];
export type CaseCommand = Parameters<Api['cases']['command']['mutate']>[0]['command'];

/** A case registered through `registrar`, with `run` sending a command as someone at the case's current version. */
export async function registerCase(registrar: TestSession, text: string) {
  const registered = await registrar.api.cases.register.mutate(registerInput(text));
  let version = registered.version;
  return {
    caseId: registered.caseId,
    /** The version after the last command. */
    version: () => version,
    async run(who: TestSession, command: CaseCommand) {
      const result = await who.api.cases.command.mutate({
        caseId: registered.caseId,
        expectedVersion: version,
        command,
      });
      version = result.version;
      return result;
    },
  };
}

/** Triage of an ordinary, processable message. */
export const triage = (topic: string, location: string): CaseCommand => ({
  type: 'triage',
  topic,
  location,
  category: 'ordinary',
  processable: true,
});

/** Routing to one department's executor. */
export const routeTo = (departmentId: string, executorId: string): CaseCommand => ({
  type: 'route',
  mode: 'single',
  assignments: [{ departmentId, executorId }],
});

/** A case of `org` on the node at `url` routed to the roads executor, who has just been given the e-mail address
 *  roads@example.org by the administrator (the letters' tests). Returns the case's id. */
export async function caseForRoadsByEmail(url: string, org: OrgFixture, text: string): Promise<string> {
  const { admin, operator, curator } = await signInAll(url, {
    admin: org.people.admin,
    operator: org.people.operator,
    curator: org.people.curator,
  });
  await admin.api.directory.updatePerson.mutate({ id: org.people.roadsExecutor.id, email: 'roads@example.org' });
  const theCase = await registerCase(operator, text);
  await theCase.run(operator, triage('дороги', 'центр'));
  await theCase.run(curator, routeTo(org.departments.roads, org.people.roadsExecutor.id));
  return theCase.caseId;
}

type Fixture = NonNullable<NodeProcess['fixture']>;

/** The people of the seeded organisation named by their fixture keys: a `pick` of `useScene`. */
export const orgPeople =
  <K extends keyof OrgFixture['people'] & string>(...keys: K[]) =>
  (fixture: Fixture): Record<K, { readonly login: string }> => {
    const picked = {} as Record<K, { readonly login: string }>;
    for (const key of keys) picked[key] = fixture.org.people[key];
    return picked;
  };

/** A seeded node of one describe block with its people signed in; started before the block's tests, stopped
 *  (with every socket opened through it) after them. Read its fields inside hooks and tests only. */
export interface Scene<K extends string> {
  readonly node: NodeProcess;
  readonly org: OrgFixture;
  readonly people: Record<K, TestSession>;
  /** A connected socket of a person of the scene (or any session), closed with the scene. */
  socket(who: K | TestSession): Promise<ClientSocket>;
}

export function useScene<K extends string>(
  env: NodeEnv,
  pick: (fixture: Fixture) => Record<K, { readonly login: string }>,
): Scene<K> {
  let state: { node: NodeProcess; org: OrgFixture; people: Record<K, TestSession> } | undefined;
  const sockets: ClientSocket[] = [];
  const started = () => {
    if (!state) throw new Error('the scene starts in beforeAll: read it inside hooks and tests');
    return state;
  };
  beforeAll(async () => {
    const node = await startNode({ NODE_SEED: '1', ...env });
    state = { node, org: node.fixture!.org, people: await signInAll(node.url, pick(node.fixture!)) };
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await state?.node.stop();
  });
  return {
    get node() {
      return started().node;
    },
    get org() {
      return started().org;
    },
    get people() {
      return started().people;
    },
    async socket(who) {
      const { node, people } = started();
      const s = connect(node.url, { cookie: (typeof who === 'string' ? people[who] : who).cookie() });
      sockets.push(s);
      await connected(s);
      return s;
    },
  };
}

/** A socket per person of the scene, each recording their live `notification:new` feed in order (from the block's
 *  start, before its tests). */
export function useFeeds<K extends string>(scene: Scene<K>): Record<K, Notification[]> {
  const feeds = {} as Record<K, Notification[]>;
  beforeAll(async () => {
    for (const key of Object.keys(scene.people) as K[]) {
      const feed: Notification[] = [];
      feeds[key] = feed;
      (await scene.socket(key)).on('notification:new', (n) => feed.push(n));
    }
  });
  return feeds;
}

/** Nodes and data folders of one describe block: every node started here is stopped, every folder removed, after
 *  the block's tests. */
export function useNodes() {
  const nodes: NodeProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    /** A new empty folder for a node's embedded database (`pglite:<folder>`). */
    dataDir(prefix: string): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    async start(env: NodeEnv = {}): Promise<NodeProcess> {
      const node = await startNode(env);
      nodes.push(node);
      return node;
    },
  };
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

/** The first change of the next `case:changes` message the socket receives. */
export async function nextChange(socket: ClientSocket, timeoutMs?: number): Promise<CaseChange> {
  const message = await waitFor<CaseChanges>(socket, 'case:changes', timeoutMs);
  return message.changes[0]!;
}

export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
}

/** Calls a socket request with an ack and unwraps the result (throws the refusal as the contract's AckRefusedError,
 *  with its key and parameters). */
export async function request<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>['value']> {
  // biome-ignore lint/suspicious/noExplicitAny: the typed map's ack shapes differ per event
  const reply = (await (socket as any).timeout(10_000).emitWithAck(event, payload)) as
    | { ok: true; value: never }
    | AckRefusal;
  return ackValue(reply);
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

export const registerInput = (text: string): RegisterInput => vkComment(freshLink(), text);
