// The areas of the application each role works in (REGULATIONS.md "Roles"): the web's menu and start page and the
// server's role checks for those areas read this one table, so a menu entry never leads to a refusal.
import type { Role } from '../workflow/types';

export const AREAS = ['board', 'register', 'inbox', 'head', 'reports', 'admin'] as const;
export type Area = (typeof AREAS)[number];

/** The task lists of the tasks area ("Мои задачи"): the curators' queue (what waits on the curators: triage,
 *  routing, approval, forwarding), and the department's cases of its executors and their head. A person with roles
 *  of both sees both. */
export const TASK_LISTS = ['curator-queue', 'department'] as const;
export type TaskList = (typeof TASK_LISTS)[number];
export const TASK_LIST_ROLES: Record<TaskList, readonly Role[]> = {
  'curator-queue': ['curator'],
  department: ['executor', 'department-head'],
};

/** Who works in each area: the board is every case a person may see; registering is the operators' and curators'
 *  (the curator registers too); the tasks are the executors', their heads' and the curators' queue; the head's
 *  overview and the reports are read by those who answer for the whole organisation; the directory is the
 *  administrator's. */
export const AREA_ROLES: Record<Area, readonly Role[]> = {
  board: ['curator', 'operator', 'head', 'department-head', 'administrator', 'observer'],
  register: ['operator', 'curator'],
  // Those who have a task list.
  inbox: [...TASK_LIST_ROLES.department, ...TASK_LIST_ROLES['curator-queue']],
  head: ['head', 'curator', 'administrator', 'observer'],
  reports: ['curator', 'head', 'department-head', 'administrator', 'observer'],
  admin: ['administrator'],
};

/** Whether a person with `roles` works in `area` (one of the roles is enough). */
export function mayOpen(area: Area, roles: readonly string[]): boolean {
  return AREA_ROLES[area].some((r) => roles.includes(r));
}

/** The areas a person with `roles` works in, in menu order. */
export function areasOf(roles: readonly string[]): Area[] {
  return AREAS.filter((a) => mayOpen(a, roles));
}

/** Where a person lands after sign-in: executors and department heads on their tasks, an administrator (only) on
 *  the directory, an operator (only) on the registration form (issue 12), everyone else on the board. */
export function homeArea(roles: readonly string[]): Area {
  if (roles.every((r) => TASK_LIST_ROLES.department.some((d) => d === r))) return 'inbox';
  if (roles.length === 1 && roles[0] === 'administrator') return 'admin';
  if (roles.length === 1 && roles[0] === 'operator') return 'register';
  return 'board';
}

/** The task lists a person with `roles` has, in the order the tasks page shows them. */
export function taskListsOf(roles: readonly string[]): TaskList[] {
  return TASK_LISTS.filter((list) => TASK_LIST_ROLES[list].some((r) => roles.includes(r)));
}

/** Who changes the organisation's surge thresholds: a setting of the organisation, so its administrator (the
 *  report readers see them and the surges they find). The server's procedure and the web's form both ask this. */
export const SURGE_THRESHOLD_EDITORS: readonly Role[] = AREA_ROLES.admin;

export function maySetSurgeThresholds(roles: readonly string[]): boolean {
  return SURGE_THRESHOLD_EDITORS.some((r) => roles.includes(r));
}
