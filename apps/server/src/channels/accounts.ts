// Channel accounts as the administrator manages them: created and updated with their secrets sealed at once,
// listed with their health and never with a secret, and opened into a connector's configuration on the server.
import { randomBytes, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/connect';
import { deleteOwnRow, findOwnRow, givenFields } from '../db/organisation-rows';
import { channelAccounts } from '../db/schema';
import type { ServerDeps } from '../deps';
import { appError, notFound } from '../errors/app-error';
import { lastErrorColumns } from './errors';
import { openSecret, sealSecret } from './secret-box';

/** What changing an account needs: the database (or a transaction, to write the audit entry with it) and the key. */
export type AccountDeps = Pick<ServerDeps, 'secretKey'> & { readonly db: DbOrTx };

import {
  type AccountConfig,
  type ChannelNetwork,
  type ChannelSecrets,
  DEFAULT_API_BASE,
  zChannelNetwork,
  zChannelSecrets,
  zChannelSettings,
} from './types';

export type ChannelAccountRow = typeof channelAccounts.$inferSelect;

export const zAccountInput = z.object({
  network: z.string().min(1).max(40),
  url: z.string().trim().url('validation.page-url').max(500),
  title: z.string().trim().max(200).default(''),
  /** Community, group or bot id; found by "check" from the token when empty (VK, Telegram, MAX). */
  externalId: z.string().trim().max(100).optional(),
  apiBaseUrl: z
    .string()
    .trim()
    .max(500)
    .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'validation.api-base-url')
    .optional(),
  token: z.string().trim().min(10, 'validation.token-too-short').max(1000).optional(),
  appSecret: z.string().trim().max(200).optional(),
  applicationKey: z.string().trim().max(200).optional(),
  confirmationCode: z.string().trim().max(100).optional(),
  topics: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  mode: z.enum(['polling', 'webhook']).default('polling'),
  enabled: z.boolean().default(true),
});
export type AccountInput = z.input<typeof zAccountInput>;

/** An account as the admin screen sees it: health, no secrets. */
export function publicAccount(row: ChannelAccountRow) {
  const connected = zChannelNetwork.safeParse(row.network).success && row.secretBox !== null;
  return {
    id: row.id,
    network: row.network,
    url: row.url,
    title: row.title,
    externalId: row.externalId,
    apiBaseUrl: row.apiBaseUrl,
    mode: row.mode,
    enabled: row.enabled,
    hasToken: row.secretBox !== null,
    connected,
    settings: zChannelSettings.safeParse(row.settings).data ?? {},
    webhookPath: connected ? `/api/channels/${row.network}/${row.id}` : null,
    lastCollectedAt: row.lastCollectedAt,
    lastItemPostedAt: row.lastItemPostedAt,
    lastLagMs: row.lastLagMs,
    lastErrorCode: row.lastErrorCode,
    lastError: row.lastError,
    lastErrorKey: row.lastErrorKey,
    lastErrorParams: row.lastErrorParams,
    lastErrorAt: row.lastErrorAt,
    consecutiveFailures: row.consecutiveFailures,
    backoffUntil: row.backoffUntil,
    tokenExpiresAt: row.tokenExpiresAt,
    broken: row.brokenNotifiedAt !== null,
    createdAt: row.createdAt,
  };
}
export type PublicChannelAccount = ReturnType<typeof publicAccount>;

export async function listChannelAccounts(db: DbOrTx, organisationId: string): Promise<ChannelAccountRow[]> {
  return db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.organisationId, organisationId))
    .orderBy(asc(channelAccounts.network), asc(channelAccounts.createdAt));
}

export async function findChannelAccount(db: DbOrTx, organisationId: string, id: string): Promise<ChannelAccountRow> {
  const row = await findOwnRow(db, channelAccounts, organisationId, id);
  if (!row) throw notFound('account');
  return row;
}

function settingsOf(input: z.output<typeof zAccountInput>, previous: Record<string, unknown> = {}) {
  return zChannelSettings.parse({
    ...previous,
    ...(input.applicationKey !== undefined ? { applicationKey: input.applicationKey } : {}),
    ...(input.confirmationCode !== undefined ? { confirmationCode: input.confirmationCode } : {}),
    ...(input.topics !== undefined ? { topics: input.topics } : {}),
  });
}

function requireConnectorNetwork(network: string): ChannelNetwork {
  const parsed = zChannelNetwork.safeParse(network);
  if (!parsed.success) {
    throw appError('BAD_INPUT', 'channel.no-connector', { network });
  }
  return parsed.data;
}

export async function createChannelAccount(deps: AccountDeps, organisationId: string, raw: AccountInput) {
  const input = zAccountInput.parse(raw);
  const id = randomUUID();
  let secretBox: string | null = null;
  if (input.token) {
    const network = requireConnectorNetwork(input.network);
    if (network === 'ok' && (!input.appSecret || !input.applicationKey || !input.externalId)) {
      throw appError('BAD_INPUT', 'channel.ok-keys', {});
    }
    const secrets: ChannelSecrets = {
      token: input.token,
      ...(input.appSecret ? { appSecret: input.appSecret } : {}),
      webhookSecret: randomBytes(24).toString('hex'),
    };
    secretBox = sealSecret(deps.secretKey, id, JSON.stringify(secrets));
  }
  const [row] = await deps.db
    .insert(channelAccounts)
    .values({
      id,
      organisationId,
      network: input.network,
      url: input.url,
      title: input.title,
      externalId: input.externalId || null,
      apiBaseUrl: input.apiBaseUrl || null,
      secretBox,
      settings: settingsOf(input),
      mode: input.mode,
      enabled: input.enabled,
    })
    .returning();
  return publicAccount(row!);
}

export const zAccountUpdate = zAccountInput.partial().extend({ id: z.string().uuid() });

export async function updateChannelAccount(
  deps: AccountDeps,
  organisationId: string,
  raw: z.input<typeof zAccountUpdate>,
) {
  const input = zAccountUpdate.parse(raw);
  const row = await findChannelAccount(deps.db, organisationId, input.id);
  const changes: Partial<typeof channelAccounts.$inferInsert> = {};
  if (input.url !== undefined) changes.url = input.url;
  if (input.title !== undefined) changes.title = input.title;
  if (input.externalId !== undefined) changes.externalId = input.externalId || null;
  if (input.apiBaseUrl !== undefined) changes.apiBaseUrl = input.apiBaseUrl || null;
  if (input.mode !== undefined) changes.mode = input.mode;
  if (input.enabled !== undefined) changes.enabled = input.enabled;
  changes.settings = settingsOf(
    zAccountInput.parse({ network: row.network, url: row.url, ...givenFields(input) }),
    row.settings,
  );
  if (input.token || input.appSecret) {
    requireConnectorNetwork(row.network);
    const previous = row.secretBox ? secretsOf(deps, row) : null;
    const token = input.token ?? previous?.token;
    if (!token) throw appError('BAD_INPUT', 'channel.token-required', {});
    const secrets: ChannelSecrets = {
      token,
      ...((input.appSecret ?? previous?.appSecret) ? { appSecret: input.appSecret ?? previous?.appSecret } : {}),
      webhookSecret: previous?.webhookSecret ?? randomBytes(24).toString('hex'),
    };
    changes.secretBox = sealSecret(deps.secretKey, row.id, JSON.stringify(secrets));
    // A new token: the account gets a fresh start (the curators are told again if it breaks again).
    Object.assign(changes, {
      consecutiveFailures: 0,
      backoffUntil: null,
      brokenNotifiedAt: null,
      lastErrorCode: null,
      ...lastErrorColumns(null),
    });
  }
  const [updated] = await deps.db
    .update(channelAccounts)
    .set(changes)
    .where(eq(channelAccounts.id, row.id))
    .returning();
  return publicAccount(updated!);
}

export async function deleteChannelAccount(db: DbOrTx, organisationId: string, id: string) {
  const deleted = await deleteOwnRow(db, channelAccounts, organisationId, id);
  if (!deleted) throw notFound('account');
}

export function secretsOf(deps: Pick<ServerDeps, 'secretKey'>, row: ChannelAccountRow): ChannelSecrets {
  if (!row.secretBox) throw appError('DOMAIN_REFUSED', 'channel.no-token', {});
  const parsed = zChannelSecrets.safeParse(JSON.parse(openSecret(deps.secretKey, row.id, row.secretBox)));
  if (!parsed.success) throw appError('INTERNAL', 'channel.secrets-damaged', {});
  return parsed.data;
}

/** What a connector needs, decrypted (server side only). */
export function accountConfig(deps: ServerDeps, row: ChannelAccountRow): AccountConfig {
  const network = requireConnectorNetwork(row.network);
  return {
    id: row.id,
    network,
    externalId: row.externalId,
    apiBaseUrl: row.apiBaseUrl || DEFAULT_API_BASE[network],
    settings: zChannelSettings.safeParse(row.settings).data ?? {},
    secrets: secretsOf(deps, row),
  };
}
