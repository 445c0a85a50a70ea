// The board: every open case of an organisation with its clocks, filterable, in pages (the inbox and the curator's
// queue are selections of its rows in the web app).
// While the responsible person is absent, the board shows their substitute as responsible (the domain's recipientOf).
import { type AbsenceSpan, type Actor, recipientOf } from '@otklik/domain';
import { and, arrayContains, asc, eq, gt, inArray, isNull, lte, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias, PgDialect } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { absences, cases, departments, people } from '../db/schema';
import type { SqlValue } from '../db/template-statement';
import { actorCondition } from './access';
import type { CompactClock, RuleTable } from './board-compact';
import { pgliteSnapshotRow } from './board-pglite';

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
  // A case routed to several departments: the link holding it now, or the parts in (domain chainProgress, kept
  // by the projection: the folded state is never read for the board).
  chain: cases.chain,
  isOpen: cases.isOpen,
  detectedAt: cases.detectedAt,
  postedAt: cases.postedAt,
  closedAt: cases.closedAt,
  updatedAt: cases.updatedAt,
};

type QueriedRow = Awaited<ReturnType<typeof boardQuery>>[number];
export type BoardRow = QueriedRow & {
  /** The person the clock names, when a substitute stands in for them (then responsiblePerson* is the substitute). */
  readonly absentPersonId: string | null;
};

/** What a named row (`ids`: a broadcast's changed cases, a catch-up page's) carries besides: its clocks in the
 *  snapshot's compact form and the rules they name, as the projection stored them (`board_clocks`, `board_rules`,
 *  the columns the snapshot reads), so a live row is built from them as the snapshot is, without hashing each
 *  clock's rule again. */
const compactColumns = { boardClocks: cases.boardClocks, boardRules: cases.boardRules };
export type NamedBoardRow = BoardRow & {
  readonly boardClocks: readonly CompactClock[];
  readonly boardRules: Readonly<RuleTable>;
};

const substitute = alias(people, 'substitute');

/** Who stands in for each person absent now, by the absent person's id. */
type StandIns = Readonly<Record<string, { readonly id: string; readonly name: string | null }>>;

/** Absences going on at `now` in the organisation, as the domain reads them, with each substitute's name (one
 *  statement: the board needs the name of whoever stands in). */
interface CurrentAbsences {
  readonly away: AbsenceSpan[];
  readonly nameOf: Map<string, string>;
}

/** The absences going on at `at` (ISO text) with each substitute's name, as one json column: a select of a few rows (the
 *  changed cases of a broadcast) carries them instead of a second statement. */
export function currentAbsencesColumn(organisationId: SqlValue<string>, at: SqlValue<string>) {
  return sql<unknown>`(select coalesce(json_agg(json_build_object('personId', a.person_id, 'substituteId', a.substitute_id, 'startsAt', floor(extract(epoch from a.starts_at) * 1000)::bigint, 'endsAt', floor(extract(epoch from a.ends_at) * 1000)::bigint, 'substituteName', s.full_name)), '[]') from absences a left join people s on s.id = a.substitute_id where a.organisation_id = ${organisationId} and a.starts_at <= ${at}::timestamptz and a.ends_at > ${at}::timestamptz)`;
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
 * The row as the board shows it, in one object per row (a board is thousands of rows): while the responsible person
 * is absent, their substitute as responsible (every notice for an absent person goes to the substitute; `standIns`:
 * who stands in for whom now, `standInsAt`).
 */
function toBoardRow<Q extends QueriedRow>(queried: Q, standIns: StandIns): Q & BoardRow {
  const absentId = queried.responsiblePersonId;
  const by = absentId ? standIns[absentId] : undefined;
  if (!by) return Object.assign(queried, { absentPersonId: null });
  return Object.assign(queried, {
    responsiblePersonId: by.id,
    responsiblePersonName: by.name ?? queried.responsiblePersonName,
    absentPersonId: absentId,
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

/** Columns read once with named rows (`listNamedRows`): any SQL of the organisation, not of a row. */
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

/** A few named rows (a broadcast's changed cases, a catch-up page's), with their compact clocks: the absences and
 *  the caller's organisation columns come along in the same statement, one json column each (repeated on the few
 *  rows). */
async function selectNamed(
  db: DbOrTx,
  organisationId: string,
  filters: BoardFilters & { readonly ids: string[] },
  limit: number,
  extra: OrganisationColumns,
): Promise<{ rows: NamedBoardRow[]; extra: Record<string, unknown> | null }> {
  const now = filters.now ?? Date.now();
  const named = await db
    .select({
      row: { ...boardColumns, ...compactColumns },
      away: currentAbsencesColumn(organisationId, new Date(now).toISOString()),
      extra,
    })
    .from(cases)
    .leftJoin(responsible, eq(responsible.id, cases.responsiblePersonId))
    .leftJoin(departments, eq(departments.id, cases.responsibleDepartmentId))
    .where(and(...boardConditions(organisationId, filters)))
    .orderBy(...BOARD_ORDER)
    .limit(limit);
  const standIns = standInsAt(toCurrentAbsences(fromJson(named[0]?.away ?? [])), now);
  return { rows: named.map((r) => toBoardRow(r.row, standIns)), extra: named[0]?.extra ?? null };
}

/** A named row from its columns as stored and the absences `currentAbsencesColumn` read with them (the command's
 *  own write gives both: realtime's live row without a read, cases/rows.ts writtenBoardRow), the way `selectNamed`
 *  makes its rows. */
export function toNamedRow(stored: Omit<NamedBoardRow, 'absentPersonId'>, away: unknown, now: number): NamedBoardRow {
  return toBoardRow(stored, standInsAt(toCurrentAbsences(fromJson(away ?? [])), now));
}

async function selectBoard(
  db: DbOrTx,
  organisationId: string,
  filters: BoardFilters,
  limit: number,
): Promise<{ rows: BoardRow[] }> {
  const { ids } = filters;
  if (ids) return selectNamed(db, organisationId, { ...filters, ids }, limit, {});
  const now = filters.now ?? Date.now();
  // Most urgent first; cases without a running clock last.
  const [rows, absent] = await Promise.all([
    boardQuery(db, and(...boardConditions(organisationId, filters)))
      .orderBy(...BOARD_ORDER)
      .limit(limit),
    currentAbsences(db, organisationId, now),
  ]);
  const standIns = standInsAt(absent, now);
  return { rows: rows.map((r) => toBoardRow(r, standIns)) };
}

/** One page of the board (the first unless `filters.after`); with `ids`, all of them. */
export async function listBoard(db: DbOrTx, organisationId: string, filters: BoardFilters = {}) {
  const limit = Math.min(filters.limit ?? BOARD_PAGE, BOARD_PAGE);
  return (await selectBoard(db, organisationId, filters, filters.ids ? Math.max(limit, filters.ids.length) : limit))
    .rows;
}

/** The named rows `filters.ids` (all of them) with their compact clocks, and the organisation's `extra` columns read
 *  in the same statement (null: no row). */
export function listNamedRows(
  db: DbOrTx,
  organisationId: string,
  filters: BoardFilters & { readonly ids: string[] },
  extra: OrganisationColumns = {},
) {
  return selectNamed(db, organisationId, filters, Math.max(filters.ids.length, 1), extra);
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

/** Who stands in for each absent person at `now` (the domain's recipientOf, substitutes of substitutes followed),
 *  with the name the board shows: the full rows (`toBoardRow`) and the snapshot's SQL swap them in (one rule, decided
 *  here). The one standing in is always the substitute of some absence going on now, so its name came with them. */
function standInsAt(absent: CurrentAbsences, now: number): StandIns {
  const map: Record<string, { id: string; name: string | null }> = {};
  for (const { personId } of absent.away) {
    const to = recipientOf(personId, absent.away, now);
    if (to !== personId) map[personId] = { id: to, name: absent.nameOf.get(to) ?? null };
  }
  return map;
}

/** The members of a snapshot row read at request time, as JSON texts: the responsible person (or the one standing
 *  in) with their name, the absent person, the department's name. The rest of the row is the case's `board_text`,
 *  written with the row by migration 0018's trigger. */
const readTimeMembers = (columns: { id: SQL; name: SQL; department: SQL; absent: SQL }) =>
  sql`'{"responsiblePersonId":' || ${columns.id} || ',"responsiblePersonName":' || ${columns.name}
      || ',"responsibleDepartmentName":' || ${columns.department} || ',"absentPersonId":' || ${columns.absent} || ','`;

/**
 * One page of the board snapshot as PostgreSQL's JSON text (GET /api/board, http/board-route.ts): each row the
 * compact row of board-compact.ts — the members read now (the stand-in for an absent person swapped in from
 * `standIns`, the names of the person and the department, each name's JSON text made once per person and department)
 * put in front of the row's `board_text`, the rest of the row as the trigger of migration 0018 wrote it with the case
 * (building each row's JSON here, column by column, was most of the embedded snapshot's time: BENCHMARKS.md note
 * 27). The rows are joined in the board's order with ",\n" (JSON whitespace: a raw newline never occurs inside a
 * JSON text), aggregated by the page's own columns so that PostgreSQL 16 and later (PGlite's 18) take them in the
 * order the page's scan gives them instead of sorting ~15 MB of text a second time (note 21). One value for the page,
 * so the driver reads one text instead of parsing 10,000 rows. The page's rules: one row for each distinct set of
 * rule keys (`board_rule_keys`; a key is a digest of its rule, so equal keys are equal rules), whose `board_rules`
 * alone are read. Whether more rows follow and the last row's cursor come in the same statement.
 */
function snapshotSql(organisationId: string, filters: BoardFilters, limit: number, standIns: StandIns): SQL {
  const boardText = sql.identifier('board_text');
  const ruleKeys = sql.identifier('board_rule_keys');
  const quoted = (id: SQL) => sql`'"' || ${id}::text || '"'`;
  const members = readTimeMembers({
    id: sql`coalesce(s.id, ${quoted(sql`${cases.responsiblePersonId}`)}, 'null')`,
    name: sql`coalesce(s.name, r.name, 'null')`,
    department: sql`coalesce(d.name, 'null')`,
    absent: sql`case when s.person is null then 'null' else ${quoted(sql`${cases.responsiblePersonId}`)} end`,
  });
  return sql`select a.rows as "rows",
      (select jsonb_agg(${cases.boardRules}) from ${cases}
        where ${cases.id} in (select e.v::uuid from jsonb_each_text(a.reps) as e(k, v)))::text as "rules",
      a.more as "more", a.last_due as "lastDue", a.last_number as "lastNumber"
    from (select
      string_agg(p.j, ${',\n'} order by p.due_at asc nulls last, p.number asc) filter (where p.n <= ${limit}) as rows,
      jsonb_object_agg(p.rule_keys, p.id) filter (where p.n <= ${limit} and p.rule_keys is not null) as reps,
      (count(*) > ${limit})::text as more,
      (max(p.due) filter (where p.n = ${limit}))::text as last_due,
      (max(p.number) filter (where p.n = ${limit}))::text as last_number
    from (
      select row_number() over (order by ${cases.dueAt} asc nulls last, ${cases.number} asc) as n,
        ${cases.id} as id, ${cases.dueAt} as due_at, ${epochMs(cases.dueAt)} as due, ${cases.number} as number,
        ${cases}.${ruleKeys} as rule_keys, ${members} || ${cases}.${boardText} as j
      from ${cases}
      left join (select ${people.id} as person, to_json(${people.fullName})::text as name from ${people} offset 0) as r
        on r.person = ${cases.responsiblePersonId}
      left join (select ${departments.id} as department, to_json(${departments.name})::text as name from ${departments}
        offset 0) as d on d.department = ${cases.responsibleDepartmentId}
      left join (select e.key::uuid as person, to_json((e.value ->> 'id')::uuid)::text as id,
          to_json(e.value ->> 'name')::text as name
        from jsonb_each(${JSON.stringify(standIns)}::jsonb) as e) as s on s.person = ${cases.responsiblePersonId}
      where ${and(...boardConditions(organisationId, filters))}
      order by ${sql.join(BOARD_ORDER, sql`, `)}
      limit ${limit + 1}
    ) as p) as a`;
}

const dialect = new PgDialect({ casing: 'snake_case' });

/** A cell of the snapshot's one row: the bytes PostgreSQL (postgres.js, read raw) or PGlite sent. */
type Cell = Buffer | null;
const text = (cell: Cell) => (cell === null ? null : cell.toString());

/** One page of the board snapshot, its rows as JSON text, and where the next one starts. */
export interface SnapshotPage {
  /** The compact rows as one JSON text (UTF-8), without the brackets (",\n" between rows); empty for no row. */
  readonly rows: Buffer;
  readonly rules: RuleTable;
  readonly nextCursor: BoardCursor | null;
}

/** One page of the board snapshot (the board's selection and order, as `listBoardPage`), built by PostgreSQL. */
export async function boardSnapshotPage(
  database: Database,
  organisationId: string,
  filters: BoardFilters = {},
): Promise<SnapshotPage> {
  const limit = Math.min(filters.limit ?? BOARD_PAGE, BOARD_PAGE);
  const now = filters.now ?? Date.now();
  const standIns = standInsAt(await currentAbsences(database.db, organisationId, now), now);
  const query = dialect.sqlToQuery(snapshotSql(organisationId, filters, limit, standIns));
  let cells: Cell[];
  if (database.raw.kind === 'postgres') {
    // Raw: the page's text as the bytes PostgreSQL sent, neither decoded nor parsed (it goes out as it came).
    const read = await database.raw.client.unsafe(query.sql, query.params as never[]).raw();
    cells = (read[0] ?? []) as Cell[];
  } else {
    // The same bytes from the embedded database's protocol output (board-pglite.ts).
    cells = await pgliteSnapshotRow(database.raw.client, query.sql, query.params);
  }
  const [rows, rulesText, more, lastDue, lastNumber] = cells;
  const rules: RuleTable = {};
  for (const part of fromJson<RuleTable[] | null>(text(rulesText ?? null)) ?? []) Object.assign(rules, part);
  const nextCursor =
    text(more ?? null) === 'true'
      ? { dueAt: lastDue ? Number(text(lastDue)) : null, number: Number(text(lastNumber ?? null)) }
      : null;
  return { rows: rows ?? Buffer.alloc(0), rules, nextCursor };
}
