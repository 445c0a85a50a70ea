// Shared React components of the Otklik web app: live countdowns, deadline bars and status badges.
export { Countdown, type CountdownProps, countdownText } from './Countdown';
export {
  type ClockStatus,
  type CountdownState,
  countdownState,
  nextCountdownChange,
  nextCountdownLookChange,
  nextDeadlineBarChange,
  usedPercent,
  usedShare,
} from './countdown-state';
export { DeadlineBar, type DeadlineBarProps } from './DeadlineBar';
export { formatDeadline, formatResume, formatWorkingDuration } from './format';
export { StatusBadge } from './StatusBadge';
export { SIGHT_MARGIN_PX, SIGHT_ROOT_ATTRIBUTE, watchSight } from './sight';
export { DEFAULT_UI_TEXTS, fill, type UiTexts, UiTextsProvider, useUiTexts } from './texts';
export {
  createHeldNow,
  tickListenerCount,
  useServerNow,
  useServerNowUntil,
  useTick,
} from './tick';
