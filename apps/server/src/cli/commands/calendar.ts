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
    throw new UsageError(
      sub ? `неизвестная подкоманда «${sub}» / unknown subcommand "${sub}"` : 'import или list / import or list',
    );
  });
}

async function importCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseStrict(
    argv,
    { year: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
    { names: ['FILE'] },
  );
  const years = (values.year ?? []).map((y) => {
    if (!/^\d{4}$/.test(y)) throw new UsageError(`--year: «${y}» — не год / not a year`);
    return Number(y);
  });
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`не удаётся прочитать ${file} / cannot read ${file}: ${(error as Error).message}`);
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
    for (const o of outcomes) {
      process.stdout.write(
        `${o.year}: рабочих дней ${o.totals.workingDays}, выходных и праздничных ${o.totals.daysOff}, ` +
          `часов при 40-часовой неделе ${o.totals.hours40} / working days ${o.totals.workingDays}, ` +
          `days off ${o.totals.daysOff}, hours (40-hour week) ${o.totals.hours40}\n`,
      );
    }
    process.stdout.write(
      values['dry-run']
        ? 'Проверено, ничего не сохранено (--dry-run) / checked, nothing stored\n'
        : `Загружено для всех организаций${outcomes.some((o) => o.replaced) ? ' (прежние данные этих лет заменены)' : ''}; ` +
            'сверьте итоги с постановлением Правительства о переносе выходных дней / ' +
            'imported for every organisation; compare the totals with the Government decree\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof CalendarImportError) {
      process.stderr.write('otklik calendar import: файл не принят:\n');
      for (const problem of error.problems) process.stderr.write(`  ${calendarProblemText(problem, 'ru')}\n`);
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
      process.stdout.write(
        'Загруженных лет нет: действуют постановления, встроенные в Otklik, иначе ТК РФ ст. 112 / ' +
          'no imported years: the decrees shipped with Otklik apply, otherwise the Labour Code\n',
      );
    }
    for (const y of years) {
      process.stdout.write(
        `${y.year}: ${y.workingDays} раб. дн., ${y.hours40} ч — ${y.fileName}, ${new Date(y.importedAt).toISOString()}\n`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}
