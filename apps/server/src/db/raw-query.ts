// Plain SQL on either driver, for the operations that work below the schema (backup, restore, move): table
// lists, counts and catalogue queries that drizzle's typed builder has no words for.
import type { Database } from './connect';

export async function rawQuery<T extends Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (database.raw.kind === 'pglite') return (await database.raw.client.query<T>(text, params)).rows;
  // Cast: plain SQL has no schema to type its rows; the caller names the row shape it selected.
  return (await database.raw.client.unsafe(text, params as never[])) as unknown as T[];
}

/** Quotes an identifier read from the catalogue (table or column name) for use in SQL text. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The application's tables (schema public), in name order. */
export async function listTables(database: Database): Promise<string[]> {
  const rows = await rawQuery<{ name: string }>(
    database,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  return rows.map((r) => r.name);
}

/** Exact row counts of every application table. */
export async function tableCounts(database: Database): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of await listTables(database)) {
    const [row] = await rawQuery<{ n: number | string }>(database, `select count(*) as n from ${ident(table)}`);
    counts.set(table, Number(row?.n ?? 0));
  }
  return counts;
}

/** Rows in all tables together: 0 means a database with no data (perhaps migrated, perhaps not). */
export const totalRows = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** "cases 45, case_events 312, …" with the tables that hold rows first, for the operator to compare. */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  const entries = [...counts.entries()];
  const width = Math.max(0, ...entries.map(([t]) => t.length));
  return entries.map(([table, n]) => `  ${table.padEnd(width)}  ${n}`).join('\n');
}
