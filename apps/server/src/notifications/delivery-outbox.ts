// The durable side of delivery: reads an organisation's committed events past its cursor, stores their
// notifications (and, with SMTP on, their e-mail copies in the outbox) and advances the cursor in one transaction,
// so a crash loses none and a second node repeats none.

import type { Notification } from '@otklik/contract';
import type { CaseEvent } from '@otklik/domain';
import { and, eq, exists, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { caseEvents, notificationCursors, organisations } from '../db/schema';
import type { CommittedEvent } from '../events-bus';
import { enqueueNotificationMails, type MailSettings } from '../mail/enqueue';
import { insertNotificationsCounted, type NewNotification } from './delivery-feed';
import { directoryColumns, foldEarlier, notificationsFor, toDirectory } from './delivery-rules';

/** Events read per transaction: keeps each transaction short when a node catches up on a long backlog. */
export const OUTBOX_PAGE = 200;

export interface StoredNotification {
  readonly personId: string;
  readonly wanted: NewNotification;
  readonly notification: Notification;
  /** The person's unread count once this pass stored its notifications (read by the insert). */
  readonly unread: number;
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

/** An event of the page as the pass's statement builds it in json. */
interface EventJson {
  seq: number;
  caseId: string;
  organisationId: string;
  version: number;
  type: string;
  actorId: string | null;
  occurredAt: number;
  payload: CaseEvent;
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
    // One statement reads what the pass needs. An organisation created after the migration starts at 0: every event
    // of it is new. The upsert locks the cursor row (as `select … for update` would) and returns it; the events past
    // it follow, with the organisation's directory and, for each case among them, its number and the events before
    // the first of them (the state the first was decided on).
    const cursor = tx.$with('cursor').as(
      tx
        .insert(notificationCursors)
        .values({ organisationId, lastSeq: 0 })
        .onConflictDoUpdate({
          target: notificationCursors.organisationId,
          set: { lastSeq: sql`${notificationCursors.lastSeq}` },
        })
        .returning({ lastSeq: notificationCursors.lastSeq }),
    );
    // Spelled out: the events past the cursor, at most a page (case_events_org_seq_idx).
    const pending = sql`(select e.* from case_events e where e.organisation_id = ${organisationId} and e.seq > "cursor"."last_seq" order by e.seq limit ${page})`;
    const [head] = await tx
      .with(cursor)
      .select({
        from: cursor.lastSeq,
        events: sql<unknown>`(select coalesce(json_agg(json_build_object('seq', e.seq, 'caseId', e.case_id, 'organisationId', e.organisation_id, 'version', e.version, 'type', e.type, 'actorId', e.actor_id, 'occurredAt', floor(extract(epoch from e.occurred_at) * 1000)::bigint, 'payload', e.payload) order by e.seq), '[]') from ${pending} e)`,
        cases: sql<unknown>`(select coalesce(json_agg(json_build_object('id', c.id, 'number', c.number, 'earlier', (select coalesce(json_agg(h.payload order by h.version), '[]') from case_events h where h.case_id = c.id and h.version < p.first))), '[]') from (select e.case_id, min(e.version) as first from ${pending} e group by e.case_id) p join cases c on c.id = p.case_id)`,
        ...directoryColumns(organisationId),
      })
      .from(cursor);
    const from = Number(head?.from ?? 0);
    const rows = fromJson<EventJson[]>(head?.events ?? []);
    const last = rows.at(-1);
    if (!head || !last) return { stored: [], lastSeq: from, more: false, mails: 0 };
    const { timeZone, directory } = toDirectory(head);
    const before = new Map(
      fromJson<{ id: string; number: number; earlier: CaseEvent[] }[]>(head.cases).map((c) => [
        c.id,
        { number: c.number, state: foldEarlier(c.earlier) },
      ]),
    );
    const events: CommittedEvent[] = rows.map((e) => ({ ...e, seq: Number(e.seq), occurredAt: Number(e.occurredAt) }));
    const wanted: NewNotification[] = [];
    for (const batch of batchesByCase(events)) {
      const caseId = batch[0]!.caseId;
      const known = before.get(caseId);
      if (!known) continue;
      // A later batch of the same case in this page starts from the state the earlier one left.
      const { notifications, after } = notificationsFor(batch, known, timeZone, directory);
      before.set(caseId, { number: known.number, state: after });
      wanted.push(...notifications);
    }
    // The cursor moves in the statement that stores the notifications (a data-modifying WITH runs whether or not
    // the insert reads it).
    const moved = tx
      .$with('moved', { lastSeq: sql<number>`last_seq` })
      .as(
        sql`update notification_cursors set last_seq = ${last.seq}, updated_at = ${new Date(now).toISOString()}::timestamptz where organisation_id = ${organisationId} returning last_seq`,
      );
    const inserted = await insertNotificationsCounted(tx, wanted, now, moved);
    // Nothing to store: the cursor moves on its own.
    if (wanted.length === 0) {
      await tx
        .update(notificationCursors)
        .set({ lastSeq: last.seq, updatedAt: new Date(now) })
        .where(eq(notificationCursors.organisationId, organisationId));
    }
    // Rows come back in the order they were given.
    const stored = inserted.flatMap(({ notification, unread }, i) => {
      const w = wanted[i];
      return w ? [{ personId: w.personId, wanted: w, notification, unread }] : [];
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
