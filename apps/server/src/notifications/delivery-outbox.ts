// The durable side of delivery: reads an organisation's committed events past its cursor, stores their
// notifications (and, with SMTP on, their e-mail copies in the outbox) and advances the cursor in one transaction,
// so a crash loses none and a second node repeats none.

import type { Notification } from '@otklik/contract';
import { and, asc, eq, exists, gt, sql } from 'drizzle-orm';
import { committedEventColumns, toCommittedEvent } from '../cases/event-rows';
import type { Db } from '../db/connect';
import { caseEvents, notificationCursors, organisations } from '../db/schema';
import type { CommittedEvent } from '../events-bus';
import { enqueueNotificationMails, type MailSettings } from '../mail/enqueue';
import { insertNotifications, type NewNotification } from './delivery-feed';
import { loadDirectory, notificationsFor } from './delivery-rules';

/** Events read per transaction: keeps each transaction short when a node catches up on a long backlog. */
export const OUTBOX_PAGE = 200;

export interface StoredNotification {
  readonly personId: string;
  readonly wanted: NewNotification;
  readonly notification: Notification;
}

export interface OutboxPass {
  readonly stored: StoredNotification[];
  /** The cursor after this pass (case_events.seq of the last event read). */
  readonly lastSeq: number;
  /** A full page was read: more events may be waiting. */
  readonly more: boolean;
  /** E-mails written to the outbox in this pass. */
  readonly mails: number;
}

/** Consecutive events of one case form one batch, as one command's events did on the bus. */
function batchesByCase(events: readonly CommittedEvent[]): CommittedEvent[][] {
  const batches: CommittedEvent[][] = [];
  for (const event of events) {
    const last = batches.at(-1);
    if (last && last[0]?.caseId === event.caseId) last.push(event);
    else batches.push([event]);
  }
  return batches;
}

/**
 * One pass for one organisation. The cursor row is locked (`for update`) for the whole transaction: another
 * node's pass waits, then re-reads the advanced cursor, so no event is notified twice. Within an organisation
 * seq order is commit order (commands hold the organisation's advisory lock until they commit), so nothing
 * below the cursor can still appear later.
 */
export async function deliverPendingOnce(
  db: Db,
  organisationId: string,
  now: number,
  page = OUTBOX_PAGE,
  /** With SMTP configured: write an e-mail copy of each notification in the same transaction. */
  mail: MailSettings | null = null,
): Promise<OutboxPass> {
  return db.transaction(async (tx) => {
    // An organisation created after the migration starts at 0: every event of it is new. The upsert locks the
    // cursor row (as `select … for update` would) and returns it, in one statement.
    const [cursor] = await tx
      .insert(notificationCursors)
      .values({ organisationId, lastSeq: 0 })
      .onConflictDoUpdate({
        target: notificationCursors.organisationId,
        set: { lastSeq: sql`${notificationCursors.lastSeq}` },
      })
      .returning({ lastSeq: notificationCursors.lastSeq });
    const from = cursor?.lastSeq ?? 0;
    const rows = await tx
      .select(committedEventColumns)
      .from(caseEvents)
      .where(and(eq(caseEvents.organisationId, organisationId), gt(caseEvents.seq, from)))
      .orderBy(asc(caseEvents.seq))
      .limit(page);
    const last = rows.at(-1);
    if (!last) return { stored: [], lastSeq: from, more: false, mails: 0 };
    const { timeZone, directory } = await loadDirectory(tx, organisationId);
    const events: CommittedEvent[] = rows.map(toCommittedEvent);
    const wanted: NewNotification[] = [];
    for (const batch of batchesByCase(events)) {
      wanted.push(...(await notificationsFor(tx, batch, timeZone, directory)));
    }
    const inserted = await insertNotifications(tx, wanted, now);
    await tx
      .update(notificationCursors)
      .set({ lastSeq: last.seq, updatedAt: new Date(now) })
      .where(eq(notificationCursors.organisationId, organisationId));
    // Rows come back in the order they were given.
    const stored = inserted.flatMap((notification, i) => {
      const w = wanted[i];
      return w ? [{ personId: w.personId, wanted: w, notification }] : [];
    });
    const mails = mail ? await enqueueNotificationMails(tx, organisationId, stored, mail) : 0;
    return { stored, lastSeq: last.seq, more: rows.length === page, mails };
  });
}

/** Organisations with events past their cursor (no cursor row yet counts as 0): what a start-up or sweep must catch up. */
export async function organisationsWithPending(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .leftJoin(notificationCursors, eq(notificationCursors.organisationId, organisations.id))
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(caseEvents)
          .where(
            and(
              eq(caseEvents.organisationId, organisations.id),
              gt(caseEvents.seq, sql`coalesce(${notificationCursors.lastSeq}, 0)`),
            ),
          ),
      ),
    );
  return rows.map((r) => r.id);
}
