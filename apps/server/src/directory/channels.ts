// The body's official accounts per network (NAO p.2–7: the account registry) as every signed-in person may see
// them: network, link, title. Tokens and connector health are the administrator's (channels/accounts.ts).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { channelAccounts } from '../db/schema';

const registryColumns = {
  id: channelAccounts.id,
  organisationId: channelAccounts.organisationId,
  network: channelAccounts.network,
  url: channelAccounts.url,
  title: channelAccounts.title,
  createdAt: channelAccounts.createdAt,
};

export type ChannelRegistryEntry = {
  id: string;
  organisationId: string;
  network: string;
  url: string;
  title: string;
  createdAt: Date;
};

export function listChannelAccounts(db: DbOrTx, organisationId: string): Promise<ChannelRegistryEntry[]> {
  return db
    .select(registryColumns)
    .from(channelAccounts)
    .where(eq(channelAccounts.organisationId, organisationId))
    .orderBy(asc(channelAccounts.network));
}
