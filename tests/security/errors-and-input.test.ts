// Issue 11 items 10 and 14: one error mapping for tRPC, HTTP and the socket (no SQL text, no stack ever reaches a
// client; an unexpected error carries a request id that is also in the server log), and the bad inputs that answered
// 500: a duplicate external id, a NUL byte or a lone surrogate in any text (the intake included), calendar.preview
// from 0, calendar.days with 2026-02-30.
import { serverMessageIn, type ValidationIssue, validationText } from '@otklik/contract';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '../../apps/server/src/intake/api-keys';
import { toReadableError } from '../../apps/web/src/api/errors';
import { en as webEn } from '../../apps/web/src/i18n/en';
import { ru as webRu } from '../../apps/web/src/i18n/ru';
import { ask, call, connected, message, signedInNode, socketOf } from './support/server';

const SQL_TEXT = /select |insert |update |Failed query|params:|syntax|relation|at .*\.ts:\d+/i;

describe('errors reach clients without internals', () => {
  const node = signedInNode(['curator']);

  it('socket replies to hostile ids are readable refusals, not SQL', async () => {
    const socket = socketOf(node.s.url, node.cookies.curator);
    await connected(socket);
    try {
      for (const id of [
        "' OR 1=1 --",
        'x'.repeat(150),
        '00000000-0000-0000-0000-000000000000\u0000',
        '1; drop table cases',
      ]) {
        for (const [event, payload] of [
          ['case:join', { caseId: id }],
          ['draft:save', { caseId: id, slot: 'answer', baseVersion: 0, text: 't' }],
          ['notifications:mark-read', { ids: [id] }],
          ['case:typing', { caseId: id, typing: true }],
        ] as const) {
          const reply = await ask(socket, event, payload);
          expect(reply.ok, `${event} ${id}`).toBe(false);
          expect(reply.error).not.toMatch(SQL_TEXT);
        }
      }
    } finally {
      socket.close();
    }
  });

  it('an unexpected error is a request id on the client and the same id with the stack in the log', async () => {
    const raw = node.s.node.running.deps.database.raw;
    if (raw.kind !== 'pglite') throw new Error('PGlite expected');
    const socket = socketOf(node.s.url, node.cookies.curator);
    await connected(socket);
    const logged: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    await raw.client.exec('alter table notifications rename to notifications_gone');
    try {
      const reply = await ask(socket, 'notifications:list', {});
      const http = await call(node.s.url, 'notifications.list', 'query', {}, node.cookies.curator);
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/Внутренняя ошибка сервера \(запрос [0-9a-f]{12}\)/);
      expect(reply.error).not.toMatch(SQL_TEXT);
      expect(http.status).toBe(500);
      expect(http.message).toMatch(/запрос [0-9a-f]{12}/);
      expect(http.message).not.toMatch(SQL_TEXT);
      const ids = [reply.error!, http.message].map((m) => /запрос ([0-9a-f]{12})/.exec(m)![1]!);
      for (const id of ids) expect(logged.join('')).toContain(`[request ${id}]`);
    } finally {
      await raw.client.exec('alter table notifications_gone rename to notifications');
      spy.mockRestore();
      socket.close();
    }
  });

  it('validation messages reach users in Russian: zod’s Russian locale through the catalogue key, HTTP and socket', async () => {
    // A query whose input has the wrong type: zod's own message, not one the schema wrote.
    const res = await fetch(
      `${node.s.url}/trpc/calendar.days?input=${encodeURIComponent(JSON.stringify({ from: 5, to: '2026-03-01' }))}`,
      { headers: { cookie: node.cookies.curator } },
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { data: { key: string; params: Record<string, unknown>; zodIssues: { issue: ValidationIssue }[] } };
    };
    expect(error.data).toMatchObject({ key: 'input.invalid', params: { input: 'input', path: 'from' } });
    const ru = serverMessageIn(error.data.key, error.data.params, 'ru')!;
    const en = serverMessageIn(error.data.key, error.data.params, 'en')!;
    // zod's Russian locale (type names stay as zod writes them), no word of its English locale, no second half.
    expect(ru).toMatch(/^Неверные данные: from: Неверный ввод: ожидалось /);
    expect(ru).not.toMatch(/expected|invalid|received| \/ /i);
    expect(en).toMatch(/^invalid input: from: .*expected/i);
    // The web words the same issue in its reader's language (api/errors.ts), from zod's issue, not from a text.
    expect(validationText(error.data.zodIssues[0]!.issue, 'ru')).toMatch(/^Неверный ввод: ожидалось /);
    expect(validationText(error.data.zodIssues[0]!.issue, 'en')).toMatch(/^Invalid input: expected /);
    // The socket's refusal carries the same key and parameters.
    const socket = socketOf(node.s.url, node.cookies.curator);
    await connected(socket);
    try {
      const reply = (await ask(socket, 'case:join', { caseId: 5 })) as {
        key?: string;
        params?: Record<string, unknown>;
      };
      expect(reply).toMatchObject({ key: 'input.invalid', params: { path: 'caseId' } });
      const said = serverMessageIn(reply.key!, reply.params, 'ru');
      expect(said).toMatch(/^Неверные данные: caseId: [А-Яа-яЁё]/);
      expect(said).not.toMatch(/expected|invalid| \/ /i);
    } finally {
      socket.close();
    }
  });
});

describe('bad input is a 4xx with a clear message', () => {
  const node = signedInNode(['operator', 'admin']);
  let key: string;
  /** The operator registers a message over HTTP. */
  const register = (input: ReturnType<typeof message>) =>
    call(node.s.url, 'cases.register', 'mutation', input, node.cookies.operator);
  beforeAll(async () => {
    ({ key } = await createApiKey(node.s.node.running.deps.db, node.s.org.organisationId, 'monitoring'));
  });

  it('registering a message whose external id exists is a conflict', async () => {
    const first = await register(message('первое', { externalId: 'dup-1' }));
    expect(first.status).toBe(200);
    const again = await register(message('второе', { externalId: 'dup-1' }));
    expect(again.status).toBe(409);
    expect(again.message).toContain('уже зарегистрировано');
  });

  it.each([
    ['a NUL byte', 'Текст\u0000с нулём'],
    ['a lone high surrogate', 'Обрезанный эмодзи \uD83D'],
    ['a lone low surrogate', '\uDE00 в начале'],
  ])('refuses %s in any text field, naming the field', async (_name, text) => {
    const reg = await register(message(text));
    expect(reg.status).toBe(400);
    expect(reg.message).toContain('недопустимый символ');
    expect(reg.message).toContain('text');
    const person = await call(node.s.url, 'directory.createDepartment', 'mutation', { name: text }, node.cookies.admin);
    expect(person.status).toBe(400);
    const author = await register(message('ок', { author: { name: text } }));
    expect(author.status).toBe(400);
    expect(author.message).toContain('author.name');
  });

  it('the intake keeps a citizen’s message with a broken character (replaced by U+FFFD), also on a retry', async () => {
    const body = JSON.stringify({
      network: 'vk',
      externalId: 'nul-1',
      url: 'https://vk.com/wall-1_9',
      author: 'Житель\u0000',
      text: 'Половина эмодзи \uD83D и нуль \u0000',
    });
    const send = () =>
      fetch(`${node.s.url}/api/intake`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body,
      });
    const first = await send();
    expect(first.status).toBe(201);
    const created = (await first.json()) as { caseId: string; repairedText: boolean };
    expect(created.repairedText).toBe(true);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { caseId: string }).caseId).toBe(created.caseId);
    const detail = await call<{ case: { text: string } }>(
      node.s.url,
      'cases.detail',
      'query',
      { caseId: created.caseId },
      node.cookies.operator,
    );
    expect(detail.data.case.text).toBe('Половина эмодзи \uFFFD и нуль \uFFFD');
  });

  it("a refused input reaches a web reader in the reader's language only: a schema's key and zod's own check", async () => {
    const refused = async (input: unknown) => {
      const res = await fetch(
        `${node.s.url}/trpc/calendar.preview?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { cookie: node.cookies.operator } },
      );
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: unknown }).error;
    };
    // The schema's own message ('validation.not-before-2000').
    const early = await refused({ step: 'answer', from: 0 });
    expect(toReadableError(early, webRu)).toMatchObject({
      message: 'Проверьте поля формы. Не раньше 2000 года',
      fields: { from: 'Не раньше 2000 года' },
    });
    expect(toReadableError(early, webEn)).toMatchObject({
      message: 'Check the form fields. not before 2000',
      fields: { from: 'not before 2000' },
    });
    // zod's own check, through its locale of each language.
    const typed = await refused({ step: 'answer', from: 'soon' });
    expect(toReadableError(typed, webRu).fields.from).toBe('Неверный ввод: ожидалось число, получено string');
    expect(toReadableError(typed, webEn).fields.from).toBe('Invalid input: expected number, received string');
  });

  it('calendar.preview from 0 and calendar.days with 2026-02-30 are 400', async () => {
    const preview = await call(
      node.s.url,
      'calendar.preview',
      'query',
      { step: 'answer', from: 0 },
      node.cookies.operator,
    );
    expect(preview.status).toBe(400);
    expect(preview.message).toContain('2000');
    const days = await call(
      node.s.url,
      'calendar.days',
      'query',
      { from: '2026-02-30', to: '2026-03-01' },
      node.cookies.operator,
    );
    expect(days.status).toBe(400);
    expect(days.message).toContain('Такой даты нет в календаре');
  });
});
