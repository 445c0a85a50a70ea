// `otklik restore <file> [--force]`: puts a backup back into the configured database and says what it restored.
import { formatCounts } from '../../db/raw-query';
import { readEnv } from '../../env';
import { NotEmptyError, restoreDatabase } from '../../operations/restore';
import { parseStrict, withUsage } from '../args';
import { say } from '../messages';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage: otklik restore <file> [--force]

Restores a backup written by \`otklik backup\` into the configured database and prints the number of rows
in each restored table. Stop every Otklik server using that database first.
  - a PGlite backup goes into OTKLIK_DATA_DIR (default ./data); the database it replaces is kept beside it
    as pglite.replaced-<time>;
  - a pg_dump backup goes into the PostgreSQL database of DATABASE_URL, in one transaction.
A backup from an older Otklik is migrated to this version; one from a newer Otklik is refused.

Options:
  --force   replace a database that already holds data (without it, restore refuses)
  --help    this text`;

export function run(argv: string[]): Promise<number> {
  return withUsage('restore', async () => {
    const { positionals, values } = parseStrict(argv, { force: { type: 'boolean' } }, { names: ['FILE'] });
    const target = databaseTargetFromEnv(readEnv());
    try {
      const result = await restoreDatabase({
        target,
        file: positionals[0]!,
        force: values.force ?? false,
        log: (l) => process.stderr.write(`${l}\n`),
      });
      process.stdout.write(
        `${say('restore.done', { into: target.kind === 'postgres' ? 'PostgreSQL' : 'OTKLIK_DATA_DIR' })}\n` +
          `${formatCounts(result.counts)}\n` +
          (result.keptPrevious ? `${say('restore.kept', { path: result.keptPrevious })}\n` : ''),
      );
      return 0;
    } catch (error) {
      if (error instanceof NotEmptyError) {
        process.stderr.write(`otklik restore: ${error.message}\n`);
        return 3;
      }
      throw error;
    }
  });
}
