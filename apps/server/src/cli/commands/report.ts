// `otklik report`: the monthly summary of one organisation (konyshevsky p.23, NAO p.28) as CSV tables or JSON,
// computed by the same code as the web report, so the numbers agree.
import { parseArgs } from 'node:util';
import { parseMonth, summaryTables, tableRows, toCsv } from '@otklik/domain';
import { openDatabase } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { findOrganisation } from '../../directory/organisations';
import { readEnv } from '../../env';
import { buildMonthlyReport } from '../../reports/monthly';
import { nameLookup } from '../../reports/names';
import { cliLang, say, sayStored } from '../messages';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage:
  otklik report --month <YYYY-MM> --org <slug or id> [--format csv|json] [--now <ISO-8601 instant>]
                [--delimiter ';'|',']

The monthly summary of an organisation: per person and per department — messages received and answered,
steps on time and overdue (triage, return, reroute, contribution, draft, approval, revision, publication,
answer, final), returns as not competent, revision rounds, median and 90th percentile of working hours,
intermediate answers and whether the final came on time; the dynamics of messages by topic, location,
network and category against the previous month; the most overdue cases. The month is the organisation's
own local month (its time zone).

Options:
  --month <YYYY-MM>    the month, e.g. 2026-10
  --org <slug|id>      the organisation (its short name, e.g. konyshevsky, or its id)
  --format csv|json    csv (default): every table one after another, UTF-8 with BOM for Excel;
                       json: the summary as the API returns it (without the drill-down lists)
  --delimiter ';'|','  CSV delimiter (default ';', what a Russian-locale Excel expects; decimals then use ',')
  --now <instant>      count open clocks as overdue as of this instant (default: now), e.g. 2026-11-01T09:00:00+03:00
  --help               this text

Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded one in OTKLIK_DATA_DIR (default ./data).

Exit codes: 0 success; 2 bad input (a one-line message on stderr); 1 another failure.`;

const bad = (message: string) => {
  process.stderr.write(`otklik report: ${message}\n`);
  return 2;
};

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        month: { type: 'string' },
        org: { type: 'string' },
        format: { type: 'string' },
        now: { type: 'string' },
        delimiter: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (parsed.positionals.length > 0) {
      return bad(say('usage.unexpected-argument', { value: parsed.positionals[0] ?? '' }));
    }
    values = parsed.values;
  } catch (error) {
    return bad(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad options') : 'bad options');
  }
  if (!values.month) return bad(say('report.month-required', {}));
  const month = parseMonth(values.month);
  if (!month.ok) return bad(sayStored(month.error));
  if (!values.org) return bad(say('usage.missing-org', {}));
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    return bad(say('report.format', { value: format }));
  }
  const delimiter = values.delimiter ?? ';';
  if (delimiter !== ';' && delimiter !== ',') return bad(say('report.delimiter', { value: delimiter }));
  let now = Date.now();
  if (values.now !== undefined) {
    // An instant must say its offset: a bare local time would depend on the machine's zone.
    const ok = /(Z|[+-]\d{2}:\d{2})$/.test(values.now) && !Number.isNaN(Date.parse(values.now));
    if (!ok) return bad(say('report.now', { value: values.now }));
    now = Date.parse(values.now);
  }

  const database = await openDatabase(databaseTargetFromEnv(readEnv()));
  try {
    await migrateDatabase(database);
    const org = await findOrganisation(database.db, values.org);
    if (!org) return bad(say('usage.organisation-not-found', { org: values.org }));
    const report = await buildMonthlyReport({
      db: database.db,
      organisationId: org.id,
      month: values.month.trim(),
      now,
    });
    if (format === 'json') {
      const { drill: _drill, ...summary } = report.summary;
      process.stdout.write(
        `${JSON.stringify({ organisation: { id: org.id, slug: org.slug, name: org.name }, summary, directory: report.directory, caseNumbers: report.caseNumbers }, null, 2)}\n`,
      );
      return 0;
    }
    // In the CLI's language (OTKLIK_LANG), one language in the file.
    const lang = cliLang();
    const tables = summaryTables(report.summary, nameLookup(report.directory, report.caseNumbers, lang), lang);
    const rows = [
      [say('report.title', { organisation: org.name, month: report.summary.month }, lang)],
      ...tables.flatMap((t) => [[], [t.title], ...tableRows(t)]),
    ];
    process.stdout.write(toCsv(rows, { delimiter }));
    return 0;
  } finally {
    await database.close();
  }
}
