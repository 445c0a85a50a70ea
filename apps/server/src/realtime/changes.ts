// Reads an organisation's committed case events as realtime changes: catch-up pages after a seq, the head seq,
// and the previous seq of a freshly committed batch. Wall displays get the same stream without personal data.
import { and, asc, eq, gt, lt, max } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { caseEvents } from '../db/schema';
import type { CommittedEvent } from '../events-bus';
import type { CaseChange, ChangesPage } from './events';

export type Audience = 'staff' | 'display';

/** The server's cap on one catch-up page; the client asks again while `hasMore`. */
export const MAX_PAGE = 500;

export function toChange(event: CommittedEvent, prevSeq: number, audience: Audience): CaseChange {
  return {
    seq: event.seq,
    prevSeq,
    caseId: event.caseId,
    version: event.version,
    type: event.type,
    occurredAt: event.occurredAt,
    actorId: audience === 'staff' ? event.actorId : null,
    payload: audience === 'staff' ? event.payload : null,
  };
}

export async function headSeq(db: DbOrTx, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ seq: max(caseEvents.seq) })
    .from(caseEvents)
    .where(eq(caseEvents.organisationId, organisationId));
  return Number(row?.seq ?? 0);
}

/** The organisation's seq just before `seq` (0 when none): the `prevSeq` of a live change. */
export async function previousSeq(db: DbOrTx, organisationId: string, seq: number): Promise<number> {
  const [row] = await db
    .select({ seq: max(caseEvents.seq) })
    .from(caseEvents)
    .where(and(eq(caseEvents.organisationId, organisationId), lt(caseEvents.seq, seq)));
  return Number(row?.seq ?? 0);
}

export async function changesSince(
  db: DbOrTx,
  options: { organisationId: string; afterSeq: number; limit?: number; audience: Audience },
): Promise<ChangesPage> {
  const limit = Math.min(options.limit ?? MAX_PAGE, MAX_PAGE);
  // The head is read first: every change up to it is committed, so a page that reaches it is complete.
  const head = await headSeq(db, options.organisationId);
  const rows = await db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.organisationId, options.organisationId), gt(caseEvents.seq, options.afterSeq)))
    .orderBy(asc(caseEvents.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  let prev = options.afterSeq;
  const changes = page.map((row) => {
    const change = toChange(
      {
        seq: row.seq,
        caseId: row.caseId,
        organisationId: row.organisationId,
        version: row.version,
        type: row.type,
        actorId: row.actorId,
        occurredAt: row.occurredAt.getTime(),
        payload: row.payload,
      },
      prev,
      options.audience,
    );
    prev = row.seq;
    return change;
  });
  return { changes, hasMore: rows.length > limit, headSeq: Math.max(head, prev) };
}
