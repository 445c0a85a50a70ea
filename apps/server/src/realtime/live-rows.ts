// The board rows live changes and catch-up pages carry: the board snapshot's compact rows (cases/board-compact.ts),
// so the web's board applies one row shape, and a live row is what a reload would show. Its clocks are those the
// projection stored for the snapshot (`board_clocks`, the rules they name in `board_rules`): the same text and keys a
// reload reads, not hashed again per change. A clock's rule is the key of an entry in the message's `rules` (each
// rule once per message), its derived fields are left out.
import type { ClockRules, LiveBoardRow } from '@otklik/contract';
import type { NamedBoardRow } from '../cases/board';
import { boardShownColumns } from '../cases/rows';

/** The live board rows of `rows` by case id, and the rules their clocks name. */
export function toLiveBoardRows(rows: readonly NamedBoardRow[]): {
  rows: Map<string, LiveBoardRow>;
  rules: ClockRules;
} {
  const rules: ClockRules = {};
  const out = new Map<string, LiveBoardRow>();
  for (const r of rows) {
    Object.assign(rules, r.boardRules);
    out.set(r.id, { view: 'board', ...boardShownColumns(r, r.boardClocks) });
  }
  return { rows: out, rules };
}
