// Runs the `otklik` CLI as a child process. The README's command is `pnpm --silent otklik …` (TypeScript through tsx,
// 1–2 s of start-up per call); when `pnpm build` has left an up-to-date compiled CLI (tests/support/otklik-command.ts)
// the same commands run on it instead, which takes the start-up off each of the suite's hundreds of calls.
// `runCliAsReadme` always takes the README's way; `runPnpmScript` runs any other root script as a user types it.
import { spawn } from 'node:child_process';
import { type ChildOutput, outputOf } from '../../apps/server/src/operations/child-output';
import { builtCliIsCurrent, otklikNodeArgs, repoRoot } from '../support/otklik-command';

export { repoRoot };

/** What a CLI run wrote and its exit code. */
export type CliResult = ChildOutput;

function run(
  command: string,
  args: string[],
  stdin: string | undefined,
  env: Record<string, string>,
): Promise<CliResult> {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env } });
  const output = outputOf(child);
  child.stdin.end(stdin ?? '');
  return output;
}

/** Runs `pnpm --silent <script> …args` at the repository's root, as a user types it; `stdin` is written and closed. */
export function runPnpmScript(
  script: string,
  args: string[],
  stdin?: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return run('pnpm', ['--silent', script, ...args], stdin, env);
}

/** `otklik …`: the compiled CLI when it is current, `pnpm --silent otklik …` otherwise. */
export function runCli(args: string[], stdin?: string, env: Record<string, string> = {}): Promise<CliResult> {
  return builtCliIsCurrent()
    ? run(process.execPath, [...otklikNodeArgs(), ...args], stdin, env)
    : runCliAsReadme(args, stdin, env);
}

/** `pnpm --silent otklik …`, exactly as the README tells a user to. */
export function runCliAsReadme(args: string[], stdin?: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runPnpmScript('otklik', args, stdin, env);
}
