// The one way to write the audit log. `recordAudit` writes an entry (inside the caller's transaction when given one);
// `audited` runs an administrative change and its entry in one transaction, so a change is never without its entry.

import type { DbOrTx, Tx } from '../db/connect';
import { auditLog } from '../db/schema-security';
import type { Context } from '../trpc/context';
import type { AuditAction } from './actions';

export interface AuditEntry {
  organisationId: string | null;
  actorId: string | null;
  actorLogin: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
  at?: number;
}

/** Secrets never enter the log, whatever a caller passes in `details`. */
const SECRET_KEYS = /password|secret|token|key$/i;

function scrub(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '***' : v] as const));
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    organisationId: entry.organisationId,
    actorId: entry.actorId,
    actorLogin: entry.actorLogin,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: scrub(entry.details ?? {}),
    ...(entry.at !== undefined ? { at: new Date(entry.at) } : {}),
  });
}

type SignedInContext = Context & { user: NonNullable<Context['user']> };

export type AuditDescription = Pick<AuditEntry, 'action' | 'targetType' | 'targetId' | 'details'>;

/** Records an entry as the signed-in user inside an open transaction. */
function entryAs(ctx: SignedInContext, d: AuditDescription, tx: DbOrTx): Promise<void> {
  return recordAudit(tx, {
    organisationId: ctx.user.organisationId,
    actorId: ctx.user.personId,
    actorLogin: ctx.user.login,
    ip: ctx.ip,
    at: ctx.deps.now(),
    ...d,
  });
}

/** Runs `work` and records what it did (described from its result) in one transaction, as the signed-in user. */
export async function audited<T>(
  ctx: SignedInContext,
  work: (tx: Tx) => Promise<T>,
  describe: AuditDescription | ((result: T) => AuditDescription),
): Promise<T> {
  return ctx.deps.db.transaction(async (tx) => {
    const result = await work(tx);
    await entryAs(ctx, typeof describe === 'function' ? describe(result) : describe, tx);
    return result;
  });
}

/** For a procedure that writes several entries in its own transaction. */
audited.entry = entryAs;
