// `otklik restore`: puts a backup back. The embedded database is loaded into a folder beside the live one,
// checked (not newer than the code, migrated, counted) and only then swapped in; the replaced folder is kept.
// PostgreSQL is restored by pg_restore in one transaction, so a failure leaves the target as it was. Either way a
// database that holds data is replaced only when asked (--force).
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MessageLang } from '@otklik/contract';
import { cliLang, say } from '../cli/messages';
import { type DatabaseTarget, hasPgliteDatabase, openDatabase, pgliteDirectory } from '../db/connect';
import { acquireDataDirLock } from '../db/data-dir-lock';
import { DatabaseNewerThanCodeError, knownMigrations, migrateDatabase } from '../db/migrate';
import { listTables, rawQuery, tableCounts, totalRows } from '../db/raw-query';
import type { Log } from './backup';
import { type BackupKind, describeKind, detectBackupKind } from './backup-file';
import { runPgTool, splitPassword } from './pg-tools';

export interface RestoreResult {
  readonly kind: BackupKind;
  /** Rows per table in the restored database. */
  readonly counts: Map<string, number>;
  /** The embedded database that was replaced, kept under this folder (PGlite with --force only). */
  readonly keptPrevious: string | null;
}

export class NotEmptyError extends Error {
  constructor(
    readonly counts: ReadonlyMap<string, number>,
    lang: MessageLang = cliLang(),
  ) {
    const rows = [...counts.entries()].filter(([, n]) => n > 0);
    const summary = rows
      .slice(0, 6)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    super(say('restore.not-empty', { summary: `${summary}${rows.length > 6 ? ', …' : ''}` }, lang));
    this.name = 'NotEmptyError';
  }
}

function wrongKind(kind: BackupKind, lang: MessageLang): Error {
  return new Error(say(kind === 'postgres' ? 'restore.postgres-backup' : 'restore.pglite-backup', {}, lang));
}

export async function restoreDatabase(options: {
  target: DatabaseTarget;
  file: string;
  force?: boolean;
  log?: Log;
  /** The language of the progress lines and errors (the CLI's, OTKLIK_LANG, by default). */
  lang?: MessageLang;
}): Promise<RestoreResult> {
  const file = resolve(options.file);
  const log = options.log ?? (() => {});
  const lang = options.lang ?? cliLang();
  const kind = detectBackupKind(file, lang);
  if (kind === null) throw new Error(say('restore.not-a-backup', { file }, lang));
  const { target } = options;
  if (target.kind === 'pglite-memory') throw new Error('cannot restore into an in-memory database');
  if ((target.kind === 'postgres') !== (kind === 'postgres')) throw wrongKind(kind, lang);
  log(say('restore.backup-of', { kind: describeKind(kind, lang), file }, lang));
  return target.kind === 'pglite'
    ? restorePglite(file, target.dataDir, options.force ?? false, log, lang)
    : restorePostgres(file, target.url, options.force ?? false, log, lang);
}

async function restorePglite(
  file: string,
  dataDir: string,
  force: boolean,
  log: Log,
  lang: MessageLang,
): Promise<RestoreResult> {
  const root = resolve(dataDir);
  // The lock is held from the first look at the live database to the swap: no server starts in between.
  const lock = acquireDataDirLock(root);
  try {
    if (hasPgliteDatabase(root)) {
      const live = await openDatabase({ kind: 'pglite', dataDir: root, lock: false });
      try {
        const counts = await tableCounts(live);
        if (totalRows(counts) > 0 && !force) throw new NotEmptyError(counts, lang);
      } finally {
        await live.close();
      }
    }
    const staging = 'pglite.restoring';
    rmSync(pgliteDirectory(root, staging), { recursive: true, force: true });
    log(say('restore.loading', {}, lang));
    const blob = new Blob([readFileSync(file)], { type: 'application/gzip' });
    const restored = await openDatabase({
      kind: 'pglite',
      dataDir: root,
      directory: staging,
      loadDataDir: blob,
      lock: false,
    });
    let counts: Map<string, number>;
    try {
      // A backup of an older Otklik is brought up to this version; one of a newer Otklik is refused.
      await migrateDatabase(restored);
      counts = await tableCounts(restored);
    } catch (error) {
      await restored.close();
      rmSync(pgliteDirectory(root, staging), { recursive: true, force: true });
      throw error;
    }
    await restored.close();
    let keptPrevious: string | null = null;
    if (existsSync(pgliteDirectory(root))) {
      keptPrevious = pgliteDirectory(root, `pglite.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      renameSync(pgliteDirectory(root), keptPrevious);
    }
    renameSync(pgliteDirectory(root, staging), pgliteDirectory(root));
    return { kind: 'pglite', counts, keptPrevious };
  } finally {
    lock.release();
  }
}

/** created_at of the migrations recorded in a pg_dump archive (its drizzle.__drizzle_migrations rows). */
async function archiveMigrations(file: string, lang: MessageLang): Promise<number[]> {
  const text = await runPgTool(
    'pg_restore',
    ['--data-only', '--schema=drizzle', '--table=__drizzle_migrations', '--file=-', file],
    { lang },
  );
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('COPY drizzle.__drizzle_migrations'));
  if (start < 0) return [];
  const header =
    /\(([^)]*)\)/
      .exec(lines[start] ?? '')?.[1]
      ?.split(',')
      .map((c) => c.trim()) ?? [];
  const column = header.indexOf('created_at');
  const out: number[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    const value = line.split('\t')[column];
    if (value !== undefined && value !== '\\N') out.push(Number(value));
  }
  return out;
}

async function restorePostgres(
  file: string,
  targetUrl: string,
  force: boolean,
  log: Log,
  lang: MessageLang,
): Promise<RestoreResult> {
  const known = new Set(knownMigrations().map((m) => m.when));
  const unknown = (await archiveMigrations(file, lang)).filter((w) => !known.has(w));
  if (unknown.length > 0) throw new DatabaseNewerThanCodeError(unknown);

  const before = await openDatabase({ kind: 'postgres', url: targetUrl, settings: { poolSize: 1 } });
  let hasSchema: boolean;
  try {
    const others = await rawQuery<{ who: string }>(
      before,
      `select coalesce(nullif(application_name, ''), host(client_addr), 'local') || ' (pid ' || pid || ')' as who
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    if (others.length > 0) {
      throw new Error(say('restore.others-connected', { who: others.map((o) => o.who).join(', ') }, lang));
    }
    const counts = await tableCounts(before);
    if (totalRows(counts) > 0 && !force) throw new NotEmptyError(counts, lang);
    const [drizzle] = await rawQuery<{ present: boolean }>(
      before,
      `select exists (select 1 from pg_namespace where nspname = 'drizzle') as present`,
    );
    hasSchema = (await listTables(before)).length > 0 || Boolean(drizzle?.present);
  } finally {
    await before.close();
  }
  const { url, password } = splitPassword(targetUrl);
  log('pg_restore…');
  await runPgTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      // A migrated (even empty) database already has the tables: drop them in the same transaction first.
      ...(hasSchema ? ['--clean', '--if-exists'] : []),
      `--dbname=${url}`,
      file,
    ],
    { password, lang },
  );
  const after = await openDatabase({ kind: 'postgres', url: targetUrl, settings: { poolSize: 2 } });
  try {
    await migrateDatabase(after);
    return { kind: 'postgres', counts: await tableCounts(after), keptPrevious: null };
  } finally {
    await after.close();
  }
}
