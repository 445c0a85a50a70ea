// Helpers of the security tests: an Otklik node in this process (tRPC, /api, socket.io; embedded database), two
// organisations of the server's test fixture, HTTP calls as a browser on the app's page makes them, and sockets.
import type { ClientToServerEvents, ServerToClientEvents } from '@otklik/contract';
import { createOtklikClient, type OtklikClient } from '@otklik/server/client';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import type { DepsOptions } from '../../../apps/server/src/deps';
import { type RealtimeNode, startRealtimeNode } from '../../../apps/server/src/realtime/node';
import { freshLink, vkComment } from '../../../apps/server/src/test/case-steps';
import { createOrgFixture, type OrgFixture, TEST_PASSWORD } from '../../../apps/server/src/test/fixtures';
import { madeLater } from '../../../apps/server/src/test/made-later';
import { testSession } from '../../support/typed-client';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SecurityNode {
  readonly node: RealtimeNode;
  readonly url: string;
  readonly org: OrgFixture;
  readonly other: OrgFixture;
  close(): Promise<void>;
}

export async function startSecurityNode(
  options: Omit<DepsOptions, 'database'> & { profileId?: string; attachmentsDir?: string | null } = {},
): Promise<SecurityNode> {
  const node = await startRealtimeNode({ webDistDir: '/nonexistent', scheduler: false, ...options });
  const deps = node.running.deps;
  const org = await createOrgFixture(deps, { profileId: options.profileId ?? 'konyshevsky-2020' });
  const other = await createOrgFixture(deps);
  return { node, url: node.url, org, other, close: () => node.close() };
}

/** A node without attachment storage, and the session cookies of the fixture's `people` signed in on it. */
export async function startSignedIn<K extends keyof OrgFixture['people']>(
  people: readonly K[],
): Promise<{ s: SecurityNode; cookies: Record<K, string> }> {
  const s = await startSecurityNode({ attachmentsDir: null });
  const cookies = {} as Record<K, string>;
  for (const person of people) cookies[person] = await loginCookie(s.url, s.org.people[person].login);
  return { s, cookies };
}

/** Call in a describe: a node with `people` signed in, started before the block's tests and closed after them. */
export function signedInNode<K extends keyof OrgFixture['people']>(
  people: readonly K[],
): { readonly s: SecurityNode; readonly cookies: Record<K, string> } {
  const node = madeLater<{ s: SecurityNode; cookies: Record<K, string> }>('the signed-in node');
  beforeAll(async () => {
    node.set(await startSignedIn(people));
  });
  afterAll(() => node.peek()?.s.close());
  return node.view;
}

export interface Reply<T = unknown> {
  status: number;
  data: T;
  code: string | null;
  message: string;
}

/** A tRPC call over HTTP, as the web app makes it on its own page (same-origin Origin header on mutations). */
export async function call<T = unknown>(
  url: string,
  path: string,
  kind: 'query' | 'mutation',
  input: unknown,
  cookie = '',
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const common = { ...(cookie ? { cookie } : {}), ...headers };
  const res =
    kind === 'query'
      ? await fetch(
          `${url}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          {
            headers: common,
          },
        )
      : await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: new URL(url).origin, ...common },
          body: JSON.stringify(input ?? null),
        });
  const text = await res.text();
  let body: { result?: { data: T }; error?: { message: string; data?: { code?: string } } } = {};
  try {
    body = JSON.parse(text);
  } catch {}
  return {
    status: res.status,
    data: body.result?.data as T,
    code: body.error?.data?.code ?? null,
    message: body.error?.message ?? (res.ok ? '' : text.slice(0, 300)),
  };
}

/** Signs in through the typed client and returns the session cookie (`name=value`); `headers` go with the call. */
export async function loginCookie(url: string, login: string, password = TEST_PASSWORD, headers = {}): Promise<string> {
  let cookie = '';
  const api = createOtklikClient({
    url: `${url}/trpc`,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      return res;
    },
    headers: () => ({ origin: new URL(url).origin, ...headers }),
  });
  await api.auth.login.mutate({ login, password });
  if (!cookie) throw new Error(`login ${login}: no session cookie`);
  return cookie;
}

export function socketOf(
  url: string,
  cookie: string | null,
  options: { origin?: string | null; displayToken?: string; polling?: boolean } = {},
) {
  const origin = options.origin === undefined ? new URL(url).origin : options.origin;
  return io(url, {
    transports: options.polling ? ['polling'] : ['websocket'],
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    auth: options.displayToken ? { displayToken: options.displayToken } : {},
    reconnection: false,
  }) as ClientSocket;
}

export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
}

/** A socket request; resolves with the ack as it is (ok or error). */
export async function ask(
  socket: ClientSocket,
  event: string,
  payload: unknown,
): Promise<{ ok: boolean; error?: string; value?: unknown }> {
  // biome-ignore lint/suspicious/noExplicitAny: one helper for every event, including wrong ones
  return (await (socket as any).timeout(15_000).emitWithAck(event, payload)) as {
    ok: boolean;
    error?: string;
    value?: unknown;
  };
}

type RegisterInput = Parameters<OtklikClient['cases']['register']['mutate']>[0];

/** A citizen's message as `cases.register` takes it; `extra` replaces any field. */
export const message = (text: string, extra: Partial<RegisterInput> = {}): RegisterInput => ({
  ...vkComment(freshLink(), text),
  ...extra,
});

/** Registers, triages and routes a case to one department (as operator and curator); returns its id and version. */
export async function routedCase(
  url: string,
  cookies: { operator: string; curator: string },
  assignment: { departmentId: string; executorId: string },
  text = 'Яма на дороге',
): Promise<{ caseId: string; version: number }> {
  const operator = testSession(url, cookies.operator).api;
  const curator = testSession(url, cookies.curator).api;
  const reg = await operator.cases.register.mutate(message(text));
  const triage = await operator.cases.command.mutate({
    caseId: reg.caseId,
    expectedVersion: reg.version,
    command: { type: 'triage', topic: 'дороги', location: 'центр', category: 'ordinary', processable: true },
  });
  const route = await curator.cases.command.mutate({
    caseId: reg.caseId,
    expectedVersion: triage.version,
    command: { type: 'route', mode: 'single', assignments: [assignment] },
  });
  return { caseId: reg.caseId, version: route.version };
}
