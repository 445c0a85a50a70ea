// Expands a compact board page (the server's cases/board-compact.ts) into the full rows the adapters read: each
// clock's rule text from the page's `rules`, and `holders` (left out when the responsible party alone holds the
// clock) as that party. A page in the full form (an older server, a test that answers for it) passes unchanged.
import type { ServerBoardRow } from './adapters';

interface CompactPage {
  readonly cases: readonly unknown[];
  readonly rules?: readonly string[];
}

type RawClock = Record<string, unknown>;

export function expandBoardRows(page: CompactPage): ServerBoardRow[] {
  const rules = page.rules;
  if (!Array.isArray(rules)) return page.cases as ServerBoardRow[];
  return (page.cases as (ServerBoardRow & { clocks?: unknown })[]).map((row) => ({
    ...row,
    clocks: Array.isArray(row.clocks)
      ? row.clocks.map((c: RawClock) => ({
          ...c,
          rule: typeof c.rule === 'number' ? (rules[c.rule] ?? '') : c.rule,
          holders: Array.isArray(c.holders) ? c.holders : c.responsible ? [c.responsible] : [],
        }))
      : row.clocks,
  }));
}
