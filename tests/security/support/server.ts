// Helpers of the security tests: an Otklik node in this process (tRPC, /api, socket.io; embedded database), two
// organisations of the server's test fixture, HTTP calls as a browser on the app's page makes them, and sockets.
import type { ClientToServerEvents, ServerToClientEvents } from '@otklik/contract';
import { io, type Socket } from 'socket.io-client';
import type { DepsOptions } from '../../../apps/server/src/deps';
import { type RealtimeNode, startRealtimeNode } from '../../../apps/server/src/realtime/node';
import { createOrgFixture, type OrgFixture, TEST_PASSWORD } from '../../../apps/server/src/test/fixtures';

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

export async function loginCookie(url: string, login: string, password = TEST_PASSWORD, headers = {}): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin, ...headers },
    body: JSON.stringify({ login, password }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
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

export const message = (text: string, extra: Record<string, unknown> = {}) => ({
  network: 'vk',
  link: `https://vk.com/wall-1_${Math.floor(Math.random() * 1e9)}`,
  author: { name: 'Житель Иванов' },
  text,
  attachments: [],
  visibility: 'public',
  ...extra,
});

/** Registers, triages and routes a case to one department (as operator and curator); returns its id and version. */
export async function routedCase(
  url: string,
  cookies: { operator: string; curator: string },
  assignment: { departmentId: string; executorId: string },
  text = 'Яма на дороге',
): Promise<{ caseId: string; version: number }> {
  const reg = await call<{ caseId: string; version: number }>(
    url,
    'cases.register',
    'mutation',
    message(text),
    cookies.operator,
  );
  if (reg.status !== 200) throw new Error(`register: ${reg.message}`);
  const triage = await call<{ version: number }>(
    url,
    'cases.command',
    'mutation',
    {
      caseId: reg.data.caseId,
      expectedVersion: reg.data.version,
      command: { type: 'triage', topic: 'дороги', location: 'центр', category: 'ordinary', processable: true },
    },
    cookies.operator,
  );
  const route = await call<{ version: number }>(
    url,
    'cases.command',
    'mutation',
    {
      caseId: reg.data.caseId,
      expectedVersion: triage.data.version,
      command: { type: 'route', mode: 'single', assignments: [assignment] },
    },
    cookies.curator,
  );
  if (route.status !== 200) throw new Error(`route: ${route.message}`);
  return { caseId: reg.data.caseId, version: route.data.version };
}
