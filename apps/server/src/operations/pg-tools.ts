// Finds and runs PostgreSQL's own client tools (pg_dump, pg_restore): from PATH, else from Debian's
// /usr/lib/postgresql/<version>/bin (newest first, since pg_dump must be at least the server's version).
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { MessageLang } from '@otklik/contract';
import { cliLang, say } from '../cli/messages';
import { outputOf } from './child-output';

export type PgTool = 'pg_dump' | 'pg_restore';

const DEBIAN_ROOT = '/usr/lib/postgresql';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env, lang: MessageLang = cliLang()): string {
  const candidates = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, tool));
  let versions: string[] = [];
  try {
    versions = readdirSync(DEBIAN_ROOT).filter((v) => /^\d+$/.test(v));
  } catch {
    // No Debian PostgreSQL packages.
  }
  versions.sort((a, b) => Number(b) - Number(a));
  candidates.push(...versions.map((v) => join(DEBIAN_ROOT, v, 'bin', tool)));
  const found = candidates.find(isExecutable);
  if (!found) {
    throw new Error(say('pg.tool-missing', { tool, root: DEBIAN_ROOT }, lang));
  }
  return found;
}

/** The connection string without its password, and the password for PGPASSWORD (never on a command line). */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}

/** Runs a tool; resolves with its stdout, rejects with its stderr in the message (worded in `lang`). */
export function runPgTool(
  tool: PgTool,
  args: string[],
  options: { password?: string; env?: NodeJS.ProcessEnv; lang?: MessageLang } = {},
): Promise<string> {
  const lang = options.lang ?? cliLang();
  const path = findPgTool(tool, options.env, lang);
  const child = spawn(path, args, {
    env: { ...(options.env ?? process.env), ...(options.password ? { PGPASSWORD: options.password } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return outputOf(child).then(({ code, stdout, stderr }) => {
    if (code === 0) return stdout;
    throw new Error(say('pg.tool-failed', { tool, code, output: stderr.trim() }, lang));
  });
}
