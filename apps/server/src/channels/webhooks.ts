// Webhooks of the networks, under /api/channels/<network>/<account id>: each call is verified by the account's
// secret before anything is read into a case (VK Callback API `secret` field and group id, Telegram
// X-Telegram-Bot-Api-Secret-Token, MAX X-Max-Bot-Api-Secret), then stored like a collected batch.
// These routes carry no session cookie and come from the networks' servers: they are exempt from the Origin
// check of the browser routes and rely on these secrets instead.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServerDeps } from '../deps';
import { appError } from '../errors/app-error';
import { readJson, sendJson } from '../http/respond';
import { secretsOf } from './accounts';
import { acceptCollected, loadAccount } from './collect';
import { maxUpdatesToItems } from './max/connector';
import { telegramUpdatesToItems, zTelegramUpdate } from './telegram/connector';
import type { CollectedItem } from './types';
import { zChannelSettings } from './types';
import { vkUpdatesToItems, zVkUpdate } from './vk/updates';

const MAX_WEBHOOK_BODY = 512 * 1024;

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const refused = () => appError('FORBIDDEN', 'webhook.secret', {});

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const zVkCallback = z.object({ type: z.string(), group_id: z.number(), secret: z.string().optional() }).passthrough();

export async function handleChannelWebhook(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const match = /^\/api\/channels\/(vk|telegram|max)\/([0-9a-f-]{36})$/.exec(path);
  if (!match) throw appError('NOT_FOUND', 'http.no-api-route', { path });
  if (req.method !== 'POST') throw appError('METHOD_NOT_ALLOWED', 'http.use-post', {});
  const [, network, accountId] = match;
  const row = await loadAccount(deps, accountId ?? '');
  // An unknown account and a wrong secret look the same from outside.
  if (!row || row.network !== network || !row.secretBox || !row.enabled) throw refused();
  const secrets = secretsOf(deps, row);
  const body = await readJson(req, MAX_WEBHOOK_BODY);
  let items: CollectedItem[];
  if (network === 'vk') {
    const call = zVkCallback.safeParse(body);
    if (!call.success || !sameSecret(call.data.secret, secrets.webhookSecret)) throw refused();
    if (row.externalId && String(call.data.group_id) !== row.externalId) throw refused();
    if (call.data.type === 'confirmation') {
      const code = zChannelSettings.safeParse(row.settings).data?.confirmationCode;
      if (!code) throw appError('DOMAIN_REFUSED', 'webhook.vk-code', {});
      sendText(res, 200, code);
      return;
    }
    const update = zVkUpdate.safeParse(body);
    items = update.success ? vkUpdatesToItems([update.data], call.data.group_id) : [];
  } else if (network === 'telegram') {
    const header = req.headers['x-telegram-bot-api-secret-token'];
    if (!sameSecret(typeof header === 'string' ? header : undefined, secrets.webhookSecret)) throw refused();
    const update = zTelegramUpdate.safeParse(body);
    if (!update.success) throw appError('BAD_INPUT', 'webhook.not-telegram', {});
    items = telegramUpdatesToItems([update.data], row.externalId ? Number(row.externalId) : null);
  } else {
    const header = req.headers['x-max-bot-api-secret'];
    if (!sameSecret(typeof header === 'string' ? header : undefined, secrets.webhookSecret)) throw refused();
    items = maxUpdatesToItems([body], row.externalId ? Number(row.externalId) : null);
  }
  await acceptCollected(deps, row, items, null);
  // VK wants the plain string "ok"; the others only a 200.
  if (network === 'vk') sendText(res, 200, 'ok');
  else sendJson(res, 200, { ok: true });
}
