// Per-organisation API keys for the intake endpoint and display tokens for wall screens: the secret is shown once,
// the database keeps its sha256.
import { bilingualServerMessage } from '@otklik/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { hashSecret, newSecret } from '../auth/tokens';
import type { WallFilters } from '../cases/board';
import type { DbOrTx } from '../db/connect';
import { listOwnRows } from '../db/organisation-rows';
import { preparedPerDatabase } from '../db/prepared';
import { apiKeys, displayTokens, organisations } from '../db/schema';
import { notFound } from '../errors/app-error';

export async function createApiKey(db: DbOrTx, organisationId: string, name: string) {
  const key = newSecret('otk_');
  const [row] = await db
    .insert(apiKeys)
    .values({ organisationId, name, keyHash: hashSecret(key), prefix: key.slice(0, 10) })
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt });
  return { ...row!, key };
}

/** The organisation's API keys, oldest first, without their hashes. */
export async function listApiKeys(db: DbOrTx, organisationId: string) {
  const rows = await listOwnRows(db, apiKeys, organisationId, apiKeys.createdAt);
  return rows.map(({ keyHash, organisationId, ...key }) => key);
}

/** Marks a key or token of the organisation revoked from `now`; whether the organisation had it. */
async function revoke(
  db: DbOrTx,
  table: typeof apiKeys | typeof displayTokens,
  organisationId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const rows = await db
    .update(table)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(table.id, id), eq(table.organisationId, organisationId)))
    .returning({ id: table.id });
  return rows.length > 0;
}

export async function revokeApiKey(db: DbOrTx, organisationId: string, id: string, now: number) {
  const revoked = await revoke(db, apiKeys, organisationId, id, now);
  if (!revoked) throw notFound('api-key');
}

/** How stale a key's "last used" may be: intake marks it at most this often, not on every message. */
export const API_KEY_USE_MARK_MS = 60_000;

/** The key's statement, built once per database (drizzle's building was a part of each message's CPU). */
function apiKeyQuery(db: DbOrTx) {
  const marked = db
    .$with('marked', { id: sql<string>`id` })
    .as(
      sql`update api_keys set last_used_at = ${sql.placeholder('at')}::timestamptz where key_hash = ${sql.placeholder('hash')} and revoked_at is null and (last_used_at is null or last_used_at <= ${sql.placeholder('stale')}::timestamptz) returning id`,
    );
  return db
    .with(marked)
    .select({ organisationId: apiKeys.organisationId, archivedAt: organisations.archivedAt })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .where(and(eq(apiKeys.keyHash, sql.placeholder('hash')), isNull(apiKeys.revokedAt)));
}
const preparedApiKeyQuery = preparedPerDatabase((db) => apiKeyQuery(db).prepare('api_key_holder'));

/** Who holds a live (not revoked) key, or null: its organisation and whether that is archived (an archived
 *  organisation takes no new messages). Marks the key used when its mark is older than API_KEY_USE_MARK_MS, in the
 *  same statement (a data-modifying WITH), so a stream of messages writes the row once a minute instead of once a
 *  message. */
export async function apiKeyHolder(
  db: DbOrTx,
  key: string,
  now: number,
): Promise<{ organisationId: string; archived: boolean } | null> {
  const [row] = await preparedApiKeyQuery(db).execute({
    hash: hashSecret(key),
    at: new Date(now).toISOString(),
    stale: new Date(now - API_KEY_USE_MARK_MS).toISOString(),
  });
  return row ? { organisationId: row.organisationId, archived: row.archivedAt !== null } : null;
}

export async function createDisplayToken(db: DbOrTx, organisationId: string, name: string, filters: WallFilters = {}) {
  const token = newSecret('wall_');
  const [row] = await db
    .insert(displayTokens)
    .values({ organisationId, name, tokenHash: hashSecret(token), filters })
    .returning({ id: displayTokens.id, name: displayTokens.name, createdAt: displayTokens.createdAt });
  return { ...row!, token };
}

/** The organisation's display tokens, oldest first, without their hashes. */
export async function listDisplayTokens(db: DbOrTx, organisationId: string) {
  const rows = await listOwnRows(db, displayTokens, organisationId, displayTokens.createdAt);
  return rows.map(({ tokenHash, organisationId, ...token }) => token);
}

export async function revokeDisplayToken(db: DbOrTx, organisationId: string, id: string, now: number) {
  const revoked = await revoke(db, displayTokens, organisationId, id, now);
  if (!revoked) throw notFound('display-token');
}

/** Why a wall is refused, as a code the wall shows distinctly: a revoked key is not a lost connection. */
export const DISPLAY_KEY_REVOKED = 'display-key-revoked';
export const DISPLAY_KEY_UNKNOWN = 'display-key-unknown';

/** The catalogue key of each reason (@otklik/contract, server messages). */
export const DISPLAY_KEY_MESSAGES = {
  [DISPLAY_KEY_REVOKED]: 'display-key.revoked',
  [DISPLAY_KEY_UNKNOWN]: 'display-key.unknown',
} as const;

/** Each reason in both languages, for the socket's refusals (which carry a message and the reason's code). */
export const displayKeyMessages = {
  [DISPLAY_KEY_REVOKED]: bilingualServerMessage(DISPLAY_KEY_MESSAGES[DISPLAY_KEY_REVOKED], {}),
  [DISPLAY_KEY_UNKNOWN]: bilingualServerMessage(DISPLAY_KEY_MESSAGES[DISPLAY_KEY_UNKNOWN], {}),
} as const;

/** The display token's organisation and filters; `revoked` when an administrator revoked it; null when unknown. */
export async function findDisplayToken(db: DbOrTx, token: string) {
  const [row] = await db
    .select({
      id: displayTokens.id,
      organisationId: displayTokens.organisationId,
      filters: displayTokens.filters,
      revokedAt: displayTokens.revokedAt,
    })
    .from(displayTokens)
    .where(eq(displayTokens.tokenHash, hashSecret(token)));
  if (!row) return null;
  const { revokedAt, ...display } = row;
  return revokedAt ? ({ state: 'revoked' } as const) : ({ state: 'live', ...display } as const);
}
