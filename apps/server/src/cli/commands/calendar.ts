// `otklik calendar import <file>`: loads production-calendar years from the government's open-data CSV for every
// organisation, printing each year's totals to compare with the decree; `otklik calendar list` shows what is loaded.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { calendarProblemText } from '@otklik/contract';
import { CalendarImportError, importOpenDataCsv, listImportedYears } from '../../calendar/imported-years';
import { openDatabase } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { readEnv } from '../../env';
import { parseStrict, UsageError, withUsage } from '../args';
import { cliLang, say } from '../messages';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage:
  otklik calendar import <file.csv> [--year <YYYY>]… [--dry-run]
  otklik calendar list

import: reads the production calendar in the government's open-data CSV format (data.gov.ru, dataset
"Производственный календарь": one row per year, the columns "Год/Месяц", "Январь" … "Декабрь" listing the
month's days off separated by commas, "*" after a shortened pre-holiday working day, "+" after a transferred
day off, and the year's totals). Each chosen year is checked — days that exist, every Labour Code holiday a
day off, the file's own totals — and its working days and hours (40-hour week) are printed: compare them with
the Government decree on the transfer of days off. The year is then used by every organisation's deadlines
instead of the Labour Code fallback (or the decree shipped with Otklik); importing a year again replaces it.

Options:
  --year <YYYY>   the year to import when the file has several (repeat for more)
  --dry-run       check and print the totals, store nothing
  --help          this text

list: the imported years with their totals and source.

Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded one in OTKLIK_DATA_DIR (default ./data).
Exit codes: 0 success; 2 bad input or a file that does not pass the checks; 1 another failure.`;

export function run(argv: string[]): Promise<number> {
  return withUsage('calendar', async () => {
    const [sub, ...rest] = argv;
    if (sub === 'import') return importCommand(rest);
    if (sub === 'list') {
      parseStrict(rest, {}, {});
      return listCommand();
    }
    throw new UsageError(sub ? say('calendar.unknown-subcommand', { sub }) : say('calendar.subcommand', {}));
  });
}

async function importCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseStrict(
    argv,
    { year: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
    { names: ['FILE'] },
  );
  const years = (values.year ?? []).map((y) => {
    if (!/^\d{4}$/.test(y)) throw new UsageError(say('calendar.not-a-year', { value: y }));
    return Number(y);
  });
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(say('usage.unreadable', { file, detail: (error as Error).message }));
  }
  const database = await openDatabase(databaseTargetFromEnv(readEnv()));
  try {
    await migrateDatabase(database);
    const outcomes = await importOpenDataCsv(database.db, {
      text,
      fileName: basename(file),
      years,
      now: Date.now(),
      dryRun: values['dry-run'] ?? false,
    });
    for (const o of outcomes) process.stdout.write(`${say('calendar.totals', { year: o.year, ...o.totals })}\n`);
    const replaced = outcomes.some((o) => o.replaced) ? 1 : 0;
    process.stdout.write(
      `${values['dry-run'] ? say('calendar.dry-run', {}) : say('calendar.imported', { replaced })}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CalendarImportError) {
      process.stderr.write(`otklik calendar import: ${say('calendar.refused', {})}\n`);
      for (const problem of error.problems) process.stderr.write(`  ${calendarProblemText(problem, cliLang())}\n`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function listCommand(): Promise<number> {
  const database = await openDatabase(databaseTargetFromEnv(readEnv()));
  try {
    await migrateDatabase(database);
    const years = await listImportedYears(database.db);
    if (years.length === 0) {
      process.stdout.write(`${say('calendar.none', {})}\n`);
    }
    for (const y of years) {
      const importedAt = new Date(y.importedAt).toISOString();
      process.stdout.write(`${say('calendar.year', { ...y, importedAt })}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
