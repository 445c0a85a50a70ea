// The one way to write the audit log. `recordAudit` writes an entry (inside the caller's transaction when given one);
// `audited` runs an administrative change and its entry in one transaction, so a change is never without its entry.

import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/connect';
import { organisations } from '../db/schema';
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

/** An action on one row (`topic.created`, `api-key.revoked`): the part before the dot is the row's type. */
type RowAction = Extract<AuditAction, `${string}.${string}`>;

/** The entry of an action on the row `targetId`, its type taken from the action's name. */
export function rowEntry(action: RowAction, targetId: string, details?: Record<string, unknown>): AuditDescription {
  const targetType = action.slice(0, action.indexOf('.'));
  return { action, targetType, targetId, ...(details ? { details } : {}) };
}

// The administrator's everyday changes to the rows of their own organisation, audited with the input as details.

/** Runs `work` on `input` with the signed-in user's organisation added, audited as `describe` says. */
function auditedWithOrganisation<I extends object, R>(
  ctx: SignedInContext,
  input: I,
  work: (tx: Tx, values: I & { organisationId: string }) => Promise<R>,
  describe: (result: R) => AuditDescription,
): Promise<R> {
  return audited(ctx, (tx) => work(tx, { organisationId: ctx.user.organisationId, ...input }), describe);
}

/** Creates a row from `input` in the signed-in user's organisation. */
export const auditedCreate = <I extends Record<string, unknown>, R extends { id: string }>(
  ctx: SignedInContext,
  action: RowAction,
  input: I,
  create: (tx: Tx, values: I & { organisationId: string }) => Promise<R>,
): Promise<R> => auditedWithOrganisation(ctx, input, create, (row) => rowEntry(action, row.id, input));

/** Changes the row `input.id` of the signed-in user's organisation. */
export const auditedUpdate = <I extends { id: string }, R>(
  ctx: SignedInContext,
  action: RowAction,
  input: I,
  update: (tx: Tx, values: I & { organisationId: string }) => Promise<R>,
): Promise<R> => auditedWithOrganisation(ctx, input, update, () => rowEntry(action, input.id, input));

/** Removes (or revokes, at `now`) the row `id` of the signed-in user's organisation; answers `{ ok: true }`. */
export async function auditedRemove(
  ctx: SignedInContext,
  action: RowAction,
  id: string,
  remove: (tx: Tx, organisationId: string, id: string, now: number) => Promise<unknown>,
): Promise<{ ok: true }> {
  await audited(ctx, (tx) => remove(tx, ctx.user.organisationId, id, ctx.deps.now()), rowEntry(action, id));
  return { ok: true as const };
}

/** Sets the signed-in user's organisation's own settings (calendar, time zone, thresholds), audited with `details`. */
export async function auditedOrganisationSettings(
  ctx: SignedInContext,
  action: AuditAction,
  values: Partial<typeof organisations.$inferInsert>,
  details: Record<string, unknown>,
): Promise<void> {
  await audited(
    ctx,
    (tx) => tx.update(organisations).set(values).where(eq(organisations.id, ctx.user.organisationId)),
    { action, targetType: 'organisation', details },
  );
}
