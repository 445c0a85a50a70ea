// The board: every open case of an organisation with its clocks, filterable, in pages (the inbox and the curator's
// queue are selections of its rows in the web app).
// While the responsible person is absent, the board shows their substitute as responsible (the domain's recipientOf).
import {
  type AbsenceSpan,
  type Actor,
  type ChainProgress,
  type Clock,
  chainProgress,
  type Responsible,
  recipientOf,
} from '@otklik/domain';
import { and, arrayContains, asc, eq, gt, inArray, isNull, lte, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { absences, cases, departments, people } from '../db/schema';
import { actorCondition } from './access';
import type { CompactClock } from './board-compact';
import type { boardShownColumns } from './rows';

export interface BoardFilters {
  departmentId?: string;
  /** ordinary | fast-track, or 'high' for the high-importance flag (krasnoufimsk p.8.3). */
  category?: string;
  status?: string;
  network?: string;
  topic?: string;
  /** Include closed cases (most recent first); default only open ones. */
  includeClosed?: boolean;
  /** Only these cases (the changes feed). */
  ids?: string[];
  /** Only the cases this person may see (domain canSeeCase); absent for the wall display and the system. */
  visibleTo?: Actor;
  /** The instant absences are judged at (the board shows a substitute as responsible); default: now. */
  now?: number;
  /** Page size (default and most: BOARD_PAGE); with `ids`, at least their number. */
  limit?: number;
  /** The page after this row (`nextCursor` of the previous page). */
  after?: BoardCursor;
}

/** Rows per page of the board. A bigger board comes in several pages: no case is ever left out. */
export const BOARD_PAGE = 10_000;

/** Where a page ended, in the board's order (due instant, nulls last, then number). */
export interface BoardCursor {
  readonly dueAt: number | null;
  readonly number: number;
}

export function cursorAfter(row: { dueAt: Date | null; number: number }): BoardCursor {
  return { dueAt: row.dueAt?.getTime() ?? null, number: row.number };
}

/** The rows that follow `c` in the board's order. */
function after(c: BoardCursor): SQL {
  if (c.dueAt === null) return and(isNull(cases.dueAt), gt(cases.number, c.number)) as SQL;
  const due = new Date(c.dueAt);
  return or(gt(cases.dueAt, due), and(eq(cases.dueAt, due), gt(cases.number, c.number)), isNull(cases.dueAt)) as SQL;
}

const responsible = alias(people, 'responsible');

/** The board's order as SQL (most urgent first; cases without a running clock last): the order of every page. */
const BOARD_ORDER = [sql`${cases.dueAt} asc nulls last`, asc(cases.number)];

/** The columns the board and the inbox show; the text is cut so 10,000 cases stay a reasonable payload. */
const boardColumns = {
  id: cases.id,
  number: cases.number,
  organisationId: cases.organisationId,
  version: cases.version,
  status: cases.status,
  currentStep: cases.currentStep,
  dueAt: cases.dueAt,
  responsiblePersonId: cases.responsiblePersonId,
  responsiblePersonName: responsible.fullName,
  responsibleDepartmentId: cases.responsibleDepartmentId,
  responsibleDepartmentName: departments.name,
  departmentIds: cases.departmentIds,
  executorIds: cases.executorIds,
  partyDepartmentIds: cases.partyDepartmentIds,
  partyExecutorIds: cases.partyExecutorIds,
  category: cases.category,
  topic: cases.topic,
  location: cases.location,
  network: cases.network,
  url: cases.url,
  author: cases.author,
  excerpt: sql<string>`left(${cases.text}, 280)`,
  isPublic: cases.isPublic,
  flags: cases.flags,
  clocks: cases.clocks,
  // Only what the chain's progress needs of the folded state: the mode and when each part was sent.
  chainMode: sql<string | null>`${cases.state}->>'mode'`,
  chainSent: sql<unknown>`jsonb_path_query_array(${cases.state}, '$.assignments[*].contributedAt')`,
  isOpen: cases.isOpen,
  detectedAt: cases.detectedAt,
  postedAt: cases.postedAt,
  closedAt: cases.closedAt,
  updatedAt: cases.updatedAt,
};

type QueriedRow = Awaited<ReturnType<typeof boardQuery>>[number];
type RawRow = Omit<QueriedRow, 'chainMode' | 'chainSent'> & {
  /** A case routed to several departments: the link holding it now, or the parts in (domain chainProgress). */
  readonly chain: ChainProgress | null;
};
export type BoardRow = RawRow & {
  /** The person the clock names, when a substitute stands in for them (then responsiblePerson* is the substitute). */
  readonly absentPersonId: string | null;
};

const substitute = alias(people, 'substitute');

/** Absences going on at `now` in the organisation, as the domain reads them, with each substitute's name (one
 *  statement: the board needs the name of whoever stands in). */
interface CurrentAbsences {
  readonly away: AbsenceSpan[];
  readonly nameOf: Map<string, string>;
}

/** The absences going on at `now` with each substitute's name, as one json column: a select of a few rows (the
 *  changed cases of a broadcast) carries them instead of a second statement. */
function currentAbsencesColumn(organisationId: string, now: number) {
  return sql<unknown>`(select coalesce(json_agg(json_build_object('personId', a.person_id, 'substituteId', a.substitute_id, 'startsAt', floor(extract(epoch from a.starts_at) * 1000)::bigint, 'endsAt', floor(extract(epoch from a.ends_at) * 1000)::bigint, 'substituteName', s.full_name)), '[]') from absences a left join people s on s.id = a.substitute_id where a.organisation_id = ${organisationId} and a.starts_at <= ${new Date(now).toISOString()}::timestamptz and a.ends_at > ${new Date(now).toISOString()}::timestamptz)`;
}

function toCurrentAbsences(
  rows: readonly {
    personId: string;
    substituteId: string;
    startsAt: Date | number | string;
    endsAt: Date | number | string;
    substituteName: string | null;
  }[],
): CurrentAbsences {
  const nameOf = new Map<string, string>();
  for (const a of rows) if (a.substituteName !== null) nameOf.set(a.substituteId, a.substituteName);
  const away = rows.map((a) => ({
    personId: a.personId,
    substituteId: a.substituteId,
    startsAt: a.startsAt instanceof Date ? a.startsAt.getTime() : Number(a.startsAt),
    endsAt: a.endsAt instanceof Date ? a.endsAt.getTime() : Number(a.endsAt),
  }));
  return { away, nameOf };
}

async function currentAbsences(db: DbOrTx, organisationId: string, now: number): Promise<CurrentAbsences> {
  const at = new Date(now);
  const rows = await db
    .select({
      personId: absences.personId,
      substituteId: absences.substituteId,
      startsAt: absences.startsAt,
      endsAt: absences.endsAt,
      substituteName: substitute.fullName,
    })
    .from(absences)
    .leftJoin(substitute, eq(substitute.id, absences.substituteId))
    .where(and(eq(absences.organisationId, organisationId), lte(absences.startsAt, at), gt(absences.endsAt, at)));
  return toCurrentAbsences(rows);
}

/**
 * The row as the board shows it, in one object per row (a board is thousands of rows): the chain's progress from the
 * two fields read of the folded state, and, while the responsible person is absent, their substitute as responsible
 * (every notice for an absent person goes to the substitute).
 */
function toBoardRow({ chainMode, chainSent, ...queried }: QueriedRow, absent: CurrentAbsences, now: number): BoardRow {
  const row = Object.assign(queried, {
    chain: chainOf(chainMode, chainSent),
    absentPersonId: null as string | null,
  });
  return standIn(row, absent, now);
}

/** While the responsible person is absent, their substitute as responsible (changes `row`, and returns it). */
function standIn<
  R extends { responsiblePersonId: string | null; responsiblePersonName: string | null; absentPersonId: string | null },
>(row: R, absent: CurrentAbsences, now: number): R {
  const responsibleId = row.responsiblePersonId;
  if (absent.away.length === 0 || !responsibleId) return row;
  // The one standing in is always the substitute of some absence going on now, so its name came with them.
  const to = recipientOf(responsibleId, absent.away, now);
  if (to === responsibleId) return row;
  row.responsiblePersonId = to;
  row.responsiblePersonName = absent.nameOf.get(to) ?? row.responsiblePersonName;
  row.absentPersonId = responsibleId;
  return row;
}

/** The chain's progress from the two fields read of the folded state (the mode, when each part was sent). */
function chainOf(chainMode: string | null, chainSent: unknown): ChainProgress | null {
  const mode = chainMode === 'sequential' || chainMode === 'parallel' ? chainMode : null;
  const sent = Array.isArray(chainSent) ? chainSent : [];
  return chainProgress({
    mode,
    assignments: sent.map((at) => ({ contributedAt: typeof at === 'number' ? at : null })),
  });
}

function boardQuery(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(boardColumns)
    .from(cases)
    .leftJoin(responsible, eq(responsible.id, cases.responsiblePersonId))
    .leftJoin(departments, eq(departments.id, cases.responsibleDepartmentId))
    .where(where);
}

/** The part of `BoardFilters` a wall display is configured with (its token's filters). */
export type WallFilters = Pick<BoardFilters, 'departmentId' | 'category'>;

/** Whether a projected row passes a wall's filters: the same conditions `selectBoard` puts in SQL, for a row a live
 *  change carries (a wall filtered to one department drops a case that left it). */
export function matchesWallFilters(
  row: Pick<BoardRow, 'departmentIds' | 'category' | 'flags'>,
  filters: WallFilters,
): boolean {
  if (filters.departmentId && !row.departmentIds.includes(filters.departmentId)) return false;
  if (filters.category === 'high') return row.flags.includes('high');
  return !filters.category || row.category === filters.category;
}

/** Columns read once with named rows (`listBoardWith`): any SQL of the organisation, not of a row. */
export type OrganisationColumns = Record<string, SQL<unknown>>;

/** The conditions of a board selection (the organisation, open or all, the filters, visibility, the page). */
function boardConditions(organisationId: string, filters: BoardFilters): SQL[] {
  const conditions: SQL[] = [eq(cases.organisationId, organisationId)];
  if (!filters.includeClosed) conditions.push(eq(cases.isOpen, true));
  if (filters.departmentId) conditions.push(arrayContains(cases.departmentIds, [filters.departmentId]));
  if (filters.category === 'high') conditions.push(arrayContains(cases.flags, ['high']));
  else if (filters.category) conditions.push(eq(cases.category, filters.category));
  if (filters.status) conditions.push(eq(cases.status, filters.status));
  if (filters.network) conditions.push(eq(cases.network, filters.network));
  if (filters.topic) conditions.push(eq(cases.topic, filters.topic));
  if (filters.ids) conditions.push(inArray(cases.id, filters.ids));
  if (filters.visibleTo) {
    const visible = actorCondition(filters.visibleTo);
    if (visible) conditions.push(visible);
  }
  if (filters.after) conditions.push(after(filters.after));
  return conditions;
}

async function selectBoard(
  db: DbOrTx,
  organisationId: string,
  filters: BoardFilters,
  limit: number,
  extra: OrganisationColumns = {},
): Promise<{ rows: BoardRow[]; extra: Record<string, unknown> | null }> {
  const conditions = boardConditions(organisationId, filters);
  const now = filters.now ?? Date.now();
  // Most urgent first; cases without a running clock last.
  const order = BOARD_ORDER;
  if (filters.ids) {
    // A few named rows (a broadcast's changed cases, a catch-up): the absences and the caller's organisation
    // columns come along in the same statement, one json column each (repeated on the few rows).
    const named = await db
      .select({ row: boardColumns, away: currentAbsencesColumn(organisationId, now), extra })
      .from(cases)
      .leftJoin(responsible, eq(responsible.id, cases.responsiblePersonId))
      .leftJoin(departments, eq(departments.id, cases.responsibleDepartmentId))
      .where(and(...conditions))
      .orderBy(...order)
      .limit(limit);
    const absent = toCurrentAbsences(fromJson(named[0]?.away ?? []));
    return { rows: named.map((r) => toBoardRow(r.row, absent, now)), extra: named[0]?.extra ?? null };
  }
  const [rows, absent] = await Promise.all([
    boardQuery(db, and(...conditions))
      .orderBy(...order)
      .limit(limit),
    currentAbsences(db, organisationId, now),
  ]);
  return { rows: rows.map((r) => toBoardRow(r, absent, now)), extra: null };
}

/** One page of the board (the first unless `filters.after`); with `ids`, all of them. */
export async function listBoard(db: DbOrTx, organisationId: string, filters: BoardFilters = {}) {
  return (await listBoardWith(db, organisationId, filters)).rows;
}

/** `listBoard`, and with `ids` the organisation's `extra` columns read in the same statement (null: no row). */
export function listBoardWith(
  db: DbOrTx,
  organisationId: string,
  filters: BoardFilters,
  extra: OrganisationColumns = {},
) {
  const limit = Math.min(filters.limit ?? BOARD_PAGE, BOARD_PAGE);
  return selectBoard(db, organisationId, filters, filters.ids ? Math.max(limit, filters.ids.length) : limit, extra);
}

/** One page of the board and where the next one starts (null: this was the last). */
export async function listBoardPage(db: DbOrTx, organisationId: string, filters: BoardFilters = {}) {
  const limit = Math.min(filters.limit ?? BOARD_PAGE, BOARD_PAGE);
  // One row more than the page tells whether another page follows.
  const { rows } = await selectBoard(db, organisationId, filters, limit + 1);
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: cursorAfter(page.at(-1)!) };
}

/** Every page of the board, for a server-side reader that must see all of it (a wall display's snapshot). */
export async function listBoardAll(db: DbOrTx, organisationId: string, filters: BoardFilters = {}) {
  const all: BoardRow[] = [];
  let cursor: BoardCursor | undefined;
  do {
    const page = await listBoardPage(db, organisationId, { ...filters, after: cursor });
    all.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Epoch milliseconds of an instant column, as a JSON number built in SQL. */
const epochMs = (column: SQLWrapper) => sql`(floor(extract(epoch from ${column}) * 1000))::bigint`;

/**
 * A compact board row (cases/board-compact.ts) built by PostgreSQL as one JSON value: the shown columns, instants in
 * epoch ms, each clock with only the fields the board reads (`holders` still in: left out in Node with the rule's
 * index). What Node does per row is one JSON parse, the chain's progress, the stand-in and the rule's index.
 */
const compactRowJson = sql<unknown>`json_build_object(
  'id', ${cases.id}, 'number', ${cases.number}, 'organisationId', ${cases.organisationId}, 'version', ${cases.version},
  'status', ${cases.status}, 'currentStep', ${cases.currentStep}, 'dueAt', ${epochMs(cases.dueAt)},
  'responsiblePersonId', ${cases.responsiblePersonId}, 'responsiblePersonName', ${responsible.fullName},
  'responsibleDepartmentId', ${cases.responsibleDepartmentId}, 'responsibleDepartmentName', ${departments.name},
  'absentPersonId', null, 'departmentIds', ${cases.departmentIds}, 'executorIds', ${cases.executorIds},
  'category', ${cases.category}, 'topic', ${cases.topic}, 'location', ${cases.location}, 'network', ${cases.network},
  'author', ${cases.author}, 'excerpt', left(${cases.text}, 280), 'flags', ${cases.flags},
  'clocks', (select coalesce(json_agg(json_build_object(
      'id', c->'id', 'step', c->'step', 'kind', c->'kind', 'startedAt', c->'startedAt', 'dueAt', c->'dueAt',
      'atRiskAt', c->'atRiskAt', 'confirmed', c->'confirmed', 'status', c->'status', 'responsible', c->'responsible',
      'holders', c->'holders', 'holder', c->'holder', 'rule', coalesce(c->'rule', '""'::jsonb)) order by o), '[]')
    from jsonb_array_elements(${cases.clocks}) with ordinality as x(c, o)),
  'chain', null, 'isOpen', ${cases.isOpen}, 'detectedAt', ${epochMs(cases.detectedAt)})`;

/** A compact row as PostgreSQL builds it: `rule` still the rule itself, `holders` always there (board-compact.ts). */
export type CompactRowFromSql = Omit<ReturnType<typeof boardShownColumns<CompactClockFromSql[]>>, 'chain'> & {
  chain: ChainProgress | null;
};
export type CompactClockFromSql = Omit<CompactClock, 'rule' | 'holders'> & {
  rule: Clock['rule'] | number;
  holders?: readonly Responsible[] | null;
};

/** One page of the board as compact rows built in SQL (`listBoardPage` with the full rows), and where the next one
 *  starts. The rows' clocks still carry their rule: `compactBoardPage` (board-compact.ts) indexes them. */
export async function listCompactBoardRows(db: DbOrTx, organisationId: string, filters: BoardFilters = {}) {
  const limit = Math.min(filters.limit ?? BOARD_PAGE, BOARD_PAGE);
  const now = filters.now ?? Date.now();
  const [read, absent] = await Promise.all([
    db
      .select({
        row: compactRowJson,
        chainMode: boardColumns.chainMode,
        chainSent: boardColumns.chainSent,
      })
      .from(cases)
      .leftJoin(responsible, eq(responsible.id, cases.responsiblePersonId))
      .leftJoin(departments, eq(departments.id, cases.responsibleDepartmentId))
      .where(and(...boardConditions(organisationId, filters)))
      .orderBy(...BOARD_ORDER)
      // One row more than the page tells whether another page follows.
      .limit(limit + 1),
    currentAbsences(db, organisationId, now),
  ]);
  const rows: CompactRowFromSql[] = [];
  for (let i = 0; i < Math.min(read.length, limit); i++) {
    const r = read[i] as (typeof read)[number];
    const row = fromJson<CompactRowFromSql>(r.row);
    // Both drivers give a bigint column inside JSON as a number (epoch ms fit).
    row.chain = chainOf(r.chainMode, fromJson(r.chainSent));
    rows.push(standIn(row, absent, now));
  }
  const last = rows.at(-1);
  const nextCursor: BoardCursor | null =
    read.length > limit && last ? { dueAt: last.dueAt, number: last.number } : null;
  return { rows, nextCursor };
}
