// What every action form receives: the case, the runner that sends the command, and helpers for field errors.
import type { CaseDetail } from '../../../api/types';
import type { CommandRunner } from '../use-command';

export interface ActionFormProps {
  readonly detail: CaseDetail;
  readonly runner: CommandRunner;
}

/** The error for a field path, also matching a nested path ('where.url' for 'where'). */
export function fieldError(runner: CommandRunner, path: string): string | undefined {
  if (runner.fields[path]) return runner.fields[path];
  const nested = Object.keys(runner.fields).find((k) => k.startsWith(`${path}.`));
  return nested ? runner.fields[nested] : undefined;
}
