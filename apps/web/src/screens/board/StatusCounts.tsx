// Counts on top of the board: urgency right now (on track / at risk / breached) and cases per workflow status; a
// status count is also a filter button.
import { StatusBadge, useServerNow } from '@otklik/ui';
import type { BoardCase } from '../../api/types';
import { fill, useT } from '../../i18n';
import { useClock } from '../../stores/clock';
import { countByStatus, countByUrgency, type Urgency } from './filter-cases';

const URGENCIES: readonly Urgency[] = ['breached', 'at-risk', 'on-track'];

export function StatusCounts(props: {
  readonly all: readonly BoardCase[];
  readonly shown: readonly BoardCase[];
  readonly status: string;
  readonly onStatus: (status: string) => void;
}) {
  const t = useT();
  const now = useServerNow(useClock((s) => s.offsetMs));
  const urgency = countByUrgency(props.shown, now);
  const byStatus = [...countByStatus(props.all)].sort((a, b) => b[1] - a[1]);
  return (
    <div className="board-counts">
      <p className="board-total" aria-live="polite">
        <strong>{fill(t.board.total, { count: props.all.length })}</strong>
        {props.shown.length !== props.all.length && (
          <span> · {fill(t.board.shown, { count: props.shown.length })}</span>
        )}
      </p>
      <ul className="urgency-counts" aria-label={t.board.status}>
        {URGENCIES.map((u) => (
          <li key={u} data-urgency={u}>
            <StatusBadge status={u} label={`${t.clockStatus[u]}: ${urgency[u]}`} />
          </li>
        ))}
      </ul>
      <ul className="status-counts">
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
