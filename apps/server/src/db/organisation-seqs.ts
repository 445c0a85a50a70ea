// One organisation's case events in a range of `seq`, read through `case_events_org_seq_idx` and nothing else.
//
// `seq` is global (one sequence for every organisation) and is also the primary key. Written the plain way
// (`organisation_id = $1 and seq > $2 order by seq`), a prepared statement's generic plan prefers walking the primary
// key in seq order and filtering the organisation out: it assumes the organisations' events are evenly mixed. They are
// not: a small municipality's next event may lie behind tens of thousands of a big one's, and each read of it (the
// notification outbox's pass, a live change's previous seq, a catch-up page, the head seq) walked all of them — 36,301
// rows for two events in a load run of four organisations. As row comparisons with no equality on the organisation,
// and ordered by (organisation_id, seq), only the composite index can give the rows and their order, whatever the plan.
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** The largest `seq` (bigint): the open end of a range. A literal, since a JavaScript number cannot hold it. */
const SEQ_MAX = sql.raw('9223372036854775807');

export interface OrganisationSeqColumns {
  readonly organisationId: SQLWrapper;
  readonly seq: SQLWrapper;
}

/** The organisation's events with `after` < seq and seq ≤ `upTo` (or seq < `before`); no bound above when neither.
 *  The organisation is an id, or a column of an outer query (a subquery run once per organisation). */
export function organisationSeqRange(
  columns: OrganisationSeqColumns,
  organisationId: string | SQL,
  after: number | SQL,
  above: { readonly upTo: number } | { readonly before: number } | null = null,
): SQL {
  const { organisationId: org, seq } = columns;
  const id = typeof organisationId === 'string' ? sql`${organisationId}::uuid` : organisationId;
  const low = sql`(${org}, ${seq}) > (${id}, ${after})`;
  if (above === null) return sql`${low} and (${org}, ${seq}) <= (${id}, ${SEQ_MAX})`;
  return 'upTo' in above
    ? sql`${low} and (${org}, ${seq}) <= (${id}, ${above.upTo})`
    : sql`${low} and (${org}, ${seq}) < (${id}, ${above.before})`;
}

/** The order of the composite index: seq order within the one organisation a range selects. */
export function organisationSeqOrder(columns: OrganisationSeqColumns, direction: 'asc' | 'desc'): SQL {
  return direction === 'asc'
    ? sql`${columns.organisationId} asc, ${columns.seq} asc`
    : sql`${columns.organisationId} desc, ${columns.seq} desc`;
}
