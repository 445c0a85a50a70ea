// Serialises appends to one organisation's event log, so within an organisation `seq` order is commit order and
// a client that applied seq N never later meets a smaller seq of that organisation (see client-sync.ts).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';

/** Call inside the transaction, before inserting into case_events; released at commit or rollback. */
export async function lockOrganisationEventLog(tx: DbOrTx, organisationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`otklik:case-events:${organisationId}`}))`);
}
