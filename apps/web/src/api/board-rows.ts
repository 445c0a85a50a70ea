// Expands a compact board page (the server's cases/board-compact.ts) into the rows the adapters read: each clock's
// rule from the page's `rules`, and `holders` (left out when the responsible party alone holds the clock) as that
// party. The page's type is the procedure's output schema (trpc/outputs-cases.ts); the web always asks for compact rows.
import type { BoardRowFields } from './adapters';
import type { api } from './trpc';

type BoardPage = Awaited<ReturnType<typeof api.cases.board.query>>;

export function expandBoardRows(page: BoardPage): BoardRowFields[] {
  // An internal fault, not the user's: the board asks with `compact: true` (api/board.ts).
  if (!page.compact) throw new Error('cases.board answered in the full form');
  const { rules } = page;
  return page.cases.map((row) => ({
    ...row,
    clocks: row.clocks.map((c) => ({ ...c, rule: rules[c.rule] ?? '', holders: c.holders ?? [c.responsible] })),
  }));
}
