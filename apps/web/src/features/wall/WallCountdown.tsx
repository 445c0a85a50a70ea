// A wall countdown: the remaining (or overdue) working time as the largest text on screen, its meaning in a small
// line above it ("просрочено" / "осталось" / "пауза до пн 09:00"), so the number itself stays short and readable
// across a room. The same calendar engine as every other countdown (countdownState of @otklik/ui); redrawn only when
// what it shows changes (nextCountdownChange), not every second.
import type { Instant, WorkingCalendar } from '@otklik/domain';
import {
  countdownState,
  formatResume,
  formatWorkingDuration,
  nextCountdownChange,
  useServerNowUntil,
  useUiTexts,
} from '@otklik/ui';
import { useCallback } from 'react';
import { fill, useT } from '../../i18n';

export function WallCountdown(props: {
  readonly calendar: WorkingCalendar;
  readonly dueAt: Instant;
  readonly atRiskAt: Instant | null;
  readonly offsetMs: number;
}) {
  const t = useT();
  const ui = useUiTexts();
  const { calendar, dueAt, atRiskAt } = props;
  const nextChange = useCallback(
    (at: Instant) => nextCountdownChange(calendar, dueAt, at, atRiskAt),
    [calendar, dueAt, atRiskAt],
  );
  const now = useServerNowUntil(props.offsetMs, nextChange);
  const s = countdownState(calendar, dueAt, now, atRiskAt);
  const time = formatWorkingDuration(s.remainingMinutes, ui);
  const label =
    s.resumesAt !== null
      ? fill(t.wall.pausedUntil, { when: formatResume(s.resumesAt, now, props.calendar.timeZone, ui.locale) })
      : s.status === 'breached'
        ? t.wall.overdue
        : t.wall.remaining;
  // Breached at a pause (lunch, the evening): no working time is overdue yet, so "−0 мин 00 с" would say nothing;
  // the wall names the moment instead, as every other countdown does ("просрочено с 18:00").
  const since = s.overdueUnworked ? formatResume(props.dueAt, now, props.calendar.timeZone, ui.locale) : null;
  const spoken =
    since !== null
      ? fill(ui.overdueSince, { when: since })
      : s.status === 'breached'
        ? fill(ui.overdue, { time })
        : fill(ui.remaining, { time });
  return (
    <span
      className={`wall-countdown-box wall-status-${s.status}`}
      data-status={s.status}
      data-paused={s.paused ? 'true' : 'false'}
    >
      <span className="wall-countdown-label">{label}</span>
      <span className="wall-countdown-time" role="timer" aria-label={s.paused ? `${spoken}, ${ui.paused}` : spoken}>
        {since !== null ? fill(t.wall.since, { when: since }) : s.status === 'breached' ? `−${time}` : time}
      </span>
    </span>
  );
}
