// A curator's own queue (issue 12): every open case that waits on a curator now (the domain's curatorTurn, stored in
// the row's flags by the projection), the earliest deadline first.
import { CURATOR_TURN_FLAGS, type CuratorTurn, curatorTurnOfFlags } from '@otklik/domain';
import { and, arrayOverlaps, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { cases } from '../db/schema';
import { type BoardRow, boardQuery, withChain, withSubstitutes } from './board';

export type CuratorQueueRow = BoardRow & { readonly turn: CuratorTurn };

export async function listCuratorQueue(
  db: DbOrTx,
  organisationId: string,
  now: number = Date.now(),
): Promise<CuratorQueueRow[]> {
  const rows = await boardQuery(
    db,
    and(
      eq(cases.organisationId, organisationId),
      eq(cases.isOpen, true),
      arrayOverlaps(cases.flags, [...CURATOR_TURN_FLAGS]),
    ),
  ).orderBy(sql`${cases.dueAt} asc nulls last`, asc(cases.number));
  const withNames = await withSubstitutes(db, organisationId, rows.map(withChain), now);
  return withNames.flatMap((r) => {
    const turn = curatorTurnOfFlags(r.flags);
    return turn ? [{ ...r, turn }] : [];
  });
}
