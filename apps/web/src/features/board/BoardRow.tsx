// One board row: live countdown of the current step, the overall deadline, who must act (a substitute for an absent
// colleague, a chain's link), the message's facts, and the quick actions this person may take from the list.
import type { WorkingCalendar } from '@otklik/domain';
import { Countdown, formatDeadline } from '@otklik/ui';
import { memo } from 'react';
import { Link } from 'react-router';
import type { BoardCase } from '../../api/types';
import { formatAge } from '../../components/format';
import type { Catalogue } from '../../i18n/ru';
import type { Urgency } from './filter-cases';
import { chainText, responsibleText } from './responsible';

export interface BoardRowProps {
  readonly row: BoardCase;
  readonly calendar: WorkingCalendar | undefined;
  readonly offsetMs: number;
  /** Minute-rounded server time for the age column, so a memoised row redraws once a minute, not every second. */
  readonly minuteNow: number;
  readonly urgency: Urgency;
  readonly t: Catalogue;
  readonly index: number;
  /** Position in the virtual list, in pixels. */
  readonly top: number;
  readonly selected: boolean;
  /** The domain lets this person approve the case now (mayApprove). */
  readonly canApprove: boolean;
  readonly approving: boolean;
  readonly onApprove: (row: BoardCase) => void;
  readonly onSelect: (id: string) => void;
  /** The list measures each row's real height (a phone card grows with its text). */
  readonly measureRef: (el: HTMLTableRowElement | null) => void;
}

function label<T extends string>(dict: Readonly<Record<string, string>>, key: T | null): string {
  return key ? (dict[key] ?? key) : '—';
}

export const BoardRow = memo(function BoardRow({
  row,
  calendar,
  offsetMs,
  minuteNow,
  urgency,
  t,
  index,
  top,
  selected,
  canApprove,
  approving,
  onApprove,
  onSelect,
  measureRef,
}: BoardRowProps) {
  const clock = row.stepClock;
  const responsible = responsibleText(row, t);
  const chain = chainText(row, t);
  const department = clock?.departmentName ?? row.departmentName;
  const categoryText = label(t.category, row.category);
  return (
    <tr
      ref={measureRef}
      className={`board-row urgency-${urgency}${selected ? ' board-row-selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-case-id={row.id}
      onClick={() => onSelect(row.id)}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)` }}
    >
      <td className="board-cell board-cell-case">
        <Link to={`/cases/${row.id}`} className="board-case-link">
          <span className="board-number">№{row.number}</span> <span className="board-excerpt">{row.excerpt}</span>
        </Link>
        <span className="board-flags">
          {row.sociallySignificant && <span className="flag flag-social">{t.board.socially}</span>}
          {row.repeat && <span className="flag">{t.board.repeat}</span>}
          {row.publication === 'failed' && <span className="flag flag-social">{t.board.publicationFailed}</span>}
          {row.publication === 'publishing' && <span className="flag">{t.board.publishing}</span>}
          {row.messageDeleted && <span className="flag">{t.board.messageDeleted}</span>}
        </span>
      </td>
      <td className="board-cell board-cell-countdown">
        {clock && calendar ? (
          <Countdown calendar={calendar} dueAt={clock.dueAt} atRiskAt={clock.atRiskAt} offsetMs={offsetMs} />
        ) : (
          '—'
        )}
        <span className="board-step">{label(t.steps, row.currentStep)}</span>
      </td>
      <td className="board-cell board-cell-deadline">
        {row.overallDueAt && calendar ? formatDeadline(row.overallDueAt, calendar.timeZone, t.lang.locale) : '—'}
      </td>
      <td className="board-cell board-cell-responsible" data-testid="responsible">
        <span className="board-person" title={responsible}>
          {responsible}
        </span>
        {department && (
          <span className="board-dept" title={department}>
            {department}
          </span>
        )}
        {chain && (
          <span className="board-chain" data-testid="chain">
            {chain}
          </span>
        )}
      </td>
      <td className="board-cell board-cell-category">
        <span className={`category category-${row.category}`} title={categoryText}>
          {categoryText}
        </span>
        {row.high && (
          <span className="category category-high" title={t.category.high}>
            {t.category.high}
          </span>
        )}
        <span className="board-status" title={label(t.status, row.status)}>
          {label(t.status, row.status)}
        </span>
      </td>
      <td className="board-cell board-cell-source">
        <span>{label(t.network, row.network)}</span>
        <span className="board-topic">{row.topic ?? '—'}</span>
      </td>
      <td className="board-cell board-cell-location" title={row.location ?? undefined}>
        {row.location ?? '—'}
      </td>
      <td className="board-cell board-cell-age">{formatAge(minuteNow - row.detectedAt, t)}</td>
      <td className="board-cell board-cell-actions">
        {canApprove && (
          <button
            type="button"
            className="board-approve"
            disabled={approving}
            aria-keyshortcuts="a"
            aria-label={`${t.board.approve} №${row.number}`}
            onClick={(e) => {
              e.stopPropagation();
              onApprove(row);
            }}
          >
            {approving ? t.board.approving : t.board.approve}
          </button>
        )}
      </td>
    </tr>
  );
});
