// A raw statement whose text is built once per shape: drizzle builds a statement's text and parameter list by walking
// every chunk of its `sql` template (`sqlToQuery`), and for a command's write, rebuilt on every command, that walk
// was ~5 % of the server's CPU a command (BENCHMARKS.md note 33). Written with placeholders for what changes between
// calls, the statement is built the first time its shape is seen; each call fills the placeholders with its values
// and runs through the driver's session like any other drizzle statement (timed and counted, metrics/db-timing.ts;
// prepared on its second run, db/postgres-statements.ts).
import type { Placeholder, Query, SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './connect';

/** A value written into a statement, or the placeholder that stands for it in a template. */
export type SqlValue<T> = T | Placeholder;

/** Shapes kept at most (each a text and a parameter list); past it the map starts again. */
const SHAPES_KEPT = 200;
const built = new Map<string, Query>();

/**
 * Runs `build()`'s statement with `values` for its placeholders. `shape` names everything `build` varies on but the
 * placeholders' values (the same shape must always build the same text); null builds it afresh (a statement with
 * values written into it). Resolves as `db.execute` does on the handle's driver.
 */
export function executeTemplate(
  db: DbOrTx,
  shape: string | null,
  build: () => SQL,
  values: Record<string, unknown>,
): Promise<unknown> {
  // drizzle's handle keeps its dialect and session as members it does not type (the same on a transaction).
  const { dialect, session } = db as unknown as { dialect: PgDialect; session: PgSession };
  let query = shape === null ? undefined : built.get(shape);
  if (!query) {
    query = dialect.sqlToQuery(build());
    if (shape !== null) {
      if (built.size >= SHAPES_KEPT) built.clear();
      built.set(shape, query);
    }
  }
  return session.prepareQuery(query, undefined, undefined, false).execute(values);
}
