// A projected case row as one JSON parameter that PostgreSQL reads into the cases table's own column types
// (`json_populate_record(null::cases, …)`): the command's write and the scheduler's catch-up. drizzle binding and
// casting the row's ~30 values one by one was most of building either statement (BENCHMARKS.md notes 13 and 16).
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { cases } from '../db/schema';
import type { projectCase } from './projection';

export type CaseRow = ReturnType<typeof projectCase>;

/** The columns a row sets, as SQL: `set` (`"col" = v."col", …`), `names` (`"col", …`) and `values`
 *  (`v."col", …`), `v` being the row read with `json_populate_record(null::cases, …) as v`. */
export interface CaseRowShape {
  /** The keys joined: the shape's name (one shape per name). */
  readonly signature: string;
  readonly keys: readonly (keyof CaseRow)[];
  readonly columns: readonly string[];
  readonly set: SQL;
  readonly names: SQL;
  readonly values: SQL;
}

const tableColumns = getTableColumns(cases);
/** Once per set of keys (the projection's, so one or two): the statement's text stays the same between commands. */
const shapes = new Map<string, CaseRowShape>();

export function caseRowShape(row: CaseRow): CaseRowShape {
  const keys = Object.keys(row) as (keyof CaseRow)[];
  const signature = keys.join(',');
  const known = shapes.get(signature);
  if (known) return known;
  // As the database spells them: snake_case, the connection's casing. Names from the schema, never from input.
  const columns = keys.map((k) =>
    tableColumns[k].keyAsName ? toSnakeCase(tableColumns[k].name) : tableColumns[k].name,
  );
  const quoted = columns.map((c) => `"${c}"`);
  const shape: CaseRowShape = {
    signature,
    keys,
    columns,
    set: sql.raw(quoted.map((c) => `${c} = v.${c}`).join(', ')),
    names: sql.raw(quoted.join(', ')),
    values: sql.raw(quoted.map((c) => `v.${c}`).join(', ')),
  };
  shapes.set(signature, shape);
  return shape;
}

/** The row's values keyed by column name; a Date becomes its ISO text (toJSON), as drizzle would bind it. */
export function caseRowCells(row: CaseRow, shape: CaseRowShape = caseRowShape(row)): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const [i, k] of shape.keys.entries()) cells[shape.columns[i] as string] = row[k] ?? null;
  return cells;
}
