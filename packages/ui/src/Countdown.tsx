// Live remaining WORKING time of one clock, redrawn by the page's shared 1-second tick. Outside working hours the
// clock is paused (REGULATIONS "Time") and says when it resumes, e.g. "возобновится пн 09:00".
import type { Instant, WorkingCalendar } from '@otklik/domain';
import { countdownState } from './countdown-state';
import { formatResume, formatWorkingDuration } from './format';
import { fill, useUiTexts } from './texts';
import { useServerNow } from './tick';

export interface CountdownProps {
  readonly calendar: WorkingCalendar;
  readonly dueAt: Instant;
  readonly atRiskAt?: Instant | null;
  /** Server time minus browser time, measured by the app; the countdown runs on server time. */
  readonly offsetMs: number;
  /** Large type for the wall display. */
  readonly size?: 'normal' | 'large';
}

export function Countdown(props: CountdownProps) {
  const t = useUiTexts();
  const now = useServerNow(props.offsetMs);
  const s = countdownState(props.calendar, props.dueAt, now, props.atRiskAt);
  const time = formatWorkingDuration(s.remainingMinutes, t);
  const text = s.overdueUnworked
    ? fill(t.overdueSince, { when: formatResume(props.dueAt, now, props.calendar.timeZone, t.locale) })
    : s.status === 'breached'
      ? fill(t.overdue, { time })
      : fill(t.remaining, { time });
  const resume =
    s.resumesAt !== null
      ? fill(t.resumes, { when: formatResume(s.resumesAt, now, props.calendar.timeZone, t.locale) })
      : null;
  const classes = [
    'ok-countdown',
    `ok-status-${s.status}`,
    s.paused ? 'ok-paused' : '',
    props.size === 'large' ? 'ok-large' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes} data-status={s.status} data-paused={s.paused ? 'true' : 'false'}>
      <span className="ok-countdown-time" role="timer" aria-label={s.paused ? `${text}, ${t.paused}` : text}>
        {s.paused && (
          <span className="ok-pause-icon" aria-hidden="true">
            ❚❚{' '}
          </span>
        )}
        {text}
      </span>
      {resume && <span className="ok-countdown-resume">{resume}</span>}
    </span>
  );
}
