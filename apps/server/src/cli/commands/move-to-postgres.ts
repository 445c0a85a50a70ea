// `otklik move-to-postgres --to <DATABASE_URL>`: the embedded database of OTKLIK_DATA_DIR into a PostgreSQL server.
import { resolve } from 'node:path';
import { formatCounts } from '../../db/raw-query';
import { readEnv } from '../../env';
import { moveToPostgres } from '../../operations/move-to-postgres';
import { parseStrict, UsageError, withUsage } from '../args';
import { say } from '../messages';

export const help = `Usage: otklik move-to-postgres --to <postgres://user:password@host:port/database>

Copies the embedded database of OTKLIK_DATA_DIR (default ./data) into an empty PostgreSQL database: migrates
the target, copies every table (progress is shown), then — before committing — compares the row count of
every table with the source and replays every case's events against its stored projection. Any difference
rolls the copy back and leaves the target empty. The embedded database is not changed; stop the server first.

Afterwards start Otklik with DATABASE_URL set to the same URL. Uploaded attachments stay in
OTKLIK_DATA_DIR/attachments: keep that folder (or the same OTKLIK_DATA_DIR) on the new server.

Options:
  --to <url>   the target database (it must exist and hold no data)
  --help       this text`;

export function run(argv: string[]): Promise<number> {
  return withUsage('move-to-postgres', async () => {
    const { values } = parseStrict(argv, { to: { type: 'string' } }, {});
    const to = values.to;
    if (!to) throw new UsageError(say('move.to-required', {}));
    let url: URL;
    try {
      url = new URL(to);
    } catch {
      throw new UsageError(say('move.not-a-url', { to }));
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new UsageError(say('move.not-postgres', {}));
    }
    const env = readEnv();
    const dataDir = resolve(env.OTKLIK_DATA_DIR);
    process.stderr.write(`${say('move.moving', { dataDir })}\n`);
    const result = await moveToPostgres({
      dataDir,
      targetUrl: to,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const counts = formatCounts(result.counts);
    process.stdout.write(`${say('move.done', { target: result.target, counts, cases: result.casesChecked })}\n`);
    return 0;
  });
}
