// The durable side of delivery: reads an organisation's committed events past its cursor, then stores their
// notifications and advances the cursor in one statement guarded by the cursor read (with SMTP on, in one
// transaction with their e-mail copies in the outbox), so a crash loses none and a second node repeats none.

import { randomUUID } from 'node:crypto';
import type { Notification } from '@otklik/contract';
import type { CaseEvent } from '@otklik/domain';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/connect';
import { fromJson, rowsOf } from '../db/driver-values';
import { organisationSeqOrder, organisationSeqRange } from '../db/organisation-seqs';
import { notificationCursors, organisations } from '../db/schema';
import type { CommittedEvent } from '../events-bus';
import { enqueueNotificationMails, type MailSettings } from '../mail/enqueue';
import { type NewNotification, toNotification } from './delivery-feed';
import { directoryColumns, foldEarlier, notificationsFor, toDirectory } from './delivery-rules';
import { statesBefore } from './states-before';

/** Events read per pass: keeps each pass short when a node catches up on a long backlog. */
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

/** case_events as `e` in the statements below, for the seq ranges of db/organisation-seqs. */
const EVENT_E = { organisationId: sql`e.organisation_id`, seq: sql`e.seq` };

/**
 * One pass for one organisation: reads the events past its cursor, stores their notifications and moves the cursor
 * in one statement, guarded by the cursor it read. Another node's pass that moved the cursor first makes this one
 * store nothing and read again (`more`), so no event is notified twice; a crash between the two statements stores
 * nothing and moves nothing. Within an organisation seq order is commit order (commands hold the organisation's
 * advisory lock until they commit), so nothing below the cursor can still appear later. With SMTP configured the
 * pass is one transaction, the e-mail copies written in it: a letter exists exactly when its notification does.
 */
export async function deliverPendingOnce(
  db: Db,
  organisationId: string,
  now: number,
  page = OUTBOX_PAGE,
  /** With SMTP configured: write an e-mail copy of each notification in the same transaction. */
  mail: MailSettings | null = null,
): Promise<OutboxPass> {
  // The states this node's commands decided on (remembered per database handle, not per transaction).
  const remembered = statesBefore(db, organisationId);
  if (!mail) return passOnce(db, organisationId, now, page, null, remembered);
  return db.transaction((tx) => passOnce(tx, organisationId, now, page, mail, remembered));
}

async function passOnce(
  db: DbOrTx,
  organisationId: string,
  now: number,
  page: number,
  mail: MailSettings | null,
  remembered: ReturnType<typeof statesBefore>,
): Promise<OutboxPass> {
  // One statement reads what the pass needs. An organisation created after the migration starts at 0: every event
  // of it is new. The upsert creates the cursor row when missing and returns it (in a transaction it also locks it);
  // the events past it follow, with the organisation's directory and, for each case among them, its number and the
  // events before the first of them (the state the first was decided on).
  const cursor = db.$with('cursor').as(
    db
      .insert(notificationCursors)
      .values({ organisationId, lastSeq: 0 })
      .onConflictDoUpdate({
        target: notificationCursors.organisationId,
        set: { lastSeq: sql`${notificationCursors.lastSeq}` },
      })
      .returning({ lastSeq: notificationCursors.lastSeq }),
  );
  // Spelled out: the events past the cursor, at most a page, through case_events_org_seq_idx only (the primary key's
  // seq order would walk the other organisations' newer events: db/organisation-seqs).
  const pending = sql`(select e.* from case_events e where ${organisationSeqRange(EVENT_E, organisationId, sql`"cursor"."last_seq"`)} order by ${organisationSeqOrder(EVENT_E, 'asc')} limit ${page})`;
  const [head] = await db
    .with(cursor)
    .select({
      from: cursor.lastSeq,
      events: sql<unknown>`(select coalesce(json_agg(json_build_object('seq', e.seq, 'caseId', e.case_id, 'organisationId', e.organisation_id, 'version', e.version, 'type', e.type, 'actorId', e.actor_id, 'occurredAt', floor(extract(epoch from e.occurred_at) * 1000)::bigint, 'payload', e.payload) order by e.seq), '[]') from ${pending} e)`,
      // A case whose state before its first pending event this node remembers (a command of its own) is not read:
      // its `earlier` is null and `first` says which state to take.
      cases: sql<unknown>`(select coalesce(json_agg(json_build_object('id', c.id, 'number', c.number, 'first', p.first, 'earlier', case when exists (select 1 from json_array_elements(${JSON.stringify(remembered.known)}::json) k where k->>0 = c.id::text and (k->>1)::int = p.first - 1) then null else (select coalesce(json_agg(h.payload order by h.version), '[]') from case_events h where h.case_id = c.id and h.version < p.first) end)), '[]') from (select e.case_id, min(e.version) as first from ${pending} e group by e.case_id) p join cases c on c.id = p.case_id)`,
      ...directoryColumns(organisationId),
    })
    .from(cursor);
  const from = Number(head?.from ?? 0);
  const rows = fromJson<EventJson[]>(head?.events ?? []);
  const last = rows.at(-1);
  if (!head || !last) return { stored: [], lastSeq: from, more: false, mails: 0 };
  const { timeZone, directory } = toDirectory(head);
  const before = new Map(
    fromJson<{ id: string; number: number; first: number; earlier: CaseEvent[] | null }[]>(head.cases).map((c) => [
      c.id,
      {
        number: c.number,
        state: c.earlier === null ? rememberedState(remembered, c.id, c.first - 1) : foldEarlier(c.earlier),
      },
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
  const stored = await storeAndMove(db, { organisationId, from, to: last.seq, wanted, now });
  // Another pass moved the cursor first: read again from where it left it.
  if (!stored) return { stored: [], lastSeq: from, more: true, mails: 0 };
  const mails = mail ? await enqueueNotificationMails(db as Tx, organisationId, stored, mail) : 0;
  return { stored, lastSeq: last.seq, more: rows.length === page, mails };
}

/** The state a pass was told it remembers (the statement left that case's earlier events unread). */
function rememberedState(remembered: ReturnType<typeof statesBefore>, caseId: string, version: number) {
  const state = remembered.take(caseId, version);
  if (state === undefined) throw new Error(`outbox: no remembered state of case ${caseId} at version ${version}`);
  return state;
}

/**
 * Stores the notifications and moves the cursor from `from` to `to`, in one statement that writes nothing unless the
 * cursor still stood at `from`; null when it did not. Each stored notification comes with its person's unread count
 * once they are stored (read by the statement: the unread rows before it, plus the person's new ones), which the
 * live push carries without a statement of its own. A pass may cover several commands' events (a busy organisation's
 * passes are spaced): each notification is stored a microsecond after the one before it, in the events' order, so the
 * feed (newest first) keeps the order in which things happened.
 */
async function storeAndMove(
  db: DbOrTx,
  input: { organisationId: string; from: number; to: number; wanted: readonly NewNotification[]; now: number },
): Promise<StoredNotification[] | null> {
  const at = new Date(input.now);
  const ids = input.wanted.map(() => randomUUID());
  const cells = input.wanted.map(({ message, ...n }, i) => ({
    id: ids[i],
    organisation_id: n.organisationId,
    person_id: n.personId,
    case_id: n.caseId,
    kind: n.kind,
    message_key: message.key,
    message_params: message.params,
  }));
  const result = await db.execute(sql`with moved as (
      update notification_cursors set last_seq = ${input.to}, updated_at = ${at.toISOString()}::timestamptz
       where organisation_id = ${input.organisationId}::uuid and last_seq = ${input.from}
      returning last_seq),
    added as (
      insert into notifications (id, organisation_id, person_id, case_id, kind, title, body, message_key, message_params, created_at)
      select n.id, n.organisation_id, n.person_id, n.case_id, n.kind, '', '', n.message_key, n.message_params,
             ${at.toISOString()}::timestamptz + (n.ordinality - 1) * interval '1 microsecond'
        from json_populate_recordset(null::notifications, ${JSON.stringify(cells)}::json) with ordinality as n
       where exists (select 1 from moved)
      returning person_id)
    select (select count(*) from moved)::int as moved,
      (select coalesce(json_agg(json_build_array(p.person_id,
                (select count(*) from notifications u where u.person_id = p.person_id and u.read_at is null))), '[]')
         from (select distinct person_id from added) p) as unread`);
  const [out] = rowsOf<{ moved: number | string; unread: unknown }>(result);
  if (Number(out?.moved ?? 0) === 0) return null;
  // Counted once per person the pass notifies (not once per notification: the count walks that person's unread
  // rows). Read in the statement's snapshot, the counts leave out the rows it stored: each person's new ones are added.
  const unreadBefore = new Map(
    fromJson<[string, number | string][]>(out?.unread ?? '[]').map(([personId, n]) => [personId, Number(n)]),
  );
  const added = new Map<string, number>();
  for (const w of input.wanted) added.set(w.personId, (added.get(w.personId) ?? 0) + 1);
  return input.wanted.map((w, i) => {
    const id = ids[i] as string;
    const notification = toNotification({
      id,
      organisationId: w.organisationId,
      personId: w.personId,
      caseId: w.caseId,
      kind: w.kind,
      title: '',
      body: '',
      messageKey: w.message.key,
      // As the database keeps it (JSON).
      messageParams: JSON.parse(JSON.stringify(w.message.params)),
      createdAt: at,
      readAt: null,
    });
    return {
      personId: w.personId,
      wanted: w,
      notification,
      unread: (unreadBefore.get(w.personId) ?? 0) + (added.get(w.personId) ?? 0),
    };
  });
}

/** Organisations with events past their cursor (no cursor row yet counts as 0): what a start-up or sweep must catch up.
 *  Each organisation's first event past its cursor is one probe of case_events_org_seq_idx (a subquery per
 *  organisation, never a semi-join over every organisation's events: db/organisation-seqs). */
export async function organisationsWithPending(db: Db): Promise<string[]> {
  const after = sql`coalesce(${notificationCursors.lastSeq}, 0)`;
  const next = sql`(select e.seq from case_events e where ${organisationSeqRange(EVENT_E, sql`${organisations.id}`, after)}
    order by ${organisationSeqOrder(EVENT_E, 'asc')} limit 1)`;
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .leftJoin(notificationCursors, eq(notificationCursors.organisationId, organisations.id))
    .where(sql`${next} is not null`);
  return rows.map((r) => r.id);
}
