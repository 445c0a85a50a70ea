// The areas of the application each role works in (REGULATIONS.md "Roles"): the web's menu and start page and the
// server's role checks for those areas read this one table, so a menu entry never leads to a refusal.
import type { Role } from '../workflow/types';

export const AREAS = ['board', 'register', 'inbox', 'head', 'reports', 'admin'] as const;
export type Area = (typeof AREAS)[number];

/** Who works in each area: the board is every case a person may see; registering is the operators' and curators'
 *  (the curator registers too); the tasks are the executors', their heads' and the curators' queue; the head's
 *  overview and the reports are read by those who answer for the whole organisation; the directory is the
 *  administrator's. */
export const AREA_ROLES: Record<Area, readonly Role[]> = {
  board: ['curator', 'operator', 'head', 'department-head', 'administrator', 'observer'],
  register: ['operator', 'curator'],
  inbox: ['executor', 'department-head', 'curator'],
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
  if (roles.every((r) => r === 'executor' || r === 'department-head')) return 'inbox';
  if (roles.length === 1 && roles[0] === 'administrator') return 'admin';
  if (roles.length === 1 && roles[0] === 'operator') return 'register';
  return 'board';
}
