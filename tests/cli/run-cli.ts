// Runs the `otklik` CLI as a child process. The README's command is `pnpm --silent otklik …` (TypeScript through tsx,
// 1–2 s of start-up per call); when `pnpm build` has left an up-to-date compiled CLI (tests/support/otklik-command.ts)
// the same commands run on it instead, which takes the start-up off each of the suite's hundreds of calls.
// `runCliAsReadme` always takes the README's way; `runPnpmScript` runs any other root script as a user types it.
import { spawn } from 'node:child_process';
import { builtCliIsCurrent, otklikNodeArgs, repoRoot } from '../support/otklik-command';

export { repoRoot };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], stdin: string | undefined, env: Record<string, string>) {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
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
