// The board rows live changes and catch-up pages carry: the board snapshot's compact rows (cases/board-compact.ts),
// so the web's board applies one row shape, and a live row is what a reload would show. A clock's rule is the key
// of an entry in the message's `rules` (each rule once per message), its derived fields are left out.
import type { ClockRules, LiveBoardRow } from '@otklik/contract';
import type { BoardRow } from '../cases/board';
import { compactBoardRows } from '../cases/board-compact';

/** The live board rows of `rows` by case id, and the rules their clocks name. */
export function toLiveBoardRows(rows: readonly BoardRow[]): { rows: Map<string, LiveBoardRow>; rules: ClockRules } {
  const { cases, rules } = compactBoardRows(rows);
  return { rows: new Map(cases.map((c) => [c.id, { view: 'board', ...c }])), rules };
}
