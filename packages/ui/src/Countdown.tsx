// Live remaining WORKING time of one clock. Its time text ("осталось 12 мин 05 с") is written straight into the page
// by the shared tick whenever it reads differently (every second while it shows seconds, once a minute while it shows
// minutes, never while the clock is paused); React redraws the rest (its status colour, the pause mark, the resume
// line) only when that changes (nextCountdownLookChange). A board of many countdowns showing seconds thus costs a
// text write each per second, not a React render and commit, and only for countdowns in sight (sight.ts): one out of
// sight (a virtual list's overscan row) empties its text at its first change there instead of showing a time that is
// no longer true, and writes the current one as it comes into sight. Outside working hours the clock is paused
// (REGULATIONS "Time") and says when it resumes, e.g. "возобновится пн 09:00".
import type { Instant, WorkingCalendar } from '@otklik/domain';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { type CountdownState, countdownState, nextCountdownChange, nextCountdownLookChange } from './countdown-state';
import { formatResume, formatWorkingDuration } from './format';
import { lastKnownSight, watchSight } from './sight';
import { fill, type UiTexts, useUiTexts } from './texts';
import { createHeldView, tickNow, useServerNowUntil } from './tick';

export interface CountdownProps {
  readonly calendar: WorkingCalendar;
  readonly dueAt: Instant;
  readonly atRiskAt?: Instant | null;
  /** Server time minus browser time, measured by the app; the countdown runs on server time. */
  readonly offsetMs: number;
  /** Large type for the wall display. */
  readonly size?: 'normal' | 'large';
}

/** What a countdown's time says at `now`, and the same for a screen reader (a paused clock says so). */
export function countdownText(
  s: CountdownState,
  dueAt: Instant,
  now: Instant,
  timeZone: string,
  t: UiTexts,
): { readonly text: string; readonly label: string } {
  const time = formatWorkingDuration(s.remainingMinutes, t);
  const text = s.overdueUnworked
    ? fill(t.overdueSince, { when: formatResume(dueAt, now, timeZone, t.locale) })
    : s.status === 'breached'
      ? fill(t.overdue, { time })
      : fill(t.remaining, { time });
  return { text, label: s.paused ? `${text}, ${t.paused}` : text };
}

/**
 * Keeps the time text of one countdown in `box` (and its accessible name on `timer`) current from the shared tick:
 * written at once, then again at each instant it reads differently (nextCountdownChange). Out of sight the text is
 * emptied at its first change instead (a repaint nobody sees, once, not every second) and written anew as `timer`
 * comes into sight; the accessible name stays current throughout (a screen reader reads a row that is off screen).
 * Returns the stop.
 */
function followTimeText(box: HTMLElement, timer: HTMLElement, props: CountdownProps, t: UiTexts): () => void {
  const { calendar, dueAt, atRiskAt, offsetMs } = props;
  const node = document.createTextNode('');
  box.replaceChildren(node);
  const view = createHeldView();
  let inSight = lastKnownSight(timer);
  const write = (at: Instant): Instant => {
    const s = countdownState(calendar, dueAt, at, atRiskAt);
    const { text, label } = countdownText(s, dueAt, at, calendar.timeZone, t);
    if (inSight) {
      if (node.data !== text) node.data = text;
    } else if (node.data !== text && node.data !== '') node.data = '';
    if (timer.getAttribute('aria-label') !== label) timer.setAttribute('aria-label', label);
    return nextCountdownChange(calendar, dueAt, at, atRiskAt, s);
  };
  const update = () => {
    view.held(tickNow() + offsetMs, offsetMs, write);
  };
  update();
  const stopTick = view.subscribe(update);
  const stopSight = watchSight(timer, (seen) => {
    inSight = seen;
    // The time of the latest tick: what every countdown in sight shows now.
    if (seen) write(tickNow() + offsetMs);
  });
  return () => {
    stopSight();
    stopTick();
  };
}

export function Countdown(props: CountdownProps) {
  const t = useUiTexts();
  const { calendar, dueAt, atRiskAt, offsetMs } = props;
  const nextLook = useCallback(
    (at: Instant) => nextCountdownLookChange(calendar, dueAt, at, atRiskAt),
    [calendar, dueAt, atRiskAt],
  );
  const now = useServerNowUntil(offsetMs, nextLook);
  const s = countdownState(calendar, dueAt, now, atRiskAt);
  const timerRef = useRef<HTMLSpanElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);
  // The time text is this effect's alone (React renders its box empty and never touches what is written in it).
  useLayoutEffect(() => {
    if (!textRef.current || !timerRef.current) return;
    return followTimeText(textRef.current, timerRef.current, { calendar, dueAt, atRiskAt, offsetMs }, t);
  }, [calendar, dueAt, atRiskAt, offsetMs, t]);
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
      <span className="ok-countdown-time" role="timer" ref={timerRef}>
        {s.paused && (
          <span className="ok-pause-icon" aria-hidden="true">
            ❚❚{' '}
          </span>
        )}
        <span className="ok-countdown-text" ref={textRef} />
      </span>
      {resume && <span className="ok-countdown-resume">{resume}</span>}
    </span>
  );
}
