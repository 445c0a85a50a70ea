// How much of a clock's working time is used, as a bar coloured by status, with the deadline written under it. It
// redraws only when its status or its whole percent changes (nextDeadlineBarChange): an eight-hour clock moves by
// one percent every ~5 working minutes, and not at all while paused.
import type { Instant, WorkingCalendar } from '@otklik/domain';
import { useCallback } from 'react';
import { countdownState, nextDeadlineBarChange, usedPercent } from './countdown-state';
import { formatDeadline } from './format';
import { fill, useUiTexts } from './texts';
import { useServerNowUntil } from './tick';

export interface DeadlineBarProps {
  readonly calendar: WorkingCalendar;
  readonly startedAt: Instant;
  readonly dueAt: Instant;
  readonly atRiskAt?: Instant | null;
  readonly offsetMs: number;
  /** false when the deadline depends on a year without decree data (Labour Code fallback). */
  readonly confirmed?: boolean;
  readonly label?: string;
}

export function DeadlineBar(props: DeadlineBarProps) {
  const t = useUiTexts();
  const { calendar, startedAt, dueAt, atRiskAt } = props;
  const nextChange = useCallback(
    (at: Instant) => nextDeadlineBarChange(calendar, startedAt, dueAt, at, atRiskAt),
    [calendar, startedAt, dueAt, atRiskAt],
  );
  const now = useServerNowUntil(props.offsetMs, nextChange);
  const s = countdownState(calendar, dueAt, now, atRiskAt);
  const percent = usedPercent(calendar, startedAt, dueAt, now);
  const due = fill(t.due, { when: formatDeadline(props.dueAt, props.calendar.timeZone, t.locale) });
  return (
    <div className={`ok-deadline-bar ok-status-${s.status}`}>
      {props.label && <div className="ok-deadline-label">{props.label}</div>}
      <div
        className="ok-deadline-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={fill(t.used, { percent })}
      >
        <div className="ok-deadline-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="ok-deadline-due">
        {due}
        {props.confirmed === false && <span className="ok-unconfirmed"> · {t.unconfirmed}</span>}
      </div>
    </div>
  );
}
