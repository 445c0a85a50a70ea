// One collection pass of one account: ask the network for what happened since the persisted cursor, store every
// item through the intake path, and only then move the cursor (a crash in between re-reads the same batch, which
// the idempotent intake ignores). Failures are recorded on the account with a back-off the network's own
// answer (VK error 6, Telegram retry_after) may lengthen; a broken account alerts the curators once.
import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import { channelAccounts, people } from '../db/schema';
import type { ServerDeps } from '../deps';
import { isOrganisationArchived } from '../directory/organisations';
import { insertNotifications } from '../notifications/delivery-feed';
import { announceNotifications } from '../notifications/delivery-live';
import { accountConfig, type ChannelAccountRow } from './accounts';
import { ChannelError, lastErrorColumns, toChannelError } from './errors';
import { createConnector } from './registry';
import { type StoreReport, storeCollected } from './store';
import { type ChannelNetwork, type CollectedItem, type Connector, zChannelNetwork } from './types';

/** Exponential back-off after consecutive failures: 5 s, 10 s, 20 s … at most 10 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, failures - 1));
}

/** Errors a person must fix: the account is broken until then. */
const isBreaking = (e: ChannelError) => e.code === 'auth' || e.code === 'forbidden' || e.code === 'no-secret-key';

export interface CollectPassResult {
  readonly ok: boolean;
  readonly report?: StoreReport;
  readonly error?: ChannelError;
  /** Collect again at once (more items wait). */
  readonly more: boolean;
}

export interface CollectPassOptions {
  readonly waitSeconds?: number;
  readonly signal?: AbortSignal;
  /** Tests inject a connector; otherwise one is built from the account. */
  readonly connector?: Connector;
}

export async function loadAccount(deps: ServerDeps, id: string): Promise<ChannelAccountRow | null> {
  const [row] = await deps.db.select().from(channelAccounts).where(eq(channelAccounts.id, id));
  return row ?? null;
}

/** An account to collect from: none of an archived organisation (it takes no messages). */
export async function loadCollectableAccount(deps: ServerDeps, id: string): Promise<ChannelAccountRow | null> {
  const row = await loadAccount(deps, id);
  if (!row || (await isOrganisationArchived(deps.db, row.organisationId))) return null;
  return row;
}

/** Stores items and records a successful collection (cursor, lag) on the account. */
export async function acceptCollected(
  deps: ServerDeps,
  row: ChannelAccountRow,
  items: readonly CollectedItem[],
  cursor: Record<string, unknown> | null,
): Promise<StoreReport> {
  const config = { id: row.id, organisationId: row.organisationId, network: accountConfigNetwork(row) };
  const report = await storeCollected(deps, config, items);
  const now = deps.now();
  const refused = report.refused[0];
  await deps.db
    .update(channelAccounts)
    .set({
      ...(cursor ? { cursor } : {}),
      lastCollectedAt: new Date(now),
      ...(report.newestPostedAt !== null
        ? { lastItemPostedAt: new Date(report.newestPostedAt), lastLagMs: Math.max(0, now - report.newestPostedAt) }
        : {}),
      consecutiveFailures: 0,
      backoffUntil: null,
      brokenNotifiedAt: null,
      lastErrorCode: refused ? 'refused-item' : null,
      ...lastErrorColumns(
        refused
          ? {
              key: 'channel.refused-item',
              params: refused.issue
                ? { externalId: refused.externalId, issue: refused.issue }
                : { externalId: refused.externalId, detail: refused.message },
            }
          : null,
      ),
    })
    .where(eq(channelAccounts.id, row.id));
  return report;
}

function accountConfigNetwork(row: ChannelAccountRow): ChannelNetwork {
  const parsed = zChannelNetwork.safeParse(row.network);
  if (!parsed.success) throw new ChannelError('bad-request', `no connector for ${row.network}`);
  return parsed.data;
}

export async function collectOnce(
  deps: ServerDeps,
  accountId: string,
  options: CollectPassOptions = {},
): Promise<CollectPassResult> {
  const row = await loadCollectableAccount(deps, accountId);
  if (!row?.enabled || !row.secretBox) return { ok: false, more: false };
  let items: readonly CollectedItem[];
  let cursor: Record<string, unknown>;
  let more: boolean;
  try {
    const connector = options.connector ?? createConnector(accountConfig(deps, row));
    const result = await connector.collect(row.cursor, {
      ...(options.waitSeconds !== undefined ? { waitSeconds: options.waitSeconds } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    items = result.items;
    cursor = result.cursor;
    more = result.more;
  } catch (error) {
    const e = error instanceof ChannelError ? error : toChannelError(error);
    await recordFailure(deps, row, e);
    return { ok: false, error: e, more: false };
  }
  const report = await acceptCollected(deps, row, items, cursor);
  return { ok: true, report, more };
}

export async function recordFailure(deps: ServerDeps, row: ChannelAccountRow, e: ChannelError): Promise<void> {
  const now = deps.now();
  const failures = row.consecutiveFailures + 1;
  const wait = Math.max(e.retryAfterMs ?? 0, e.code === 'rate-limited' ? 1_000 : backoffMs(failures));
  await deps.db
    .update(channelAccounts)
    .set({
      consecutiveFailures: failures,
      backoffUntil: new Date(now + wait),
      lastErrorCode: e.code,
      ...lastErrorColumns(e.said),
      lastErrorAt: new Date(now),
    })
    .where(eq(channelAccounts.id, row.id));
  if (isBreaking(e)) await alertCuratorsOnce(deps, row, e);
}

/** Tells every active curator of the organisation, once per breakage (cleared by a success or a new token). */
async function alertCuratorsOnce(deps: ServerDeps, row: ChannelAccountRow, e: ChannelError): Promise<void> {
  const now = deps.now();
  const stored = await deps.db.transaction(async (tx) => {
    const claimed = await tx
      .update(channelAccounts)
      .set({ brokenNotifiedAt: new Date(now) })
      .where(and(eq(channelAccounts.id, row.id), isNull(channelAccounts.brokenNotifiedAt)))
      .returning({ id: channelAccounts.id });
    if (claimed.length === 0) return [];
    const curators = await tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.organisationId, row.organisationId),
          eq(people.active, true),
          arrayContains(people.roles, ['curator']),
        ),
      );
    const notes = await insertNotifications(
      tx,
      curators.map((c) => ({
        organisationId: row.organisationId,
        personId: c.id,
        caseId: null,
        kind: 'channel-broken' as const,
        message: {
          key: 'notification.channel-broken' as const,
          params: { channel: row.title || row.url, code: e.code, detail: e.detail },
        },
      })),
      now,
    );
    return notes.map((notification, i) => ({ personId: curators[i]!.id, notification }));
  });
  await announceNotifications(deps, stored);
}
