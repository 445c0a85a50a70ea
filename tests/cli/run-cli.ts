// Runs the `otklik` CLI exactly as the README tells a user to: `pnpm --silent otklik …` (and other root scripts alike).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pnpm --silent <script> …args` at the repository's root, as a user types it; `stdin` is written and closed. */
export function runPnpmScript(
  script: string,
  args: string[],
  stdin?: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--silent', script, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
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

export function runCli(args: string[], stdin?: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runPnpmScript('otklik', args, stdin, env);
}
