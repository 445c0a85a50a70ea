// Sends the e-mail outbox. A pass claims due rows (FOR UPDATE SKIP LOCKED, so nodes never claim the same row),
// marks them 'sending' with a lease and commits, sends each through SMTP, then marks it 'sent'; a failure is
// retried with exponential back-off, a permanent refusal (SMTP 5xx) or the last attempt marks it 'failed'.
//
// What SMTP permits: it has no idempotency key, so a crash after the server accepted a letter (its "250" reply to
// DATA) and before 'sent' is committed leaves the row 'sending'; when its lease runs out it is claimed and sent
// again — at least once, never lost. The window is the few milliseconds between that reply and the commit, and the
// repeat carries the same Message-ID, by which mail systems and clients recognise a duplicate.
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { log as rootLog } from '../log';
import type { Mailer } from '../notifications/delivery-email';
import { createSingleFlight } from '../single-flight';
import { emailOutbox } from './schema';

const mailLog = rootLog.child({ component: 'mail' });

export interface MailWorkerOptions {
  readonly db: Db;
  readonly mailer: Mailer;
  readonly now?: () => number;
  /** How often to look for due rows besides `kick()` (retries, rows of a node that died). Default 15 s. */
  readonly pollMs?: number;
  /** First retry delay; doubles on each attempt up to `maxDelayMs`. Default 1 min. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Attempts before a row is 'failed'. Default 10 (about 4 hours with the defaults). */
  readonly maxAttempts?: number;
  /** How long a claimed row is reserved for its sender; past it, another pass may claim it. Default 2 min. */
  readonly leaseMs?: number;
  readonly batch?: number;
  readonly log?: (line: string) => void;
}

export interface MailWorker {
  /** Look for due letters now (after a notification pass committed some). */
  kick(): void;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
  /** No new passes; waits for the running one. */
  stop(): Promise<void>;
}

/** A refusal that retrying cannot fix: the SMTP server said 5xx (bad address, relaying denied…). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function retryDelay(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { db, mailer } = options;
  const now = options.now ?? Date.now;
  const base = options.baseDelayMs ?? 60_000;
  const maxDelay = options.maxDelayMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const leaseMs = options.leaseMs ?? 120_000;
  const batch = options.batch ?? 20;
  const log = options.log ?? ((line: string) => mailLog.info(line));
  let stopped = false;

  const claim = () =>
    db.transaction(async (tx) => {
      const at = new Date(now());
      const due = await tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          and(
            lte(emailOutbox.nextAttemptAt, at),
            or(
              eq(emailOutbox.status, 'pending'),
              // A claim whose sender died (the lease ran out): claimed again.
              and(
                eq(emailOutbox.status, 'sending'),
                or(isNull(emailOutbox.lockedUntil), lte(emailOutbox.lockedUntil, at)),
              ),
            ),
          ),
        )
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(batch)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(emailOutbox)
        .set({
          status: 'sending',
          attempts: sql`${emailOutbox.attempts} + 1`,
          lockedUntil: new Date(at.getTime() + leaseMs),
        })
        .where(
          inArray(
            emailOutbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });

  const sendOne = async (row: typeof emailOutbox.$inferSelect) => {
    try {
      await mailer.send({ to: row.toAddress, subject: row.subject, text: row.bodyText, messageId: row.messageId });
    } catch (error) {
      const permanent = isPermanent(error);
      const last = row.attempts >= maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(emailOutbox)
        .set({
          status: permanent || last ? 'failed' : 'pending',
          lockedUntil: null,
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(now() + retryDelay(row.attempts, base, maxDelay)),
        })
        .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'sending')));
      log(
        `e-mail ${row.messageId} to ${row.toAddress}: attempt ${row.attempts} failed (${message})` +
          (permanent ? ', refused for good' : last ? ', no attempts left' : ', will retry'),
      );
      return;
    }
    await db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: new Date(now()), lockedUntil: null, lastError: null })
      .where(eq(emailOutbox.id, row.id));
  };

  const passes = createSingleFlight(
    async () => {
      for (;;) {
        if (stopped) return;
        const claimed = await claim();
        if (claimed.length === 0) break;
        for (const row of claimed) await sendOne(row);
      }
    },
    { stopped: () => stopped, onError: (error) => log(`e-mail outbox pass failed: ${String(error)}`) },
  );
  const kick = () => void passes.trigger('outbox');

  const timer = setInterval(kick, options.pollMs ?? 15_000);
  timer.unref();
  kick();

  return {
    kick,
    idle: passes.idle,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await passes.idle();
    },
  };
}
