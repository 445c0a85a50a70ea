// `otklik seed-demo`: removes the demo organisations and creates them again with fresh cases relative to now.
import { join, resolve } from 'node:path';
import { openDatabase } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { demoLoginsText } from '../../demo/logins';
import { seedDemo } from '../../demo/seed';
import { createDeps } from '../../deps';
import { readEnv } from '../../env';
import { parseCommandArgs } from '../args';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage: otklik seed-demo

Re-creates the demo data: five organisations, one per preset (konyshevsky-2020, idrinsky-2021, slavgorod-2020,
krasnoufimsk-2021, nao-2020), their departments and people, and about 100 messages in every state, timed
relative to now.
Other organisations are left alone. Stop a running server on the same data directory first.`;

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs('seed-demo', argv, {});
  if (!args.ok) return args.exitCode;
  const env = readEnv();
  const database = await openDatabase(databaseTargetFromEnv(env));
  try {
    await migrateDatabase(database);
    const deps = createDeps({ database, attachmentsDir: join(resolve(env.OTKLIK_DATA_DIR), 'attachments') });
    await seedDemo(deps, { log: (line) => process.stderr.write(`${line}\n`) });
    process.stdout.write(`${demoLoginsText()}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
