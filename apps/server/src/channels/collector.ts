// The collector loops of one server node: every enabled polling account with a token gets a loop on exactly one
// node, the holder of its lease row (lease_owner/lease_until: works the same on PGlite and on PostgreSQL with
// several nodes). A loop long-polls, stores, moves the cursor, waits out back-off, and renews its lease; stop()
// aborts the polls in flight and waits for the loops.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { channelAccounts } from '../db/schema';
import type { ServerDeps } from '../deps';
import { log } from '../log';
import { collectOnce, loadCollectableAccount } from './collect';

const collectorLog = log.child({ component: 'collector' });

export interface CollectorOptions {
  /** How often accounts are looked for (new, re-enabled, lease of a dead node expired). Default 10 s. */
  readonly scanMs?: number;
  /** Long-poll wait per call, seconds. Default 25. */
  readonly waitSeconds?: number;
  /** Pause between polls when the network answered at once with nothing (webhook-less networks like OK). */
  readonly idleMs?: number;
  /** How long a lease lasts without renewal. Default 90 s (longer than one long poll). */
  readonly leaseMs?: number;
  readonly nodeId?: string;
}

export interface Collectors {
  /** Account ids this node collects now. */
  running(): string[];
  /** Looks for accounts at once (after an admin change). */
  scan(): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

export function startCollectors(deps: ServerDeps, options: CollectorOptions = {}): Collectors {
  const nodeId = options.nodeId ?? `node-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 90_000;
  const stopping = new AbortController();
  const loops = new Map<string, Promise<void>>();

  async function claim(accountId: string): Promise<boolean> {
    const now = Date.now();
    const rows = await deps.db
      .update(channelAccounts)
      .set({ leaseOwner: nodeId, leaseUntil: new Date(now + leaseMs) })
      .where(
        and(
          eq(channelAccounts.id, accountId),
          or(
            isNull(channelAccounts.leaseUntil),
            lt(channelAccounts.leaseUntil, new Date(now)),
            eq(channelAccounts.leaseOwner, nodeId),
          ),
        ),
      )
      .returning({ id: channelAccounts.id });
    return rows.length > 0;
  }

  async function release(accountId: string) {
    await deps.db
      .update(channelAccounts)
      .set({ leaseOwner: null, leaseUntil: null })
      .where(and(eq(channelAccounts.id, accountId), eq(channelAccounts.leaseOwner, nodeId)))
      .catch(() => {});
  }

  async function loop(accountId: string) {
    const signal = stopping.signal;
    try {
      while (!signal.aborted && (await claim(accountId))) {
        // An account of an archived organisation is not polled (and not busy-looped on): the loop ends.
        const row = await loadCollectableAccount(deps, accountId);
        if (!row?.enabled || !row.secretBox || row.mode !== 'polling') break;
        const wait = (row.backoffUntil?.getTime() ?? 0) - deps.now();
        if (wait > 0) {
          await sleep(Math.min(wait, leaseMs / 3), signal);
          continue;
        }
        const result = await collectOnce(deps, accountId, { waitSeconds: options.waitSeconds ?? 25, signal });
        if (!result.ok) continue; // back-off recorded on the account
        if (!result.more && (result.report?.created ?? 0) === 0) await sleep(options.idleMs ?? 1_000, signal);
      }
    } catch (error) {
      if (!signal.aborted) collectorLog.error({ accountId, err: String(error) }, 'channel collector stopped');
    } finally {
      await release(accountId);
      loops.delete(accountId);
    }
  }

  async function scan() {
    if (stopping.signal.aborted) return;
    const rows = await deps.db
      .select({ id: channelAccounts.id })
      .from(channelAccounts)
      .where(
        and(
          eq(channelAccounts.enabled, true),
          eq(channelAccounts.mode, 'polling'),
          isNotNull(channelAccounts.secretBox),
        ),
      );
    for (const { id } of rows) {
      if (!loops.has(id)) loops.set(id, loop(id));
    }
  }

  const timer = setInterval(() => {
    scan().catch(() => {});
  }, options.scanMs ?? 10_000);
  timer.unref();
  scan().catch(() => {});

  return {
    running: () => [...loops.keys()],
    scan,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await Promise.allSettled([...loops.values()]);
    },
  };
}
