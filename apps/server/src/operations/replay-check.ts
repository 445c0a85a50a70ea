// The replay check: every case's stored projection (cases.state) must equal the fold of its own events. Run on
// the target of a move (inside its transaction, before commit), it proves the event log and the projection
// arrived whole and agree.
import { type CaseEvent, replay } from '@otklik/domain';
import type { Database } from '../db/connect';
import { rawQuery } from '../db/raw-query';

/** JSON with sorted keys and no undefined: a stored jsonb and a folded object compare by value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

export interface ReplayMismatch {
  readonly caseId: string;
  readonly number: number;
}

type Query = <T extends Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export async function replayCheck(
  query: Query,
  onProgress: (done: number, total: number) => void = () => {},
  page = 500,
): Promise<{ checked: number; mismatches: ReplayMismatch[] }> {
  const [total] = await query<{ n: number | string }>('select count(*) as n from cases');
  const n = Number(total?.n ?? 0);
  const mismatches: ReplayMismatch[] = [];
  let checked = 0;
  let after = -1;
  for (;;) {
    const batch = await query<{ id: string; number: number | string; state: unknown }>(
      'select id, number, state from cases where number > $1 order by number limit $2',
      [after, page],
    );
    if (batch.length === 0) break;
    const events = await query<{ case_id: string; payload: unknown }>(
      'select case_id, payload from case_events where case_id = any($1::uuid[]) order by case_id, version',
      [batch.map((c) => c.id)],
    );
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of events) {
      const list = byCase.get(e.case_id) ?? [];
      // Cast: read by plain SQL (below drizzle's typed columns); the column holds CaseEvents written by commands.
      list.push((typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as CaseEvent);
      byCase.set(e.case_id, list);
    }
    for (const c of batch) {
      const stored = typeof c.state === 'string' ? JSON.parse(c.state) : c.state;
      const folded = replay(byCase.get(c.id) ?? []);
      if (canonicalJson(stored) !== canonicalJson(folded)) mismatches.push({ caseId: c.id, number: Number(c.number) });
      checked++;
    }
    after = Number(batch.at(-1)!.number);
    onProgress(checked, n);
  }
  return { checked, mismatches };
}

export const queryOf =
  (database: Database): Query =>
  (text, params) =>
    rawQuery(database, text, params);
