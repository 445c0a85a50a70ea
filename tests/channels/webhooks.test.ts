// Webhooks over real HTTP: VK Callback API (confirmation code, secret and group id checked), Telegram's
// X-Telegram-Bot-Api-Secret-Token and MAX's X-Max-Bot-Api-Secret; a wrong or missing secret is refused with 403
// and nothing is stored; a right one makes a case, and a repeated delivery does not make a second.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { secretsOf } from '../../apps/server/src/channels/accounts';
import { type RunningServer, startServer } from '../../apps/server/src/http/server';
import { createOrgFixture, signIn } from '../../apps/server/src/test/fixtures';
import { type FakeVk, startFakeVk } from './fakes/vk';
import { accountRow, type ChannelWorld, casesOf, connect, describeEachDatabase } from './support';

describeEachDatabase('channel webhooks', (getDb) => {
  let server: RunningServer;
  let vk: FakeVk;
  let world: ChannelWorld;
  let vkId: string;
  let tgId: string;
  let maxId: string;
  let secretOf: (id: string) => Promise<string>;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    vk = await startFakeVk();
    server = await startServer({ database: getDb(), secretKey: randomBytes(32), webDistDir: '/nonexistent' });
    const deps = server.deps;
    const org = await createOrgFixture(deps, { profileId: 'nao-2020' });
    world = {
      deps,
      org,
      admin: await signIn(deps, org.people.admin.login),
      curator: await signIn(deps, org.people.curator.login),
      executor: await signIn(deps, org.people.roadsExecutor.login),
    };
    vkId = await connect(world, {
      network: 'vk',
      url: 'https://vk.com/adm_test',
      token: vk.token,
      apiBaseUrl: vk.apiBaseUrl,
      mode: 'webhook',
      confirmationCode: 'a1b2c3d4',
    });
    // Telegram and MAX accounts only need their secrets here (no network call).
    const webhookAccount = async (network: 'telegram' | 'max', url: string, token: string, externalId: string) =>
      (await world.admin.channels.create({ network, url, token, externalId, mode: 'webhook' })).id;
    tgId = await webhookAccount('telegram', 'https://t.me/adm', '1:telegram-token', '1');
    maxId = await webhookAccount('max', 'https://max.ru/adm', 'max-token-123', '2');
    secretOf = async (id) => secretsOf(deps, await accountRow(world, id)).webhookSecret;
  });
  afterAll(async () => {
    await server.close();
    await vk.close();
  });

  it('VK: answers the confirmation code, refuses a wrong secret or group, stores a signed event once', async () => {
    const secret = await secretOf(vkId);
    const setup = await world.admin.channels.webhookSetup({ id: vkId });
    expect(setup).toEqual({ path: `/api/channels/vk/${vkId}`, secret });
    const confirm = await post(setup.path, { type: 'confirmation', group_id: vk.groupId, secret });
    expect(await confirm.text()).toBe('a1b2c3d4');

    vk.comment({ postId: 5, fromId: 901, text: 'Через вебхук' });
    const body = vk.callbackBody(secret);
    expect((await post(setup.path, { ...body, secret: 'wrong' })).status).toBe(403);
    expect((await post(setup.path, { ...body, secret: undefined })).status).toBe(403);
    expect((await post(setup.path, { ...body, group_id: 1 })).status).toBe(403);
    expect(await casesOf(world)).toEqual([]);
    const ok = await post(setup.path, body);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('ok');
    // VK repeats a delivery it did not see acknowledged: still one case.
    await post(setup.path, body);
    expect((await casesOf(world)).map((c) => c.text)).toEqual(['Через вебхук']);
  });

  it('Telegram: the secret token header is required', async () => {
    const update = {
      update_id: 10,
      message: {
        message_id: 77,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 555, type: 'private' },
        from: { id: 555, is_bot: false, first_name: 'Пётр' },
        text: 'Вопрос в Telegram',
      },
    };
    const path = `/api/channels/telegram/${tgId}`;
    expect((await post(path, update)).status).toBe(403);
    expect((await post(path, update, { 'x-telegram-bot-api-secret-token': 'nope' })).status).toBe(403);
    expect((await post(path, update, { 'x-telegram-bot-api-secret-token': await secretOf(tgId) })).status).toBe(200);
    expect((await casesOf(world)).some((c) => c.externalId === 'tg555_77' && !c.isPublic)).toBe(true);
  });

  it('MAX: the subscription secret header is required; another account id or network is refused', async () => {
    const update = {
      update_type: 'message_created',
      timestamp: Date.now(),
      message: {
        sender: { user_id: 31, first_name: 'Мария', is_bot: false },
        recipient: { chat_id: 4031, chat_type: 'dialog' },
        timestamp: Date.now(),
        body: { mid: 'mid.webhook.1', text: 'Вопрос в MAX' },
      },
    };
    const path = `/api/channels/max/${maxId}`;
    expect((await post(path, update, { 'x-max-bot-api-secret': 'nope' })).status).toBe(403);
    expect(
      (await post(`/api/channels/max/${tgId}`, update, { 'x-max-bot-api-secret': await secretOf(tgId) })).status,
    ).toBe(403);
    expect((await post(path, update, { 'x-max-bot-api-secret': await secretOf(maxId) })).status).toBe(200);
    expect((await casesOf(world)).some((c) => c.externalId === 'maxmid.webhook.1')).toBe(true);
  });
});
