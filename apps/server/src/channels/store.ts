// Collected items into cases: a new message through the intake path (idempotent by network + external id, the
// posting time, visibility, author link and attachment rows), remembered with its thread; an edit or deletion
// recorded on the case it became. Every step is idempotent, so a batch re-read after a crash changes nothing.
import { type ValidationIssue, validationIssue } from '@otklik/contract';
import { and, eq } from 'drizzle-orm';
import { executeCaseCommand, SYSTEM_ACTOR } from '../cases/commands';
import { channelMessages } from '../db/schema';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { intakeMessage, MAX_INTAKE_TEXT, zIntakeMessage } from '../intake/message';
import type { ChannelNetwork, CollectedItem } from './types';

export interface StoredAccount {
  readonly id: string;
  readonly organisationId: string;
  readonly network: ChannelNetwork;
}

export interface StoreReport {
  created: number;
  existing: number;
  edits: number;
  deletions: number;
  /** Items the intake refused (kept for the account's error line; never silently). */
  refused: { externalId: string; message: string; issue?: ValidationIssue }[];
  /** Epoch ms of the newest posting time among new items. */
  newestPostedAt: number | null;
}

async function caseOfItem(deps: ServerDeps, accountId: string, externalId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ caseId: channelMessages.caseId })
    .from(channelMessages)
    .where(and(eq(channelMessages.accountId, accountId), eq(channelMessages.externalId, externalId)));
  return row?.caseId ?? null;
}

/** A refusal that only says "nothing to do" (same text, case closed): the item is done. */
function isNothingToDo(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const code = error.details?.domainCode;
  return code === 'nothing-to-record' || code === 'wrong-state';
}

export async function storeCollected(
  deps: ServerDeps,
  account: StoredAccount,
  items: readonly CollectedItem[],
): Promise<StoreReport> {
  const report: StoreReport = { created: 0, existing: 0, edits: 0, deletions: 0, refused: [], newestPostedAt: null };
  const now = deps.now();
  for (const item of items) {
    if (item.type === 'new') {
      // A clock skew must not make the domain refuse a message "posted in the future".
      const postedAt = item.postedAt !== undefined ? Math.min(item.postedAt, now) : undefined;
      const text = item.text.length > MAX_INTAKE_TEXT ? `${item.text.slice(0, MAX_INTAKE_TEXT - 1)}…` : item.text;
      const parsed = zIntakeMessage.safeParse({
        network: account.network,
        externalId: item.externalId,
        url: item.url,
        author: item.author,
        text,
        ...(postedAt !== undefined ? { postedAt } : {}),
        visibility: item.visibility,
        attachments: item.attachments.slice(0, 20),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        report.refused.push({
          externalId: item.externalId,
          message: issue?.message ?? 'invalid',
          ...(issue ? { issue: validationIssue(issue) } : {}),
        });
        continue;
      }
      const result = await intakeMessage(deps, account.organisationId, parsed.data);
      await deps.db
        .insert(channelMessages)
        .values({
          organisationId: account.organisationId,
          accountId: account.id,
          externalId: item.externalId,
          caseId: result.caseId,
          thread: item.thread,
          postedAt: postedAt !== undefined ? new Date(postedAt) : null,
        })
        .onConflictDoNothing();
      if (result.created) report.created++;
      else report.existing++;
      if (postedAt !== undefined) report.newestPostedAt = Math.max(report.newestPostedAt ?? 0, postedAt);
      continue;
    }
    const caseId = await caseOfItem(deps, account.id, item.externalId);
    // An edit or deletion of something never collected (before the account was connected): nothing to record.
    if (!caseId) continue;
    const command =
      item.type === 'edit'
        ? {
            type: 'record-message-edit' as const,
            text: item.text,
            ...(item.editedAt ? { editedAt: Math.min(item.editedAt, now) } : {}),
          }
        : {
            type: 'record-message-deletion' as const,
            ...(item.deletedAt ? { deletedAt: Math.min(item.deletedAt, now) } : {}),
          };
    try {
      await executeCaseCommand(deps, {
        organisationId: account.organisationId,
        actor: SYSTEM_ACTOR,
        caseId,
        command,
      });
      if (item.type === 'edit') report.edits++;
      else report.deletions++;
    } catch (error) {
      if (!isNothingToDo(error)) throw error;
    }
  }
  return report;
}
