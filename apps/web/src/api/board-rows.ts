// Expands a compact board page (the server's cases/board-compact.ts) into the full rows the adapters read: each
// clock's rule text from the page's `rules`, and `holders` (left out when the responsible party alone holds the
// clock) as that party. A page in the full form (a test that answers for it) passes unchanged. The page's type is
// the procedure's output schema (trpc/outputs-cases.ts).
import type { ServerBoardRow } from './adapters';
import type { api } from './trpc';

type BoardPage = Awaited<ReturnType<typeof api.cases.board.query>>;

export function expandBoardRows(page: BoardPage): ServerBoardRow[] {
  if (!page.compact) return page.cases;
  const { rules } = page;
  return page.cases.map((row) => ({
    ...row,
    clocks: row.clocks.map((c) => ({ ...c, rule: rules[c.rule] ?? '', holders: c.holders ?? [c.responsible] })),
  }));
}
