// Reads an organisation's committed case events as realtime changes: catch-up pages after a seq (each case's last
// change of a page carries the case's row as that receiver sees it, so a client applies a page without asking again),
// the head seq, and the previous seq of a freshly committed batch. Wall displays get the same stream without
// personal data.

import type { CaseChange, CaseRowMessage, ChangesPage, ClockRules } from '@otklik/contract';
import { type Actor, eventForReader, takesPartIn } from '@otklik/domain';
import { and, eq } from 'drizzle-orm';
import { actorCondition, partiesOfRow } from '../cases/access';
import { listNamedRows, matchesWallFilters, type WallFilters } from '../cases/board';
import { committedEventColumns, toCommittedEvent } from '../cases/event-rows';
import { toWallRowMessage } from '../cases/rows';
import type { DbOrTx } from '../db/connect';
import { organisationSeqOrder, organisationSeqRange } from '../db/organisation-seqs';
import { caseEvents, cases } from '../db/schema';
import { loadPlaceDirectory } from '../directory/places';
import type { CommittedEvent } from '../events-bus';
import { toLiveBoardRows } from './live-rows';

/** 'staff': a person, who gets the events of the cases they may see (readers without the appeal's personal data);
 *  'reader': the same without personal data; 'display': a wall, every case of the organisation, no payload at all. */
export type Audience = 'staff' | 'reader' | 'display';

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
    actorId: audience === 'display' ? null : event.actorId,
    payload: audience === 'display' ? null : audience === 'reader' ? eventForReader(event.payload) : event.payload,
  };
}

/** The last global sequence number of an organisation: a board snapshot or a catch-up is consistent up to it. */
export function headSeq(db: DbOrTx, organisationId: string): Promise<number> {
  return lastSeqOf(db, organisationRange(organisationId, 0));
}

/** The organisation's seq just before `seq` (0 when none): the `prevSeq` of a live change. */
export function previousSeq(db: DbOrTx, organisationId: string, seq: number): Promise<number> {
  return lastSeqOf(db, organisationRange(organisationId, 0, { before: seq }));
}

/** The organisation's events in a range of seq, through the composite index (see db/organisation-seqs). */
const organisationRange = (
  organisationId: string,
  after: number,
  above: Parameters<typeof organisationSeqRange>[3] = null,
) => organisationSeqRange(caseEvents, organisationId, after, above);

async function lastSeqOf(db: DbOrTx, range: ReturnType<typeof organisationSeqRange>): Promise<number> {
  const [row] = await db
    .select({ seq: caseEvents.seq })
    .from(caseEvents)
    .where(range)
    .orderBy(organisationSeqOrder(caseEvents, 'desc'))
    .limit(1);
  return Number(row?.seq ?? 0);
}

/** The organisation's committed events after `afterSeq` up to `upToSeq`, in seq order, at most `limit`: a batch a
 *  node has not heard of (delivery-order.ts). */
export async function committedBetween(
  db: DbOrTx,
  organisationId: string,
  afterSeq: number,
  upToSeq: number,
  limit: number,
): Promise<CommittedEvent[]> {
  const rows = await db
    .select(committedEventColumns)
    .from(caseEvents)
    .where(organisationRange(organisationId, afterSeq, { upTo: upToSeq }))
    .orderBy(organisationSeqOrder(caseEvents, 'asc'))
    .limit(limit);
  return rows.map(toCommittedEvent);
}

export async function changesSince(
  db: DbOrTx,
  options: {
    organisationId: string;
    afterSeq: number;
    limit?: number;
    /** The person asking (only the cases they may see); absent for a wall display (every case, no payload). */
    viewer?: Actor;
    /** A wall display's filters: a case outside them comes as a removal (row null), as in its live changes. */
    wallFilters?: WallFilters;
    /** The instant absences are judged at in the rows (the board shows a substitute as responsible). */
    now: number;
  },
): Promise<ChangesPage> {
  const limit = Math.min(options.limit ?? MAX_PAGE, MAX_PAGE);
  // The head is read first: every change up to it is committed, so a page that reaches it is complete.
  const head = await headSeq(db, options.organisationId);
  const { viewer } = options;
  const rows = await db
    .select({
      ...committedEventColumns,
      partyDepartmentIds: cases.partyDepartmentIds,
      partyExecutorIds: cases.partyExecutorIds,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(organisationRange(options.organisationId, options.afterSeq), viewer ? actorCondition(viewer) : undefined),
    )
    .orderBy(organisationSeqOrder(caseEvents, 'asc'))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  // prevSeq chains the changes this client receives: events of cases it may not see are not in its sequence.
  let prev = options.afterSeq;
  const changes = page.map((row) => {
    const audience: Audience = !viewer ? 'display' : takesPartIn(viewer, partiesOfRow(row)) ? 'staff' : 'reader';
    const change = toChange(toCommittedEvent(row), prev, audience);
    prev = row.seq;
    return change;
  });
  const { rows: rowsOf, rules } = await currentRows(db, options, [...new Set(changes.map((c) => c.caseId))]);
  return {
    changes: withRows(changes, (caseId) => rowsOf.get(caseId) ?? null),
    rules,
    hasMore: rows.length > limit,
    headSeq: Math.max(head, prev),
  };
}

/** Each case's last change in `changes` gets the row `rowOf` gives (null: the case left that view); its earlier
 *  changes there none: the receiver applies the row once (a catch-up page, a live message). */
export function withRows(
  changes: readonly CaseChange[],
  rowOf: (caseId: string) => CaseRowMessage | null,
): CaseChange[] {
  const out = [...changes];
  const seen = new Set<string>();
  for (let i = out.length - 1; i >= 0; i--) {
    const change = out[i]!;
    if (seen.has(change.caseId)) continue;
    seen.add(change.caseId);
    out[i] = { ...change, row: rowOf(change.caseId) };
  }
  return out;
}

/** The open cases' rows as the asking receiver sees them now, the way its live changes carry them: the live board
 *  row for a person (only cases they may still see; its clocks' rules in `rules`), the wall row for a display (within
 *  its filters). A case missing from the map has left that view: the receiver removes it. */
async function currentRows(
  db: DbOrTx,
  options: { organisationId: string; viewer?: Actor; wallFilters?: WallFilters; now: number },
  caseIds: readonly string[],
): Promise<{ rows: Map<string, CaseRowMessage>; rules: ClockRules }> {
  if (caseIds.length === 0) return { rows: new Map(), rules: {} };
  const { rows } = await listNamedRows(db, options.organisationId, {
    ids: [...caseIds],
    visibleTo: options.viewer,
    now: options.now,
  });
  if (options.viewer) return toLiveBoardRows(rows);
  const out = new Map<string, CaseRowMessage>();
  const directory = await loadPlaceDirectory(db, options.organisationId);
  for (const row of rows) {
    if (!options.wallFilters || matchesWallFilters(row, options.wallFilters)) {
      out.set(row.id, toWallRowMessage(row, directory));
    }
  }
  return { rows: out, rules: {} };
}
