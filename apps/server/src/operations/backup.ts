// `otklik backup`: the embedded database through PGlite's own dump (checked by loading it back), a PostgreSQL
// server through pg_dump's custom format (checked by pg_restore --list). Prints what the backup holds.
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
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
}): Promise<BackupResult> {
  const { target } = options;
  const file = resolve(options.file);
  const log = options.log ?? (() => {});
  if (target.kind === 'pglite-memory') throw new Error('an in-memory database cannot be backed up');
  if (target.kind === 'pglite') {
    if (!hasPgliteDatabase(target.dataDir, target.directory)) {
      throw new Error(
        `В каталоге ${resolve(target.dataDir)} нет встроенной базы: нечего сохранять (проверьте OTKLIK_DATA_DIR).\n` +
          `There is no embedded database in ${resolve(target.dataDir)}: nothing to back up (check OTKLIK_DATA_DIR).`,
      );
    }
    // Opening takes the data directory's lock: a running server keeps it, and the message says to stop it.
    const database = await openDatabase(target);
    let counts: Map<string, number>;
    try {
      counts = await tableCounts(database);
      log('Снимок встроенной базы… / dumping the embedded database…');
      const dump = await (database.raw as { client: PGlite }).client.dumpDataDir('gzip');
      writeFileAtomically(file, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
    log('Проверка: копия загружается и совпадает по числу строк… / verifying the backup loads with equal counts…');
    await verifyPgliteBackup(file, counts);
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
      { password },
    );
    // A readable table of contents: the archive is complete.
    await runPgTool('pg_restore', ['--list', partial]);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { kind: 'postgres', file, bytes: statSync(file).size, counts };
}

async function verifyPgliteBackup(file: string, expected: ReadonlyMap<string, number>): Promise<void> {
  const blob = new Blob([readFileSync(file)], { type: 'application/gzip' });
  const copy = await openDatabase({ kind: 'pglite-memory', loadDataDir: blob });
  try {
    const counts = await tableCounts(copy);
    for (const [table, n] of expected) {
      if (counts.get(table) !== n) {
        throw new Error(
          `Проверка копии не прошла: в таблице ${table} ${counts.get(table) ?? 0} строк вместо ${n}.\n` +
            `The backup does not verify: table ${table} has ${counts.get(table) ?? 0} rows instead of ${n}.`,
        );
      }
    }
  } finally {
    await copy.close();
  }
}
