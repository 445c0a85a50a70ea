// Test helper: counts the SQL statements drizzle sends (both drivers pass every query through
// PgPreparedQuery#queryWithCache, the method metrics/db-timing.ts times) and the transactions it opens, while a
// recording is running. A count is behaviour, not timing: tests may assert it.
import { PgDatabase, PgPreparedQuery } from 'drizzle-orm/pg-core';

export interface StatementRecording {
  /** The SQL text of every statement, in the order sent. */
  readonly statements: string[];
  /** Each statement's parameters, in the same order. */
  readonly params: unknown[][];
  transactions: number;
}

let current: StatementRecording | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  // Cast: the methods wrapped here are drizzle internals its public types do not list.
  const query = PgPreparedQuery.prototype as unknown as {
    queryWithCache: (this: unknown, queryString: string, params: unknown[], run: () => Promise<unknown>) => unknown;
  };
  const originalQuery = query.queryWithCache;
  query.queryWithCache = function counted(queryString, params, run) {
    current?.statements.push(queryString);
    current?.params.push(params);
    return originalQuery.call(this, queryString, params, run);
  };
  // Top-level transactions (a nested one is a savepoint of its driver's transaction class, not counted).
  const db = PgDatabase.prototype as unknown as { transaction: (this: unknown, ...args: unknown[]) => unknown };
  const originalTransaction = db.transaction;
  db.transaction = function countedTransaction(...args) {
    if (current) current.transactions++;
    return originalTransaction.call(this, ...args);
  };
}

/** Records what `fn` (and whatever it awaits) sends to the database. Not for concurrent use. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; recording: StatementRecording }> {
  install();
  const recording: StatementRecording = { statements: [], params: [], transactions: 0 };
  current = recording;
  try {
    const result = await fn();
    return { result, recording };
  } finally {
    current = null;
  }
}
