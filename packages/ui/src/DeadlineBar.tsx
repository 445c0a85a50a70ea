// How much of a clock's working time is used, as a bar coloured by status, with the deadline written under it.
import type { Instant, WorkingCalendar } from '@otklik/domain';
import { countdownState, usedShare } from './countdown-state';
import { formatDeadline } from './format';
import { fill, useUiTexts } from './texts';
import { useServerNow } from './tick';

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
  const now = useServerNow(props.offsetMs);
  const s = countdownState(props.calendar, props.dueAt, now, props.atRiskAt);
  const percent = Math.round(usedShare(props.calendar, props.startedAt, props.dueAt, now) * 100);
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
