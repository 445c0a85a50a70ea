// What the two drivers give back differently, read one way: PGlite (embedded) and postgres.js (a server).

/** drizzle's `execute` returns the rows (postgres-js) or `{ rows }` (PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A json value built in SQL: parsed by one driver, text from the other. */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
