// The board snapshot as the web app reads it (GET /api/board, http/board-route.ts): only the columns the board
// shows, instants as epoch milliseconds, and each clock without what the client derives or never reads (the working
// minutes left and in total, the breach instant) — its rule, the same for thousands of rows, is sent once per page in
// `rules` and named by its key; `holders` is left out when it is just the responsible party. The projection stores
// each case's clocks in this form (`compactClocks`, the `board_clocks` and `board_rules` columns), so PostgreSQL
// builds the page's JSON text and the server passes it through unparsed. The web's adapters
// (apps/web/src/api/board-rows.ts) expand a compact page back into the full rows. Issue 15: 10,000 rows carried
// 874 B of clock data each.
import { createHash } from 'node:crypto';
import type { Clock, Responsible } from '@otklik/domain';
import type { BoardRow } from './board';
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
  /** The key of the clock's rule in the page's `rules`. */
  readonly rule: string;
}

/** Deadline rules by key: what a page's (or a case's) compact clocks name. */
export type RuleTable = Record<string, Clock['rule']>;

const sameParty = (a: Responsible | undefined, b: Responsible) =>
  !!a &&
  a.role === b.role &&
  (a.personId ?? null) === (b.personId ?? null) &&
  (a.departmentId ?? null) === (b.departmentId ?? null);

/** JSON with every object's keys in order: equal rules give equal text whichever way they were read (Node's
 *  objects, or PostgreSQL's jsonb with its own key order). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A rule's key: a digest of its content (96 bits: equal rules share it, different ones never meet). */
export function ruleKey(rule: Clock['rule']): string {
  return createHash('sha256').update(canonicalJson(rule)).digest('base64url').slice(0, 16);
}

/** A case's clocks in the snapshot's form and the rules they name (what the projection stores). */
export function compactClocks(clocks: readonly Clock[]): { clocks: CompactClock[]; rules: RuleTable } {
  const rules: RuleTable = {};
  const compact = clocks.map((c): CompactClock => {
    const rule = c.rule ?? '';
    const key = ruleKey(rule);
    rules[key] = rule;
    return {
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
      rule: key,
    };
  });
  return { clocks: compact, rules };
}

/** The compact rows of one board page and the deadline rules they name, from the page's full rows: the reference
 *  mapping the tests compare the SQL-built page with (cases/board.test.ts, http/board-wire.test.ts). */
export function compactBoardRows(rows: readonly BoardRow[]) {
  const rules: RuleTable = {};
  // The live row's shown columns (rows.ts, one mapping for both): not those the board never reads.
  const cases = rows.map((r) => {
    const compact = compactClocks(r.clocks);
    Object.assign(rules, compact.rules);
    return boardShownColumns(r, compact.clocks);
  });
  return { cases, rules };
}

/** A row of a compact page, as `compactBoardRows` gives it. */
export type CompactBoardRow = ReturnType<typeof compactBoardRows>['cases'][number];
