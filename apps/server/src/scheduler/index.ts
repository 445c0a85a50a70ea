// The scheduler's public surface.
export { nextAlarmAt, pendingActions, rebuildAlarms, refreshAlarm } from './alarms';
export { createLeadership, type Leadership, SCHEDULER_LOCK_KEY } from './leader';
export { type Scheduler, type SchedulerOptions, startScheduler } from './scheduler';
