// Expands a page of the board snapshot (GET /api/board; the server's cases/board-compact.ts) into the rows the
// adapters read: each clock's rule from the page's `rules` by its key, and `holders` (left out when the responsible
// party alone holds the clock) as that party. The page's type is the server's `zBoardSnapshotPage`.
import type { BoardSnapshotPage } from '@otklik/server/client';
import { type BoardRowFields, expandClocks } from './adapters';

export function expandBoardRows(page: BoardSnapshotPage): BoardRowFields[] {
  return page.cases.map((row) => ({ ...row, clocks: expandClocks(row.clocks, page.rules) }));
}
