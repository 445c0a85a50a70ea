// The cases behind a number of the report: short rows for the drill-down list, only of the caller's organisation and
// only those the caller may see (the numbers themselves are organisation-wide statistics).

import type { Actor } from '@otklik/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { actorCondition } from '../cases/access';
import type { DbOrTx } from '../db/connect';
import { cases } from '../db/schema';

export async function caseRows(db: DbOrTx, organisationId: string, ids: readonly string[], actor: Actor) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: cases.id,
      number: cases.number,
      detectedAt: cases.detectedAt,
      closedAt: cases.closedAt,
      status: cases.status,
      isOpen: cases.isOpen,
      topic: cases.topic,
      location: cases.location,
      network: cases.network,
      category: cases.category,
      author: cases.author,
      text: cases.text,
    })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, [...ids]), actorCondition(actor)))
    .orderBy(asc(cases.number));
  return rows.map(({ text, detectedAt, closedAt, ...r }) => ({
    ...r,
    excerpt: text.slice(0, 200),
    detectedAt: detectedAt.getTime(),
    closedAt: closedAt?.getTime() ?? null,
  }));
}
