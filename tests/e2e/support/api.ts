// A minimal tRPC-over-HTTP client for test set-up (no transformer: plain JSON), with its own session cookie.
import type { Named } from './people';

export class ApiClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  private async call(path: string, init: RequestInit): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}/trpc/${path}`, {
      ...init,
      // The app's own origin, as a browser sends it: state-changing calls with a session cookie need it.
      headers: {
        'content-type': 'application/json',
        cookie: this.cookie,
        origin: new URL(this.baseUrl).origin,
        ...(init.headers ?? {}),
      },
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const body = (await res.json()) as { result?: { data?: unknown }; error?: { message?: string } };
    if (!res.ok || body.error) throw new Error(`${path}: ${body.error?.message ?? res.status}`);
    return body.result?.data;
  }

  query<T>(path: string, input?: unknown): Promise<T> {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.call(`${path}${q}`, { method: 'GET' }) as Promise<T>;
  }

  mutate<T>(path: string, input?: unknown): Promise<T> {
    return this.call(path, { method: 'POST', body: JSON.stringify(input ?? {}) }) as Promise<T>;
  }

  async login(login: string, password = 'demo'): Promise<this> {
    await this.mutate('auth.login', { login, password });
    return this;
  }
}

export interface Person {
  id: string;
  login: string;
  fullName: string;
  departmentId: string | null;
  roles: string[];
}

export interface Department {
  id: string;
  name: string;
}

/** Registers a message as the operator and returns the new case id. */
export async function registerCase(
  operator: ApiClient,
  input: { text: string; author?: string; network?: string; visibility?: 'public' | 'private' },
): Promise<string> {
  const res = await operator.mutate<{ caseId: string }>('cases.register', {
    network: input.network ?? 'vk',
    link: `https://vk.com/wall-1_${Math.floor(Math.random() * 1e9)}`,
    author: { name: input.author ?? 'Иванов Иван' },
    text: input.text,
    attachments: [],
    visibility: input.visibility ?? 'public',
  });
  return res.caseId;
}

export async function caseVersion(api: ApiClient, caseId: string): Promise<number> {
  const d = await api.query<{ case: { version: number } }>('cases.detail', { caseId });
  return d.case.version;
}

export async function command(api: ApiClient, caseId: string, cmd: Record<string, unknown>): Promise<void> {
  const expectedVersion = await caseVersion(api, caseId);
  await api.mutate('cases.command', { caseId, expectedVersion, command: cmd });
}

/** Triages a case as processable and routes it to one executor: the usual start of a test at an executor's desk. */
export async function triageAndRoute(
  curator: ApiClient,
  caseId: string,
  triage: { topic: string; location: string; category: 'ordinary' | 'fast-track' | 'high' },
  executor: Named,
): Promise<void> {
  await command(curator, caseId, { type: 'triage', processable: true, ...triage });
  await command(curator, caseId, {
    type: 'route',
    mode: 'single',
    assignments: [{ departmentId: executor.department.id, executorId: executor.person.id }],
  });
}
