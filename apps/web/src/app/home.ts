// Where each role lands after sign-in: the domain's start area (executors on their tasks, the operator on the
// registration form, the administrator on the directory, everyone else on the board), as a path of this app.
import { type Area, homeArea } from '@otklik/domain';
import type { SessionUser } from '../api/types';

const PATHS: Record<Area, string> = {
  board: '/board',
  register: '/register',
  inbox: '/inbox',
  head: '/head',
  reports: '/reports',
  admin: '/admin',
};

export function homeFor(user: SessionUser): string {
  return PATHS[homeArea(user.roles)];
}
