// Which rows the wall shows now: breached and at-risk cases are pinned (always on screen, most urgent first); the
// on-track rest pages through the slots left over. When the urgent cases outnumber the slots of one column, the rows
// go compact in two columns; only beyond that do the urgent cases themselves page (and the indicator says so).
import type { BoardCase } from '../../api/types';
import { type Urgency, urgencyOf } from '../board/filter-cases';

export interface WallLayout {
  readonly pinned: readonly BoardCase[];
  readonly paged: readonly BoardCase[];
  /** Two compact columns: too many urgent cases for one column of full rows. */
  readonly dense: boolean;
  readonly page: number;
  readonly pages: number;
  /** What pages: the on-track rest (usual) or, beyond two columns of them, the urgent cases themselves. */
  readonly paging: 'rest' | 'urgent' | null;
  /** On-track cases not on screen at all (no slot left): counted, not hidden silently. */
  readonly restHidden: number;
}

/**
 * `rows`: sorted, nearest deadline first. `fullSlots`: full rows that fit in one column; `denseSlots`: compact rows
 * that fit in each of two columns. `tick`: a counter that advances once per page interval.
 */
export function layoutWall(
  rows: readonly BoardCase[],
  now: number,
  fullSlots: number,
  denseSlots: number,
  tick: number,
): WallLayout {
  const isUrgent = (u: Urgency) => u !== 'on-track';
  const urgent = rows.filter((r) => isUrgent(urgencyOf(r, now)));
  const rest = rows.filter((r) => !isUrgent(urgencyOf(r, now)));
  const full = Math.max(1, fullSlots);
  const dense = urgent.length > full;
  const slots = dense ? 2 * Math.max(1, denseSlots) : full;
  if (urgent.length > slots) {
    const pages = Math.ceil(urgent.length / slots);
    const page = tick % pages;
    return {
      pinned: urgent.slice(page * slots, (page + 1) * slots),
      paged: [],
      dense,
      page,
      pages,
      paging: 'urgent',
      restHidden: rest.length,
    };
  }
  const free = slots - urgent.length;
  if (free === 0 || rest.length === 0) {
    return { pinned: urgent, paged: [], dense, page: 0, pages: 1, paging: null, restHidden: rest.length };
  }
  const pages = Math.ceil(rest.length / free);
  const page = tick % pages;
  return {
    pinned: urgent,
    paged: rest.slice(page * free, (page + 1) * free),
    dense,
    page,
    pages,
    paging: pages > 1 ? 'rest' : null,
    restHidden: 0,
  };
}
