// `otklik migrate`: applies the committed SQL migrations to the configured database and exits.
import { openDatabase } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { readEnv } from '../../env';
import { parseCommandArgs } from '../args';
import { say } from '../messages';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage: otklik migrate

Applies the SQL migrations (apps/server/drizzle) to the database: PostgreSQL when DATABASE_URL is set,
otherwise the embedded database in OTKLIK_DATA_DIR (default ./data). Safe to run on every start.`;

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs('migrate', argv, {});
  if (!args.ok) return args.exitCode;
  const database = await openDatabase(databaseTargetFromEnv(readEnv()));
  try {
    await migrateDatabase(database);
    process.stdout.write(`${say('migrate.done', { database: database.description })}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
