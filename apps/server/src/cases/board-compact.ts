// The board snapshot as the web app reads it (`cases.board` with `compact: true`): only the columns the board shows,
// instants as epoch milliseconds, and each clock without what the client derives or never reads (the working
// minutes left and in total, the breach instant) — its rule, the same for thousands of rows, is sent once per
// page in `rules` and referred to by index; `holders` is left out when it is just the responsible party. The web's
// adapters (apps/web/src/api/board-rows.ts) expand a compact page back into the full rows. Issue 15: 10,000 rows
// carried 874 B of clock data each.
import type { Clock, Responsible } from '@otklik/domain';
import type { BoardRow, CompactRowFromSql } from './board';
import { boardShownColumns } from './rows';

export interface CompactClock {
  readonly id: string;
  readonly step: Clock['step'];
  readonly kind: Clock['kind'];
  readonly startedAt: number;
  readonly dueAt: number;
  readonly atRiskAt: number;
  readonly confirmed: boolean;
  readonly status: Clock['status'];
  readonly responsible: Responsible;
  /** Absent: the responsible party alone holds the clock. */
  readonly holders?: readonly Responsible[];
  readonly holder: Clock['holder'];
  /** Index into the page's `rules`. */
  readonly rule: number;
}

const sameParty = (a: Responsible | undefined, b: Responsible) =>
  !!a &&
  a.role === b.role &&
  (a.personId ?? null) === (b.personId ?? null) &&
  (a.departmentId ?? null) === (b.departmentId ?? null);

/** A page's deadline rules, each once, and the index of a clock's rule among them. */
function ruleTable() {
  const rules: Clock['rule'][] = [];
  const ruleIndex = new Map<string, number>();
  // A rule's parts are plain data: equal rules have equal JSON (a text stored before the parts, itself). Within a
  // page they all come from one source (Node, or PostgreSQL's jsonb with its own key order), so equal JSON is equal.
  const indexOf = (rule: Clock['rule']) => {
    const key = typeof rule === 'string' ? rule : JSON.stringify(rule);
    let i = ruleIndex.get(key);
    if (i === undefined) {
      i = rules.length;
      rules.push(rule);
      ruleIndex.set(key, i);
    }
    return i;
  };
  return { rules, indexOf };
}

/** The compact rows of one board page and the deadline rules they refer to. */
export function compactBoardRows(rows: readonly BoardRow[]) {
  const { rules, indexOf } = ruleTable();
  // The live row's shown columns (rows.ts, one mapping for both): not those the board never reads.
  const cases = rows.map((r) =>
    boardShownColumns(
      r,
      r.clocks.map(
        (c): CompactClock => ({
          id: c.id,
          step: c.step,
          kind: c.kind,
          startedAt: c.startedAt,
          dueAt: c.dueAt,
          atRiskAt: c.atRiskAt,
          confirmed: c.confirmed,
          status: c.status,
          responsible: c.responsible,
          ...(c.holders && !(c.holders.length === 1 && sameParty(c.holders[0], c.responsible))
            ? { holders: c.holders }
            : {}),
          holder: c.holder,
          rule: indexOf(c.rule ?? ''),
        }),
      ),
    ),
  );
  return { cases, rules };
}

/** A row of a compact page, as `compactBoardRows` gives it. */
export type CompactBoardRow = ReturnType<typeof compactBoardRows>['cases'][number];

/**
 * The compact page from rows PostgreSQL built (board.ts `listCompactBoardRows`): the same rows as `compactBoardRows`
 * gives for the page's full rows (http/board-wire.test.ts compares them), finished in place — each clock's rule
 * replaced by its index into the page's `rules`, `holders` left out when just the responsible party.
 */
export function compactBoardPage(rows: CompactRowFromSql[]): { cases: CompactBoardRow[]; rules: Clock['rule'][] } {
  const { rules, indexOf } = ruleTable();
  for (const row of rows) {
    for (const c of row.clocks) {
      // Built by PostgreSQL, not yet indexed: the clock's rule itself.
      c.rule = indexOf(c.rule as Clock['rule']);
      // Undefined, not deleted: JSON leaves it out, and the object keeps its shape.
      if (!c.holders || (c.holders.length === 1 && sameParty(c.holders[0], c.responsible))) c.holders = undefined;
    }
  }
  // Cast: every clock's rule is now its index and its holders are left out or kept as compactBoardRows does.
  return { cases: rows as unknown as CompactBoardRow[], rules };
}
