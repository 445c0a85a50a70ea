// Text PostgreSQL cannot store: a NUL character (text and jsonb refuse it) and lone UTF-16 surrogates (jsonb refuses
// them; elsewhere they are garbage). Checked once at every boundary on the raw input, before zod, so every text field
// of every procedure, the intake and the socket gets the same clear 400 instead of a database error.
import { type AppError, appError } from './app-error';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is exactly what is looked for
const INVALID = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or object key) with a character that cannot be stored, or null. */
export function findInvalidText(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return INVALID.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (INVALID.test(key)) return [...path, key];
    const found = findInvalidText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function invalidTextError(path: readonly string[]): AppError {
  return appError('BAD_INPUT', 'text.invalid-character', { path }, { path });
}

/** Throws BAD_INPUT when any text of `value` cannot be stored. */
export function assertStorableText(value: unknown): void {
  const path = findInvalidText(value);
  if (path) throw invalidTextError(path);
}

/** Replaces what cannot be stored with U+FFFD: for citizens' messages from a monitoring system, which must not be
 *  lost because a network cut an emoji in half. */
export function repairText(value: string): string {
  return value.replace(new RegExp(INVALID.source, 'g'), '\uFFFD');
}

/** repairText over every string of a parsed JSON value; `repaired` tells whether anything changed. */
export function repairDeep(value: unknown): { value: unknown; repaired: boolean } {
  let repaired = false;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      const fixed = repairText(v);
      if (fixed !== v) repaired = true;
      return fixed;
    }
    if (v === null || typeof v !== 'object' || depth > 64) return v;
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [repairText(k), walk(item, depth + 1)]));
  };
  return { value: walk(value, 0), repaired };
}
