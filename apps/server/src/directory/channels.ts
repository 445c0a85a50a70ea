// The body's official accounts per network (NAO p.2–7: the account registry).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { channelAccounts } from '../db/schema';

export type ChannelAccountRow = typeof channelAccounts.$inferSelect;

export function listChannelAccounts(db: DbOrTx, organisationId: string): Promise<ChannelAccountRow[]> {
  return db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.organisationId, organisationId))
    .orderBy(asc(channelAccounts.network));
}

export async function createChannelAccount(
  db: DbOrTx,
  input: { organisationId: string; network: string; url: string; title?: string },
): Promise<ChannelAccountRow> {
  const [row] = await db
    .insert(channelAccounts)
    .values({ ...input, title: input.title ?? '' })
    .returning();
  return row!;
}
