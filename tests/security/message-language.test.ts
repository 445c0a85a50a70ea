// A refusal's `message` (beside the key and parameters every reader words) is in the request's language: Russian
// without an Accept-Language header, English when the header prefers it; over tRPC and over the socket alike.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ask, type ClientSocket, call, connected, signedInNode } from './support/server';

const node = signedInNode(['operator']);

const sockets: ClientSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A signed-in socket whose handshake carries `headers` (Accept-Language). */
async function socketWith(headers: Record<string, string>): Promise<ClientSocket> {
  const { s, cookies } = node;
  const socket = io(s.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: cookies.operator, origin: new URL(s.url).origin, ...headers },
    reconnection: false,
  }) as ClientSocket;
  sockets.push(socket);
  await connected(socket);
  return socket;
}

const RU = { message: 'Обращение не найдено или недоступно', key: 'case.not-visible' };
const EN = { message: 'case not found or not accessible', key: 'case.not-visible' };

describe('the message of a refusal, in the request’s language', () => {
  it('over tRPC: Russian without a header, English with Accept-Language: en', async () => {
    const { s, cookies } = node;
    const caseId = randomUUID();
    const detail = (headers: Record<string, string>) =>
      call(s.url, 'cases.detail', 'query', { caseId }, cookies.operator, headers);
    const [plain, english, preferred, russian] = await Promise.all([
      detail({}),
      detail({ 'accept-language': 'en' }),
      detail({ 'accept-language': 'de-DE, en-GB;q=0.8, ru;q=0.5' }),
      detail({ 'accept-language': 'ru-RU, en;q=0.9' }),
    ]);
    for (const reply of [plain, english, preferred, russian]) expect(reply.status).toBe(404);
    expect(plain.message).toBe(RU.message);
    expect(english.message).toBe(EN.message);
    expect(preferred.message).toBe(EN.message);
    expect(russian.message).toBe(RU.message);
  });

  it('over tRPC, a refused input is worded from its key in the same way', async () => {
    const { s, cookies } = node;
    const ask = (headers: Record<string, string>) =>
      call(s.url, 'cases.detail', 'query', { caseId: 'x' }, cookies.operator, headers);
    const [ru, en] = await Promise.all([ask({}), ask({ 'accept-language': 'en-US,en;q=0.9' })]);
    expect(ru.status).toBe(400);
    expect(ru.message).toMatch(/Неверный идентификатор/);
    expect(ru.message).not.toMatch(/invalid id/);
    expect(en.message).toMatch(/invalid id/);
    expect(en.message).not.toMatch(/[а-яё]/i);
  });

  it('over the socket: the same refusal, Russian without a header, English with Accept-Language: en', async () => {
    const caseId = randomUUID();
    const [plain, english] = await Promise.all([socketWith({}), socketWith({ 'accept-language': 'en' })]);
    const ru = (await ask(plain, 'case:join', { caseId })) as { ok: boolean; error?: string; key?: string };
    const en = (await ask(english, 'case:join', { caseId })) as { ok: boolean; error?: string; key?: string };
    expect(ru).toMatchObject({ ok: false, error: RU.message, key: RU.key });
    expect(en).toMatchObject({ ok: false, error: EN.message, key: EN.key });
    const invalid = (await ask(english, 'case:join', { caseId: 'x' })) as { error?: string; key?: string };
    expect(invalid.key).toBe('input.invalid');
    expect(invalid.error).toMatch(/invalid id/);
    expect(invalid.error).not.toMatch(/[а-яё]/i);
  });
});

describe('the message of a refusal outside tRPC, in the request’s language', () => {
  it('a plain HTTP route (no such API route): Russian without a header, English with Accept-Language: en', async () => {
    const { s } = node;
    const get = async (headers: Record<string, string>) =>
      ((await (await fetch(`${s.url}/api/nothing`, { headers })).json()) as { error: { message: string; key: string } })
        .error;
    const [ru, en] = await Promise.all([get({}), get({ 'accept-language': 'en' })]);
    expect(ru).toMatchObject({ key: 'http.no-api-route', message: 'Нет такого адреса API: /api/nothing' });
    expect(en).toMatchObject({ key: 'http.no-api-route', message: 'no such API route: /api/nothing' });
  });

  it('a socket handshake without a session: its refusal in the handshake’s language, the key beside it', async () => {
    const { s } = node;
    const refusal = (headers: Record<string, string>) =>
      new Promise<{ message: string; data?: { key?: string } }>((resolve) => {
        const socket = io(s.url, {
          transports: ['websocket'],
          extraHeaders: { origin: new URL(s.url).origin, ...headers },
          reconnection: false,
        }) as ClientSocket;
        sockets.push(socket);
        socket.on('connect_error', (error) => resolve(error as Error & { data?: { key?: string } }));
      });
    const [ru, en] = await Promise.all([refusal({}), refusal({ 'accept-language': 'en' })]);
    expect(ru.message).toBe('Войдите в систему');
    expect(en.message).toBe('please sign in');
    expect(en.data?.key).toBe('auth.sign-in');
  });
});
