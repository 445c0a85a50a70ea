// Publishing approved answers through channel accounts: the publisher's click records publication-requested and
// the outbox row in one transaction; a worker posts the draft in the original thread and records the network's
// acceptance as the publication (that is when the publish clock stops). Exactly-once as far as the networks
// allow: the row is marked 'sending' (with attempts) before the call and 'sent' with the network's id right
// after it; a row found 'sending' after a crash is first checked against the thread (our reply already there?)
// and VK drops a repeated guid/random_id by itself. See README "Каналы" for what remains possible.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Actor, channelPublicationRefusal, type PublicationChannel, publicationChannel } from '@otklik/domain';
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { type CommandAlongside, executeCaseCommand, SYSTEM_ACTOR } from '../cases/commands';
import type { DbOrTx } from '../db/connect';
import { attachments, cases, channelAccounts, channelMessages, publicationOutbox } from '../db/schema';
import type { ServerDeps } from '../deps';
import { isOrganisationArchived, requireActiveOrganisation } from '../directory/organisations';
import { AppError, appError, isAppError, notFound } from '../errors/app-error';
import { log } from '../log';
import { createSingleFlight } from '../single-flight';
import { accountConfig } from './accounts';
import { loadAccount } from './collect';
import { ChannelError, lastErrorColumns, storedMessageOf, toChannelError } from './errors';
import { createConnector } from './registry';
import { type Connector, type ReplyAttachment, type ThreadRef, zThreadRef } from './types';

const publicationLog = log.child({ component: 'publication' });

type OutboxRow = typeof publicationOutbox.$inferSelect;

/** The case's network account as publishing through it sees it (the domain's `publicationChannel`): whether its
 *  message was collected by an account, and that account switched on with its token. */
export async function publicationChannelOfCase(db: DbOrTx, caseId: string): Promise<PublicationChannel> {
  const [row] = await db
    .select({
      accountId: channelAccounts.id,
      enabled: channelAccounts.enabled,
      hasToken: sql<boolean>`${channelAccounts.secretBox} is not null`,
    })
    .from(channelMessages)
    .leftJoin(channelAccounts, eq(channelAccounts.id, channelMessages.accountId))
    .where(eq(channelMessages.caseId, caseId))
    .limit(1);
  if (!row) return publicationChannel(null);
  const account = row.accountId === null ? null : { enabled: row.enabled === true, hasToken: row.hasToken === true };
  return publicationChannel({ account });
}

/** The channel message a case came from, if a connector collected it. */
export async function channelSourceOfCase(db: DbOrTx, caseId: string) {
  const [row] = await db
    .select({ accountId: channelMessages.accountId, thread: channelMessages.thread })
    .from(channelMessages)
    .where(eq(channelMessages.caseId, caseId))
    .limit(1);
  return row ?? null;
}

export async function requestPublication(
  deps: ServerDeps,
  input: { organisationId: string; actor: Actor; caseId: string; expectedVersion?: number },
) {
  const [kase] = await deps.db
    .select({ state: cases.state })
    .from(cases)
    .where(and(eq(cases.id, input.caseId), eq(cases.organisationId, input.organisationId)));
  if (!kase) throw notFound('case');
  await requireActiveOrganisation(deps.db, input.organisationId);
  const state = kase.state;
  const source = await channelSourceOfCase(deps.db, input.caseId);
  const account = source && (await loadAccount(deps, source.accountId));
  // Not through an account that can post: the domain says so, and the publisher publishes by hand.
  const refused = channelPublicationRefusal(
    publicationChannel(source && { account: account && { enabled: account.enabled, hasToken: !!account.secretBox } }),
  );
  if (refused || !source) {
    const reason = refused ?? 'no-channel';
    throw appError('DOMAIN_REFUSED', `publication.${reason}`, {}, { reason });
  }
  const requestId = randomUUID();
  const draft = state.draft;
  return executeCaseCommand(deps, {
    organisationId: input.organisationId,
    actor: input.actor,
    caseId: input.caseId,
    ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
    command: { type: 'request-publication', requestId },
    inTransaction: async (tx) => {
      // A failed earlier request is replaced by this one (a retry): it will never be sent.
      await tx
        .update(publicationOutbox)
        .set({ state: 'cancelled' })
        .where(
          and(eq(publicationOutbox.caseId, input.caseId), inArray(publicationOutbox.state, ['pending', 'failed'])),
        );
      await tx.insert(publicationOutbox).values({
        id: requestId,
        organisationId: input.organisationId,
        caseId: input.caseId,
        accountId: source.accountId,
        kind: draft?.kind ?? 'answer',
        thread: source.thread,
        text: draft?.text ?? '',
        attachments: [...(draft?.attachments ?? [])],
        state: 'pending',
        nextAttemptAt: new Date(deps.now()),
        requestedBy: input.actor.personId === 'system' ? null : input.actor.personId,
      });
    },
  });
}

/**
 * Written with a person's manual publication, in the command's one statement: pending or failed requests are
 * cancelled; one being sent right now (or sent and not yet recorded) refuses it (it would post twice). The case's
 * requests are locked first: a worker's claim (`for update skip locked`) passes them by meanwhile, and a claim made
 * just before is seen as 'sending' once it commits.
 */
export function manualPublicationAlongside(caseId: string): CommandAlongside {
  return {
    held: sql`select id, state from publication_outbox
               where case_id = ${caseId}::uuid and state in ('pending', 'failed', 'sending', 'sent')
                 for update`,
    refuses: sql`exists (select 1 from held where state in ('sending', 'sent'))`,
    write: sql`update publication_outbox set state = 'cancelled'
                where id in (select id from held where state in ('pending', 'failed'))
                  and exists (select 1 from written)`,
    refusal: () => appError('CONFLICT', 'publication.in-progress', {}, { reason: 'publication-in-progress' }),
  };
}

/** The person's "retry now" on a request waiting out its back-off. */
export async function retryPublicationNow(deps: ServerDeps, organisationId: string, caseId: string) {
  const rows = await deps.db
    .update(publicationOutbox)
    .set({ nextAttemptAt: new Date(deps.now()) })
    .where(
      and(
        eq(publicationOutbox.caseId, caseId),
        eq(publicationOutbox.organisationId, organisationId),
        eq(publicationOutbox.state, 'pending'),
      ),
    )
    .returning({ id: publicationOutbox.id });
  return { retried: rows.length };
}

export async function outboxOfCase(db: DbOrTx, organisationId: string, caseId: string) {
  return db
    .select({
      id: publicationOutbox.id,
      state: publicationOutbox.state,
      attempts: publicationOutbox.attempts,
      nextAttemptAt: publicationOutbox.nextAttemptAt,
      lastErrorCode: publicationOutbox.lastErrorCode,
      lastError: publicationOutbox.lastError,
      lastErrorKey: publicationOutbox.lastErrorKey,
      lastErrorParams: publicationOutbox.lastErrorParams,
      networkUrl: publicationOutbox.networkUrl,
      sentAt: publicationOutbox.sentAt,
      createdAt: publicationOutbox.createdAt,
    })
    .from(publicationOutbox)
    .where(and(eq(publicationOutbox.caseId, caseId), eq(publicationOutbox.organisationId, organisationId)))
    .orderBy(publicationOutbox.createdAt);
}

/** Back-off of a publication: 5 s, 15 s, 45 s … at most 15 minutes. */
export const publicationBackoffMs = (attempts: number) => Math.min(15 * 60_000, 5_000 * 3 ** Math.max(0, attempts - 1));

/** How long a claim on a row lasts: a worker that died mid-send leaves it for another after this. */
const CLAIM_MS = 120_000;

async function claimNext(deps: ServerDeps): Promise<OutboxRow | null> {
  const now = new Date(deps.now());
  const claimed = await deps.db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: publicationOutbox.id, state: publicationOutbox.state })
      .from(publicationOutbox)
      .where(
        or(
          and(eq(publicationOutbox.state, 'pending'), lte(publicationOutbox.nextAttemptAt, now)),
          and(inArray(publicationOutbox.state, ['sending', 'sent']), lte(publicationOutbox.claimedUntil, now)),
        ),
      )
      .orderBy(publicationOutbox.nextAttemptAt)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return null;
    const [row] = await tx
      .update(publicationOutbox)
      .set({
        // 'sent' stays 'sent' (only the record is missing); everything else is being sent now.
        state: due.state === 'sent' ? 'sent' : 'sending',
        attempts: due.state === 'sent' ? sql`${publicationOutbox.attempts}` : sql`${publicationOutbox.attempts} + 1`,
        claimedUntil: new Date(now.getTime() + CLAIM_MS),
      })
      .where(eq(publicationOutbox.id, due.id))
      .returning();
    return { row: row!, previousState: due.state };
  });
  if (!claimed) return null;
  return { ...claimed.row, ...(claimed.previousState === 'sending' ? { state: 'resending' } : {}) };
}

async function replyAttachments(deps: ServerDeps, row: OutboxRow): Promise<ReplyAttachment[]> {
  const out: ReplyAttachment[] = [];
  for (const a of row.attachments) {
    const own = /^\/api\/attachments\/([0-9a-f-]{36})$/.exec(a.url)?.[1];
    if (!own) {
      out.push(a);
      continue;
    }
    if (!deps.attachmentsDir) throw new ChannelError('attachment-storage', '');
    const [file] = await deps.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, own), eq(attachments.organisationId, row.organisationId)));
    if (!file?.storageKey) throw new ChannelError('attachment-missing', a.name ?? own);
    const bytes = await readFile(join(deps.attachmentsDir, file.storageKey));
    out.push({ ...a, content: { bytes, contentType: file.contentType, fileName: file.fileName } });
  }
  return out;
}

async function setRow(deps: ServerDeps, id: string, values: Partial<typeof publicationOutbox.$inferInsert>) {
  await deps.db.update(publicationOutbox).set(values).where(eq(publicationOutbox.id, id));
}

/** Is the case still waiting for exactly this request? */
async function stillWanted(deps: ServerDeps, row: OutboxRow): Promise<boolean> {
  const [kase] = await deps.db.select({ state: cases.state }).from(cases).where(eq(cases.id, row.caseId));
  const state = kase?.state;
  return state?.status === 'approved' && state.pendingPublication?.requestId === row.id;
}

/** A command of the system on the case of an outbox row (the publication's own steps). */
function systemCommand(deps: ServerDeps, row: OutboxRow, command: unknown, now?: number) {
  return executeCaseCommand(deps, {
    organisationId: row.organisationId,
    actor: SYSTEM_ACTOR,
    caseId: row.caseId,
    command,
    ...(now !== undefined ? { now } : {}),
  });
}

/** Records the accepted post on the case (the publish clock stops at `sentAt`), retrying on a concurrent change. */
async function recordPublished(deps: ServerDeps, row: OutboxRow, url: string, postId: string, sentAt: number) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await systemCommand(
        deps,
        row,
        {
          type: row.kind === 'intermediate' ? 'publish-intermediate' : 'publish',
          where: { kind: 'same-thread', url, postId },
        },
        sentAt,
      );
      await setRow(deps, row.id, { state: 'recorded', recordedAt: new Date(deps.now()), claimedUntil: null });
      return;
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') continue;
      // The case changed meanwhile (closed by hand?): the reply is out; keep its address on the row for people.
      await setRow(deps, row.id, {
        state: 'recorded',
        recordedAt: new Date(deps.now()),
        claimedUntil: null,
        lastErrorCode: 'not-recorded',
        ...lastErrorColumns({ key: 'publication.not-recorded', params: { url, ...notRecordedReason(error) } }),
      });
      return;
    }
  }
}

/** Why a posted answer could not be recorded on the case: the refusal's key when it has one, else its text. */
function notRecordedReason(error: unknown) {
  if (isAppError(error) && error.key !== null) return { reason: error.key, reasonParams: error.params ?? {} };
  return { detail: error instanceof Error ? error.message : String(error) };
}

async function recordFailure(deps: ServerDeps, row: OutboxRow, e: ChannelError) {
  const retrying = e.retryable;
  const attempts = row.attempts;
  const wait = Math.max(e.retryAfterMs ?? 0, publicationBackoffMs(attempts));
  await setRow(deps, row.id, {
    state: retrying ? 'pending' : 'failed',
    nextAttemptAt: new Date(deps.now() + wait),
    claimedUntil: null,
    lastErrorCode: e.code,
    ...lastErrorColumns(e.said),
  });
  // The case history gets the first failure and every change of reason, not one line per retry.
  if (attempts > 1 && row.lastErrorCode === e.code && retrying) return;
  try {
    await systemCommand(deps, row, {
      type: 'record-publication-failure',
      requestId: row.id,
      // `message` for readers without the catalogue (Russian); `said` is what the web words in its reader's language.
      error: { code: e.code, message: e.message, said: e.said },
      retrying,
    });
  } catch {
    // The case moved on (published by hand, closed): the row's own state tells the rest.
  }
}

export interface OutboxPassOptions {
  /** Tests inject connectors; otherwise built from the account. */
  readonly connectorFor?: (accountId: string) => Connector | null;
}

/** Handles one due row; false when none was due. */
export async function runOutboxOnce(deps: ServerDeps, options: OutboxPassOptions = {}): Promise<boolean> {
  const row = await claimNext(deps);
  if (!row) return false;
  const resending = row.state === 'resending';
  if (row.state === 'sent') {
    await recordPublished(
      deps,
      row,
      row.networkUrl ?? '',
      row.networkPostId ?? '',
      row.sentAt?.getTime() ?? deps.now(),
    );
    return true;
  }
  if (!(await stillWanted(deps, row))) {
    await setRow(deps, row.id, { state: 'cancelled', claimedUntil: null });
    return true;
  }
  try {
    if (await isOrganisationArchived(deps.db, row.organisationId)) {
      throw new ChannelError('organisation-archived', '');
    }
    const account = await loadAccount(deps, row.accountId);
    if (!account) throw new ChannelError('account-deleted', '');
    if (!account.enabled) throw new ChannelError('account-disabled', '');
    const connector = options.connectorFor?.(row.accountId) ?? createConnector(accountConfig(deps, account));
    const thread: ThreadRef = zThreadRef.parse(row.thread);
    if (resending) {
      // A worker died between sending and recording: is our reply already in the thread?
      const context = await connector.fetchThread(thread).catch(() => []);
      const ours = context.find((m) => m.ours && m.text.startsWith(row.text.slice(0, 200)));
      if (ours) {
        const sentAt = ours.at ?? deps.now();
        await setRow(deps, row.id, { state: 'sent', networkPostId: ours.id, sentAt: new Date(sentAt) });
        await recordPublished(deps, row, row.networkUrl ?? '', ours.id, sentAt);
        return true;
      }
    }
    const posted = await connector.publish(thread, {
      requestId: row.id,
      text: row.text,
      attachments: await replyAttachments(deps, row),
    });
    const sentAt = deps.now();
    // Recorded before anything else: from here on the row is never posted again.
    await setRow(deps, row.id, {
      state: 'sent',
      networkPostId: posted.postId,
      networkUrl: posted.url,
      sentAt: new Date(sentAt),
      lastErrorCode: null,
      ...lastErrorColumns(null),
    });
    await recordPublished(deps, row, posted.url, posted.postId, sentAt);
  } catch (error) {
    // A server-side refusal (no OTKLIK_SECRET_KEY, a box that does not open) needs a person, like a bad token.
    const e =
      error instanceof AppError
        ? new ChannelError(
            error.details?.reason === 'no-secret-key' ? 'no-secret-key' : 'auth',
            error.message,
            undefined,
            storedMessageOf(error.key, error.params) ?? undefined,
          )
        : toChannelError(error);
    await recordFailure(deps, row, e);
  }
  return true;
}

export interface OutboxWorker {
  /** Runs due rows now (after a request). */
  kick(): void;
  stop(): Promise<void>;
}

export function startOutboxWorker(
  deps: ServerDeps,
  options: OutboxPassOptions & { pollMs?: number } = {},
): OutboxWorker {
  let stopped = false;
  const passes = createSingleFlight(
    async () => {
      while (!stopped && (await runOutboxOnce(deps, options))) {
        /* one row at a time until none is due */
      }
    },
    {
      stopped: () => stopped,
      onError: (error) => publicationLog.error({ err: String(error) }, 'publication outbox pass failed'),
    },
  );
  const pass = () => void passes.trigger('outbox');
  const timer = setInterval(pass, options.pollMs ?? 2_000);
  timer.unref();
  pass();
  return {
    kick: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await passes.idle();
    },
  };
}
