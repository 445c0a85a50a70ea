// `otklik move-to-postgres`: copies the embedded database into an empty, freshly migrated PostgreSQL database.
// Every table is streamed with COPY in pages (progress per page) inside one target transaction; before it
// commits, the per-table row counts are compared with the source and every case's projection is checked against
// the fold of its events. Any difference rolls the whole copy back, leaving the target empty.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { MessageLang } from '@otklik/contract';
import postgres from 'postgres';
import { cliLang, say } from '../cli/messages';
import { hasPgliteDatabase, openDatabase, redactUrl } from '../db/connect';
import { migrateDatabase } from '../db/migrate';
import { ident, listTables, rawQuery, tableCounts, totalRows } from '../db/raw-query';
import { replayCheck } from './replay-check';

export type MoveProgress = (line: string) => void;

export interface MoveResult {
  readonly counts: Map<string, number>;
  readonly casesChecked: number;
  readonly target: string;
}

/** Rows per COPY page: big enough to be quick, small enough to show progress and keep memory flat. */
const PAGE_ROWS = 5_000;

interface ForeignKey {
  readonly table: string;
  readonly references: string;
  readonly columns: string[];
  readonly nullable: boolean;
}

/** Orders tables so every referenced table comes first; a cycle is broken by filling nullable columns later. */
export function copyOrder(
  tables: readonly string[],
  keys: readonly ForeignKey[],
): { order: string[]; deferred: Map<string, Set<string>> } {
  const deferred = new Map<string, Set<string>>();
  const isDeferred = (fk: ForeignKey) => fk.columns.every((c) => deferred.get(fk.table)?.has(c));
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = new Set(tables);
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) =>
      keys.every(
        (fk) => fk.table !== t || placed.has(fk.references) || !remaining.has(fk.references) || isDeferred(fk),
      ),
    );
    if (ready !== undefined) {
      order.push(ready);
      placed.add(ready);
      remaining.delete(ready);
      continue;
    }
    const breakable = keys.find(
      (fk) => remaining.has(fk.table) && remaining.has(fk.references) && fk.nullable && !isDeferred(fk),
    );
    if (!breakable) {
      throw new Error(`cannot order the tables: a cycle of required foreign keys among ${[...remaining].join(', ')}`);
    }
    const set = deferred.get(breakable.table) ?? new Set<string>();
    for (const c of breakable.columns) set.add(c);
    deferred.set(breakable.table, set);
  }
  return { order, deferred };
}

type Sql = postgres.Sql | postgres.TransactionSql;

export async function moveToPostgres(options: {
  dataDir: string;
  targetUrl: string;
  log?: MoveProgress;
  /** The language of the progress lines and errors (the CLI's, OTKLIK_LANG, by default). */
  lang?: MessageLang;
}): Promise<MoveResult> {
  const log = options.log ?? (() => {});
  const lang = options.lang ?? cliLang();
  if (!hasPgliteDatabase(options.dataDir)) throw new Error(say('move.no-database', { dir: options.dataDir }, lang));
  const source = await openDatabase({ kind: 'pglite', dataDir: options.dataDir });
  try {
    log(say('move.source-schema', {}, lang));
    await migrateDatabase(source);
    const target = await openDatabase({ kind: 'postgres', url: options.targetUrl, settings: { poolSize: 2 } });
    try {
      log(say('move.target-migrations', { target: target.description }, lang));
      await migrateDatabase(target);
      const before = await tableCounts(target);
      if (totalRows(before) > 0) {
        const rows = [...before.entries()].filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`);
        throw new Error(say('move.target-not-empty', { rows: rows.slice(0, 6).join(', ') }, lang));
      }
    } finally {
      await target.close();
    }
    return await copyAll(source, options.targetUrl, log, lang);
  } finally {
    await source.close();
  }
}

async function copyAll(
  source: Awaited<ReturnType<typeof openDatabase>>,
  targetUrl: string,
  log: MoveProgress,
  lang: MessageLang,
): Promise<MoveResult> {
  const pglite = (source.raw as { client: PGlite }).client;
  const tables = await listTables(source);
  const keys = await foreignKeys(source);
  const { order, deferred } = copyOrder(tables, keys);
  const sourceCounts = await tableCounts(source);
  const sql = postgres(targetUrl, { max: 1, onnotice: () => {} });
  try {
    const targetTables = new Set(
      (
        await sql<{ name: string }[]>`
          select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p')`
      ).map((r) => r.name),
    );
    const missing = tables.filter((t) => !targetTables.has(t));
    if (missing.length > 0) throw new Error(`the target has no table ${missing.join(', ')} after migrating`);
    let casesChecked = 0;
    await sql.begin(async (tx) => {
      for (const table of order) {
        const columns = await columnsOf(source, table);
        const later = deferred.get(table) ?? new Set<string>();
        const total = sourceCounts.get(table) ?? 0;
        const select = columns.map((c) => (later.has(c) ? `null as ${ident(c)}` : ident(c))).join(', ');
        for (let offset = 0; offset < total; offset += PAGE_ROWS) {
          const page = await pglite.query(
            `copy (select ${select} from ${ident(table)} order by ctid limit ${PAGE_ROWS} offset ${offset}) to '/dev/blob'`,
          );
          const data = Buffer.from(await page.blob!.arrayBuffer());
          const writable = await tx
            .unsafe(`copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin`)
            .writable();
          await pipeline(Readable.from([data]), writable);
          log(`  ${table}: ${Math.min(offset + PAGE_ROWS, total)} / ${total}`);
        }
        if (total === 0) log(`  ${table}: 0`);
      }
      for (const [table, columns] of deferred) await fillDeferred(source, tx, table, [...columns], log, lang);
      await resetSequences(tx);

      log(say('move.verifying-counts', {}, lang));
      for (const table of order) {
        const [row] = await tx.unsafe<{ n: string }[]>(`select count(*) as n from ${ident(table)}`);
        const n = Number(row?.n ?? 0);
        if (n !== (sourceCounts.get(table) ?? 0)) {
          throw new Error(`counts differ in ${table}: source ${sourceCounts.get(table)}, target ${n}`);
        }
      }
      log(say('move.replaying', {}, lang));
      const checked = await replayCheck(
        async (text, params) => (await tx.unsafe(text, (params ?? []) as never[])) as never,
        (done, all) => log(`  ${done} / ${all}`),
      );
      if (checked.mismatches.length > 0) {
        const numbers = checked.mismatches.slice(0, 10).map((m) => `№ ${m.number}`);
        throw new Error(
          say('move.projection-differs', { count: checked.mismatches.length, numbers: numbers.join(', ') }, lang),
        );
      }
      casesChecked = checked.checked;
    });
    return { counts: sourceCounts, casesChecked, target: redactUrl(targetUrl) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function columnsOf(database: Awaited<ReturnType<typeof openDatabase>>, table: string): Promise<string[]> {
  const rows = await rawQuery<{ name: string }>(
    database,
    `select a.attname as name from pg_attribute a
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`,
    [`public.${ident(table)}`],
  );
  return rows.map((r) => r.name);
}

async function foreignKeys(database: Awaited<ReturnType<typeof openDatabase>>): Promise<ForeignKey[]> {
  const rows = await rawQuery<{ tbl: string; ref: string; columns: string[]; nullable: boolean }>(
    database,
    `select c.conrelid::regclass::text as tbl, c.confrelid::regclass::text as ref,
            array(select a.attname from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any(c.conkey))
              as columns,
            bool_and(not a2.attnotnull) as nullable
       from pg_constraint c
       join pg_attribute a2 on a2.attrelid = c.conrelid and a2.attnum = any(c.conkey)
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      group by c.oid, c.conrelid, c.confrelid, c.conkey`,
  );
  const bare = (name: string) => name.replace(/^public\./, '').replace(/^"(.*)"$/, '$1');
  return rows.map((r) => ({ table: bare(r.tbl), references: bare(r.ref), columns: r.columns, nullable: r.nullable }));
}

async function primaryKey(database: Awaited<ReturnType<typeof openDatabase>>, table: string): Promise<string[]> {
  const rows = await rawQuery<{ name: string }>(
    database,
    `select a.attname as name from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = $1::regclass and i.indisprimary`,
    [`public.${ident(table)}`],
  );
  return rows.map((r) => r.name);
}

/** Sets the columns left null to break a foreign-key cycle, now that every referenced row exists. */
async function fillDeferred(
  source: Awaited<ReturnType<typeof openDatabase>>,
  tx: Sql,
  table: string,
  columns: string[],
  log: MoveProgress,
  lang: MessageLang,
): Promise<void> {
  const pk = await primaryKey(source, table);
  if (pk.length === 0) throw new Error(`table ${table} has no primary key to fill its deferred references`);
  const rows = await rawQuery<Record<string, unknown>>(
    source,
    `select ${[...pk, ...columns].map(ident).join(', ')} from ${ident(table)}
      where ${columns.map((c) => `${ident(c)} is not null`).join(' or ')}`,
  );
  const set = columns.map((c, i) => `${ident(c)} = $${i + 1}`).join(', ');
  const where = pk.map((c, i) => `${ident(c)} = $${columns.length + i + 1}`).join(' and ');
  for (const row of rows) {
    await tx.unsafe(`update ${ident(table)} set ${set} where ${where}`, [
      ...columns.map((c) => row[c]),
      ...pk.map((c) => row[c]),
    ] as never[]);
  }
  log(say('move.references-filled', { table, n: rows.length, columns: columns.join(', ') }, lang));
}

/** Serial columns continue after the copied rows (the next case number, the next event seq). */
async function resetSequences(tx: Sql): Promise<void> {
  const serials = await tx<{ tbl: string; col: string; seq: string }[]>`
    select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where c.relkind = 'r' and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`;
  for (const s of serials) {
    await tx.unsafe(
      `select setval($1::regclass, coalesce((select max(${ident(s.col)}) from ${ident(s.tbl)}), 1),
                     (select max(${ident(s.col)}) from ${ident(s.tbl)}) is not null)`,
      [s.seq],
    );
  }
}
