// `otklik import FILE --org <id|slug>`: imports messages from a JSON (array or one object per line) or CSV file,
// idempotently (a message already imported is skipped), with progress and a per-line error report on stderr.
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { openDatabase } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { createDeps } from '../../deps';
import { findOrganisation } from '../../directory/organisations';
import { readEnv } from '../../env';
import { decodeImportBytes } from '../../intake/csv';
import { CSV_COLUMNS, importRecords, parseImportFile } from '../../intake/import-file';
import { badInput, parseCommandArgs } from '../args';
import { say, sayStored } from '../messages';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage: otklik import FILE --org <organisation id or slug> [--format json|csv]

Imports citizens' messages. JSON: an array of objects or one object per line, with the fields
network, externalId, url, author, text, postedAt, visibility (public|private), attachments [{url}].
CSV: a header row with the columns ${CSV_COLUMNS.join(', ')}; fields separated by ';', ',' or a tab;
the file in UTF-8 (with or without a BOM) or Windows-1251, as Excel saves it.
postedAt / posted_at: DD.MM.YYYY HH:MM[:SS] or YYYY-MM-DD HH:MM in the organisation's time zone, or
ISO-8601 with an offset; anything else is an error for that line.
A message already imported (same organisation, network and external id) is not imported twice.
Exit code: 0 when every line was imported or already present, 1 when some lines had errors, 2 on bad usage.`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'import',
    argv,
    { org: { type: 'string' }, format: { type: 'string' } },
    { names: ['FILE'] },
  );
  if (!parsed.ok) return parsed.exitCode;
  const args = { file: parsed.positionals[0]!, org: parsed.values.org, format: parsed.values.format };
  if (!args.org) return badInput('import', say('usage.missing-org', {}));
  const format = args.format ?? (extname(args.file).toLowerCase() === '.csv' ? 'csv' : 'json');
  if (format !== 'json' && format !== 'csv') {
    return badInput('import', say('import.format', {}));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(args.file));
  } catch (error) {
    return badInput('import', say('usage.unreadable', { file: args.file, detail: (error as Error).message }));
  }
  const { text, encoding } = decodeImportBytes(bytes);
  const env = readEnv();
  const database = await openDatabase(databaseTargetFromEnv(env));
  try {
    await migrateDatabase(database);
    const org = await findOrganisation(database.db, args.org);
    if (!org) {
      return badInput('import', say('usage.organisation-not-found', { org: args.org }));
    }
    process.stderr.write(`${say('import.reading', { encoding, timeZone: org.timeZone })}\n`);
    const records = parseImportFile(text, format, { timeZone: org.timeZone });
    const deps = createDeps({ database, attachmentsDir: join(resolve(env.OTKLIK_DATA_DIR), 'attachments') });
    const tty = process.stderr.isTTY;
    let lastShown = 0;
    const report = await importRecords(deps, org.id, records, (done, total) => {
      // On a terminal one line is redrawn; in a log, a line every 10% keeps it readable.
      if (tty) process.stderr.write(`\r${say('import.progress', { done, total })}`);
      else if (done === total || done - lastShown >= Math.max(1, Math.ceil(total / 10))) {
        lastShown = done;
        process.stderr.write(`${say('import.progress', { done, total })}\n`);
      }
    });
    if (tty) process.stderr.write('\n');
    for (const error of report.errors) {
      process.stderr.write(`${say('line.refused', { line: error.line, text: sayStored(error.problem) })}\n`);
    }
    const summary = { created: report.created, existing: report.existing, errors: report.errors.length };
    process.stderr.write(`${say('import.summary', { ...summary, total: report.total })}\n`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
