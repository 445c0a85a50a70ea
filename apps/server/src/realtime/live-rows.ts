// The board rows live changes and catch-up pages carry: the board snapshot's compact rows (cases/board-compact.ts,
// read-only here), so the web's board applies one row shape, and a live row is what a reload would show. A clock's
// rule is an index into the message's `rules` (each rule once per message), its derived fields are left out.
import type { LiveBoardRow } from '@otklik/contract';
import type { Clock } from '@otklik/domain';
import type { BoardRow } from '../cases/board';
import { compactBoardRows } from '../cases/board-compact';

/** The live board rows of `rows` by case id, and the rules their clocks refer to. */
export function toLiveBoardRows(rows: readonly BoardRow[]): {
  rows: Map<string, LiveBoardRow>;
  rules: Clock['rule'][];
} {
  const { cases, rules } = compactBoardRows(rows);
  return { rows: new Map(cases.map((c) => [c.id, { view: 'board', ...c }])), rules };
}
