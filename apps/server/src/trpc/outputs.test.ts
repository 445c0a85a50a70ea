// Output schemas. The wall snapshot's keeps the wall row's columns only: a board column (author, text, names) that
// reached the row by mistake is dropped before it is sent, and a row missing a column is refused.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { appRouter } from './app-router';
import type { Context } from './context';
import { zWallSnapshotRow } from './outputs';
import { zOk } from './outputs-directory';
import { publicProcedure, router } from './trpc';

const row = {
  id: '8d6f7a0e-2f6b-4a57-9d0f-3c2b1a0e9f11',
  number: 17,
  status: 'assigned',
  currentStep: 'answer',
  dueAt: new Date('2026-11-24T12:30:00+03:00'),
  responsibleDepartmentId: 'b1e0c9d2-6a43-4f0e-8c1a-2d3e4f5a6b7c',
  responsibleDepartmentName: 'ЖКХ',
  category: 'ordinary',
  topic: 'Дороги',
  location: 'Беляево',
  network: 'vk',
  flags: [],
  clocks: [],
  isOpen: true,
  detectedAt: new Date('2026-11-24T09:00:00+03:00'),
};

describe('wall snapshot rows', () => {
  it('drops columns the wall row does not have', () => {
    const sent = zWallSnapshotRow.parse({ ...row, author: 'Секретный Автор', excerpt: 'Личный текст' });
    expect(sent).toEqual(row);
    expect(JSON.stringify(sent)).not.toContain('Секретный');
  });

  it('refuses a row without its deadline column', () => {
    const { dueAt: _dueAt, ...partial } = row;
    expect(zWallSnapshotRow.safeParse(partial).success).toBe(false);
  });
});

// Every procedure's answer passes its output schema on the way out: a value that does not fit is an internal error
// (logged with a request id), never sent, and its issues are not dressed up as the caller's invalid input.
describe('output validation', () => {
  const broken = router({
    fits: publicProcedure.output(zOk).query(() => ({ ok: true as const })),
    // What a service bug would return: the wrong value and a column the schema does not name.
    malformed: publicProcedure.output(zOk).query(() => ({ ok: false, passwordHash: 'secret' }) as never),
  });
  // The procedures read only the request timeout of the server's dependencies.
  const ctx = { deps: { requestTimeoutMs: 5_000 }, user: null, ip: 'test' } as unknown as Context;
  const call = async (path: string) => {
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(`http://localhost/trpc/${path}`),
      router: broken,
      createContext: () => ctx,
    });
    return { status: response.status, body: await response.text() };
  };

  it('answers a value that fits its schema', async () => {
    expect(await call('fits')).toEqual({ status: 200, body: JSON.stringify({ result: { data: { ok: true } } }) });
  });

  it('refuses a malformed answer as an internal error, with nothing of it sent', async () => {
    const { status, body } = await call('malformed');
    expect(status).toBe(500);
    expect(body).not.toContain('secret');
    const error = JSON.parse(body).error;
    expect(error.data.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.data.zodIssues).toBeNull();
    expect(error.data.requestId).toEqual(expect.any(String));
  });
});

// Every procedure of the API names its answer's schema: an answer is checked (and stripped to what the schema
// names) on the way out, and the clients' types are the schema's. tRPC v11 keeps the schema given to `.output()` as
// the built procedure's `_def.output`, and the router's procedures under their dotted paths in `_def.procedures`.
describe('the API', () => {
  // Typed as the nested record the router was built from; at run time it is flat, by dotted path.
  const flat: Record<string, unknown> = appRouter._def.procedures;
  const procedures = Object.entries(flat).map(
    ([path, p]) => [path, (p as { _def: { output?: unknown } })._def] as const,
  );

  it('is walked procedure by procedure', () => {
    expect(procedures.map(([path]) => path)).toEqual(expect.arrayContaining(['cases.command', 'audit.list']));
    expect(procedures.length).toBeGreaterThan(70);
  });

  it('has no procedure without an output schema', () => {
    expect(procedures.filter(([, def]) => def.output === undefined).map(([path]) => path)).toEqual([]);
  });
});
