// Counts on top of the board, under the active filters: urgency right now (overdue / at risk / on track) and cases
// per workflow status. Every count is also a filter button: one click shows exactly the cases it counts.
import { StatusBadge } from '@otklik/ui';
import type { BoardCase } from '../../api/types';
import { fill, useT } from '../../i18n';
import { countByStatus, countByUrgency, URGENCIES } from './filter-cases';

export function StatusCounts(props: {
  readonly total: number;
  readonly shown: number;
  /** Rows under every filter but urgency: what each urgency button would show. */
  readonly urgencyBase: readonly BoardCase[];
  /** Rows under every filter but status: what each status button would show. */
  readonly statusBase: readonly BoardCase[];
  readonly now: number;
  readonly status: string;
  readonly urgency: string;
  readonly onStatus: (status: string) => void;
  readonly onUrgency: (urgency: string) => void;
}) {
  const t = useT();
  const urgency = countByUrgency(props.urgencyBase, props.now);
  const byStatus = [...countByStatus(props.statusBase)].sort((a, b) => b[1] - a[1]);
  // The chosen status stays visible (with 0) so it can be switched off.
  if (props.status && !byStatus.some(([s]) => s === props.status)) byStatus.push([props.status, 0]);
  return (
    <div className="board-counts">
      <p className="board-total" aria-live="polite">
        <strong>{fill(t.board.total, { count: props.total })}</strong>
        {props.shown !== props.total && <span> · {fill(t.board.shown, { count: props.shown })}</span>}
      </p>
      <ul className="urgency-counts" aria-label={t.board.urgency}>
        {URGENCIES.map((u) => (
          <li key={u} data-urgency={u}>
            <button
              type="button"
              className={`urgency-chip urgency-chip-${u}${props.urgency === u ? ' chip-active' : ''}`}
              aria-pressed={props.urgency === u}
              title={t.board.urgencyHint}
              onClick={() => props.onUrgency(props.urgency === u ? '' : u)}
            >
              <StatusBadge status={u} label={`${t.clockStatus[u]}: ${urgency[u]}`} />
            </button>
          </li>
        ))}
      </ul>
      <ul className="status-counts" aria-label={t.board.status}>
        {byStatus.map(([status, count]) => (
          <li key={status}>
            <button
              type="button"
              className={`chip${props.status === status ? ' chip-active' : ''}`}
              aria-pressed={props.status === status}
              onClick={() => props.onStatus(props.status === status ? '' : status)}
            >
              {(t.status as Record<string, string>)[status] ?? status} <strong>{count}</strong>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
