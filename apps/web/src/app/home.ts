// Where each role lands after sign-in: executors on their tasks, the operator on the registration form, the
// administrator on the directory, everyone else on the board.
import type { SessionUser } from '../api/types';

export function homeFor(user: SessionUser): string {
  const onlyExecutor = user.roles.every((r) => r === 'executor' || r === 'department-head');
  if (onlyExecutor) return '/inbox';
  if (user.roles.length === 1 && user.roles[0] === 'administrator') return '/admin';
  // The operator registers the messages found in the networks (issue 12): that form is their first screen.
  if (user.roles.length === 1 && user.roles[0] === 'operator') return '/register';
  return '/board';
}
