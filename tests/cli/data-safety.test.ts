// The operations commands as an administrator runs them: `otklik backup`, `otklik restore` (refusing a database
// with data without --force), `otklik move-to-postgres` with progress and verified counts, strict flags, the
// upgrade path refusing a database that a newer Otklik migrated, and `otklik calendar import`.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../apps/server/src/db/connect';
import { knownMigrations, migrateDatabase } from '../../apps/server/src/db/migrate';
import { rawQuery, tableCounts } from '../../apps/server/src/db/raw-query';
import { seedDemo } from '../../apps/server/src/demo/seed';
import { createDeps } from '../../apps/server/src/deps';
import { tempDirs } from '../../apps/server/src/test/temp-dirs';
import { repoRoot, runCli } from './run-cli';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
const tempDir = tempDirs('otklik-cli-ops-');
let source = '';
let counts = new Map<string, number>();
const pgNames: string[] = [];

beforeAll(async () => {
  source = tempDir();
  const database = await openDatabase({ kind: 'pglite', dataDir: source });
  try {
    await migrateDatabase(database);
    await seedDemo(createDeps({ database }));
    counts = await tableCounts(database);
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  if (TEST_DATABASE_URL && pgNames.length > 0) {
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    for (const name of pgNames) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }
});

/** "  cases  45" lines of the commands' output, as a map. */
function printedCounts(stdout: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of stdout.matchAll(/^ {2}(\w+)\s+(\d+)$/gm)) out.set(m[1]!, Number(m[2]));
  return out;
}

describe('otklik backup / restore (embedded database)', () => {
  it('round-trips with equal counts and refuses to overwrite data without --force', async () => {
    const file = join(tempDir(), 'otklik-backup.tar.gz');
    const env = { OTKLIK_DATA_DIR: source, DATABASE_URL: '' };
    const backup = await runCli(['backup', file], '', env);
    expect(backup.code).toBe(0);
    expect(printedCounts(backup.stdout)).toEqual(counts);
    // The progress lines in the CLI's language, one language a line (Russian by default).
    expect(backup.stderr).toMatch(/^Снимок встроенной базы…$/m);
    expect(backup.stderr).not.toMatch(/dumping|verifying/i);

    const target = { OTKLIK_DATA_DIR: tempDir(), DATABASE_URL: '' };
    const restore = await runCli(['restore', file], '', target);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Восстановлено в /m);
    expect(printedCounts(restore.stdout)).toEqual(counts);

    const again = await runCli(['restore', file], '', target);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/не пуста.*--force/s);
    expect(again.stderr).toMatch(/^Резервная копия встроенной базы \(PGlite\): /m);
    expect(again.stderr).not.toMatch(/not empty|backup of/i);
    // OTKLIK_LANG=en: the same lines and refusal in English only, the same exit code.
    const againEn = await runCli(['restore', file], '', { ...target, OTKLIK_LANG: 'en' });
    expect(againEn.code).toBe(3);
    expect(againEn.stderr).toMatch(/^A backup of the embedded database \(PGlite\): /m);
    expect(againEn.stderr).toMatch(/not empty.*--force/s);
    expect(againEn.stderr).not.toMatch(/[а-яё]/i);
    const forced = await runCli(['restore', file, '--force'], '', target);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/Прежняя база сохранена в .*pglite\.replaced-/);
  });

  it('rejects unknown flags and missing arguments with exit code 2', async () => {
    const unknown = await runCli(['restore', 'x.tar.gz', '--forse']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--forse/);
    const missing = await runCli(['backup']);
    expect(missing.code).toBe(2);
    const noTarget = await runCli(['move-to-postgres']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/--to/);
  });

  it('refuses to migrate (and so to serve) a database that a newer Otklik migrated', async () => {
    const dir = tempDir();
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    const future = Math.max(...knownMigrations().map((m) => m.when)) + 3_600_000;
    try {
      await migrateDatabase(database);
      await rawQuery(database, 'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
        'newer',
        future,
      ]);
    } finally {
      await database.close();
    }
    const result = await runCli(['migrate'], '', { OTKLIK_DATA_DIR: dir, DATABASE_URL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/более новой версией Otklik/);
    expect(result.stderr).not.toMatch(/newer Otklik/);
    expect(result.stderr).toContain(new Date(future).toISOString());
    const english = await runCli(['migrate'], '', { OTKLIK_DATA_DIR: dir, DATABASE_URL: '', OTKLIK_LANG: 'en' });
    expect(english.code).toBe(1);
    expect(english.stderr).toMatch(/newer Otklik/);
    expect(english.stderr).not.toMatch(/[а-яё]/i);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('otklik move-to-postgres (TEST_DATABASE_URL)', () => {
  it('moves the embedded database with progress and equal counts; pg_dump backs the result up', async () => {
    const name = `otklik_cli_move_${randomBytes(5).toString('hex')}`;
    const admin = postgres(TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end({ timeout: 5 });
    pgNames.push(name);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const moved = await runCli(['move-to-postgres', '--to', url.toString()], '', {
      OTKLIK_DATA_DIR: source,
      DATABASE_URL: '',
    });
    expect(moved.code).toBe(0);
    expect(moved.stderr).toMatch(/case_events: \d+ \/ \d+/);
    expect(moved.stderr).toMatch(/^Проверка: число строк…$/m);
    expect(moved.stderr).not.toMatch(/verifying/i);
    expect(printedCounts(moved.stdout)).toEqual(counts);
    expect(moved.stdout).toMatch(new RegExp(`Обращений сверено с событиями: ${counts.get('cases')}`));

    // And a backup of the server with pg_dump, restored into a second database, has the same counts.
    const file = join(tempDir(), 'otklik.pgdump');
    const backup = await runCli(['backup', file], '', { DATABASE_URL: url.toString() });
    expect(backup.code).toBe(0);
    expect(printedCounts(backup.stdout)).toEqual(counts);
  });
});

describe('otklik calendar import', () => {
  const fixture = (name: string) => join(repoRoot, 'apps/server/src/calendar/testdata', name);
  it('prints the year’s totals, stores it, and refuses a file that does not pass the checks', async () => {
    const env = { OTKLIK_DATA_DIR: tempDir(), DATABASE_URL: '' };
    const checked = await runCli(['calendar', 'import', fixture('production-calendar-2026.csv'), '--dry-run'], '', env);
    expect(checked.code).toBe(0);
    // Decree 1466: 247 working days, 1972 hours of a 40-hour week.
    expect(checked.stdout).toMatch(
      /^2026: рабочих дней 247, выходных и праздничных 118, часов при 40-часовой неделе 1972/m,
    );
    expect(checked.stdout).toMatch(/ничего не сохранено/);
    const listBefore = await runCli(['calendar', 'list'], '', env);
    expect(listBefore.stdout).toMatch(/Загруженных лет нет/);
    // The same in English with OTKLIK_LANG=en.
    const listEn = await runCli(['calendar', 'list'], '', { ...env, OTKLIK_LANG: 'en' });
    expect(listEn.stdout).toMatch(/^No imported years: the decrees shipped with Otklik apply/);

    const imported = await runCli(
      ['calendar', 'import', fixture('production-calendar-2027-illustrative.csv')],
      '',
      env,
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^2027: рабочих дней 247/m);
    const list = await runCli(['calendar', 'list'], '', env);
    expect(list.stdout).toMatch(/^2027: 247 раб\. дн\., 1972 ч — production-calendar-2027-illustrative\.csv/m);

    const junk = join(tempDir(), 'junk.csv');
    writeFileSync(junk, 'Год/Месяц,Январь\n2027,"1"\n');
    const refused = await runCli(['calendar', 'import', junk], '', env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Февраль/);
    const badFlag = await runCli(['calendar', 'import', junk, '--years', '2027'], '', env);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--years/);
  });
});
