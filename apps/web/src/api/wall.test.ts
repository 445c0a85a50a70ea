// loadWallSnapshot: the wall's snapshot through the shared typed client, never with the browser's session cookie;
// its rows without people or text; a refusal keeps the server's code and reason, a lost connection is NETWORK.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadWallSnapshot, WallError } from './wall';

const calls: { url: string; init: RequestInit | undefined }[] = [];
const answerWith = (status: number, body: unknown) =>
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });

const row = {
  id: '5b7f1c1e-0000-4000-8000-000000000001',
  number: 17,
  status: 'drafting',
  currentStep: 'draft',
  dueAt: '2026-11-25T12:00:00.000Z',
  responsibleDepartmentId: 'roads',
  responsibleDepartmentName: 'Дорожный отдел',
  category: 'ordinary',
  topic: 'дороги',
  location: 'Кирс',
  network: 'vk',
  flags: [],
  clocks: [],
  isOpen: true,
  detectedAt: '2026-11-25T07:00:00.000Z',
};
const snapshot = {
  organisation: { name: 'Администрация', timeZone: 'Europe/Kirov', calendarOverrides: null, calendarYears: [] },
  serverTime: 1_764_054_000_000,
  seq: 42,
  cases: [row],
};

afterEach(() => {
  calls.length = 0;
  vi.unstubAllGlobals();
});

describe('loadWallSnapshot', () => {
  it('asks wall.snapshot by token without credentials and reads the rows without people', async () => {
    answerWith(200, { result: { data: snapshot } });
    const { snapshot: got } = await loadWallSnapshot('wall_abc');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(
      `/trpc/wall.snapshot?input=${encodeURIComponent(JSON.stringify({ token: 'wall_abc' }))}`,
    );
    expect(calls[0]!.init?.credentials).toBe('omit');
    expect(calls[0]!.init?.cache).toBe('no-store');
    expect(got).toMatchObject({
      organisationName: 'Администрация',
      timeZone: 'Europe/Kirov',
      calendarOverrides: {},
      serverTime: 1_764_054_000_000,
      seq: 42,
    });
    expect(got.cases).toHaveLength(1);
    expect(got.cases[0]).toMatchObject({
      id: row.id,
      number: 17,
      organisationId: 'wall',
      // 12:00 UTC of 25 November 2026.
      dueAt: Date.UTC(2026, 10, 25, 12, 0, 0),
    });
    expect(JSON.stringify(got.cases[0])).not.toMatch(/"responsiblePersonName":"[^"]/);
  });

  it('a revoked key is a refusal with its code and reason', async () => {
    answerWith(401, {
      error: {
        message: 'Ключ табло отозван',
        code: -32001,
        data: { code: 'UNAUTHORIZED', httpStatus: 401, details: { reason: 'display-key-revoked' } },
      },
    });
    const error = await loadWallSnapshot('wall_old').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WallError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'display-key-revoked', message: 'Ключ табло отозван' });
  });

  it('no answer at all, or one that is not the API’s, is NETWORK', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(loadWallSnapshot('wall_abc')).rejects.toMatchObject({ code: 'NETWORK', reason: null });
    vi.stubGlobal('fetch', async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    await expect(loadWallSnapshot('wall_abc')).rejects.toMatchObject({ code: 'NETWORK', reason: null });
  });
});
