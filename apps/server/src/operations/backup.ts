// `otklik backup`: the embedded database through PGlite's own dump (checked by loading it back), a PostgreSQL
// server through pg_dump's custom format (checked by pg_restore --list). Prints what the backup holds.
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { MessageLang } from '@otklik/contract';
import { cliLang, say } from '../cli/messages';
import { type DatabaseTarget, hasPgliteDatabase, openDatabase } from '../db/connect';
import { tableCounts } from '../db/raw-query';
import { writeFileAtomically } from './backup-file';
import { runPgTool, splitPassword } from './pg-tools';

export interface BackupResult {
  readonly kind: 'pglite' | 'postgres';
  readonly file: string;
  readonly bytes: number;
  /** Rows per table in the database when it was backed up. */
  readonly counts: Map<string, number>;
}

export type Log = (line: string) => void;

export async function backupDatabase(options: {
  target: DatabaseTarget;
  file: string;
  log?: Log;
  /** The language of the progress lines and errors (the CLI's, OTKLIK_LANG, by default). */
  lang?: MessageLang;
}): Promise<BackupResult> {
  const { target } = options;
  const file = resolve(options.file);
  const log = options.log ?? (() => {});
  const lang = options.lang ?? cliLang();
  if (target.kind === 'pglite-memory') throw new Error('an in-memory database cannot be backed up');
  if (target.kind === 'pglite') {
    if (!hasPgliteDatabase(target.dataDir, target.directory)) {
      throw new Error(say('backup.no-database', { dir: resolve(target.dataDir) }, lang));
    }
    // Opening takes the data directory's lock: a running server keeps it, and the message says to stop it.
    const database = await openDatabase(target);
    let counts: Map<string, number>;
    try {
      counts = await tableCounts(database);
      log(say('backup.dumping', {}, lang));
      const dump = await (database.raw as { client: PGlite }).client.dumpDataDir('gzip');
      writeFileAtomically(file, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
    log(say('backup.verifying', {}, lang));
    await verifyPgliteBackup(file, counts, lang);
    return { kind: 'pglite', file, bytes: statSync(file).size, counts };
  }
  const database = await openDatabase(target);
  let counts: Map<string, number>;
  try {
    counts = await tableCounts(database);
  } finally {
    await database.close();
  }
  const { url, password } = splitPassword(target.url);
  const partial = `${file}.partial-${process.pid}`;
  log('pg_dump…');
  try {
    await runPgTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`],
      { password, lang },
    );
    // A readable table of contents: the archive is complete.
    await runPgTool('pg_restore', ['--list', partial], { lang });
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { kind: 'postgres', file, bytes: statSync(file).size, counts };
}

async function verifyPgliteBackup(
  file: string,
  expected: ReadonlyMap<string, number>,
  lang: MessageLang,
): Promise<void> {
  const blob = new Blob([readFileSync(file)], { type: 'application/gzip' });
  const copy = await openDatabase({ kind: 'pglite-memory', loadDataDir: blob });
  try {
    const counts = await tableCounts(copy);
    for (const [table, n] of expected) {
      if (counts.get(table) !== n) {
        throw new Error(say('backup.not-verified', { table, found: counts.get(table) ?? 0, expected: n }, lang));
      }
    }
  } finally {
    await copy.close();
  }
}
