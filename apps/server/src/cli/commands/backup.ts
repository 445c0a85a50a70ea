// `otklik backup <file>`: a backup of the configured database (embedded or PostgreSQL), with what it holds.

import { formatCounts } from '../../db/raw-query';
import { readEnv } from '../../env';
import { backupDatabase } from '../../operations/backup';
import { parseStrict, withUsage } from '../args';
import { say } from '../messages';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage: otklik backup <file>

Writes a backup of the database to <file> and prints the number of rows in each table.
  - embedded database (OTKLIK_DATA_DIR, default ./data): PGlite's own dump, a .tar.gz; stop the server first
    (the data directory is locked while it runs). The backup is loaded back and its counts compared.
  - PostgreSQL (DATABASE_URL set): pg_dump's custom format (pg_dump from PATH or /usr/lib/postgresql/*/bin,
    of the same or a newer version than the server); the server may keep running.
Uploaded attachments live in OTKLIK_DATA_DIR/attachments: copy that folder with the backup.

Restore with: otklik restore <file>`;

export function run(argv: string[]): Promise<number> {
  return withUsage('backup', async () => {
    const { positionals } = parseStrict(argv, {}, { names: ['FILE'] });
    const file = positionals[0]!;
    const target = databaseTargetFromEnv(readEnv());
    const result = await backupDatabase({ target, file, log: (l) => process.stderr.write(`${l}\n`) });
    process.stdout.write(
      `${say('backup.written', { file: result.file, mib: (result.bytes / 1024 / 1024).toFixed(1) })}\n` +
        `${say('database.rows', {})}\n${formatCounts(result.counts)}\n`,
    );
    return 0;
  });
}
