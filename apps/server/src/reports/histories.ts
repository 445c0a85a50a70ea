// Loads the event histories a monthly summary needs: every case of the organisation alive during the month or the
// previous one (detected before the month ended, not closed before the previous month began).
import type { CaseEvent } from '@otklik/domain';
import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { caseEvents, cases } from '../db/schema';

/** Case ids per chunk: keeps each `in (…)` list well under the protocol's parameter limit. */
const CHUNK = 2_000;

export async function loadHistories(
  db: DbOrTx,
  organisationId: string,
  range: { from: number; to: number; upTo?: number },
): Promise<CaseEvent[][]> {
  // `upTo`: the histories as they stood at that instant (events after it are left out, and a case with none before it).
  const upTo = range.upTo === undefined ? undefined : lte(caseEvents.occurredAt, new Date(range.upTo));
  const ids = await db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, organisationId),
        lt(cases.detectedAt, new Date(range.to)),
        or(isNull(cases.closedAt), gte(cases.closedAt, new Date(range.from))),
      ),
    );
  const byCase = new Map<string, CaseEvent[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK).map((r) => r.id);
    const rows = await db
      .select({ caseId: caseEvents.caseId, payload: caseEvents.payload })
      .from(caseEvents)
      .where(and(inArray(caseEvents.caseId, chunk), upTo))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.version));
    for (const r of rows) {
      const list = byCase.get(r.caseId) ?? [];
      list.push(r.payload);
      byCase.set(r.caseId, list);
    }
  }
  return [...byCase.values()];
}
