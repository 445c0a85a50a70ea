// Live remaining WORKING time of one clock, redrawn by the page's shared tick only when what it shows changes: every
// second while it shows seconds, once a minute while it shows minutes, not at all while it is paused until it
// resumes (nextCountdownChange). Outside working hours the clock is paused (REGULATIONS "Time") and says when it
// resumes, e.g. "возобновится пн 09:00".
import type { Instant, WorkingCalendar } from '@otklik/domain';
import { useCallback, useState } from 'react';
import { type CountdownState, countdownState, nextCountdownChange } from './countdown-state';
import { formatResume, formatWorkingDuration } from './format';
import { fill, useUiTexts } from './texts';
import { useServerNowUntil } from './tick';

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
  const { calendar, dueAt, atRiskAt } = props;
  // The state at the instant the next change was worked out from is the state drawn: computed once, not twice.
  const [last] = useState(() => ({ fn: null as unknown, at: Number.NaN, state: null as CountdownState | null }));
  const nextChange = useCallback(
    function next(at: Instant) {
      const state = countdownState(calendar, dueAt, at, atRiskAt);
      last.fn = next;
      last.at = at;
      last.state = state;
      return nextCountdownChange(calendar, dueAt, at, atRiskAt, state);
    },
    [calendar, dueAt, atRiskAt, last],
  );
  const now = useServerNowUntil(props.offsetMs, nextChange);
  const s =
    last.fn === nextChange && last.at === now && last.state
      ? last.state
      : countdownState(calendar, dueAt, now, atRiskAt);
  const time = formatWorkingDuration(s.remainingMinutes, t);
  const text = s.overdueUnworked
    ? fill(t.overdueSince, { when: formatResume(dueAt, now, calendar.timeZone, t.locale) })
    : s.status === 'breached'
      ? fill(t.overdue, { time })
      : fill(t.remaining, { time });
  const resume =
    s.resumesAt !== null
      ? fill(t.resumes, { when: formatResume(s.resumesAt, now, calendar.timeZone, t.locale) })
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
