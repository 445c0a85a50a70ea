// What a child process wrote and how it ended, collected as text: the PostgreSQL tools the server runs and the CLI the
// tests run are read the same way.
import type { ChildProcess } from 'node:child_process';

export interface ChildOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Resolves when `child` (spawned with piped stdout and stderr) has closed; rejects if it could not start. */
export function outputOf(child: ChildProcess): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
