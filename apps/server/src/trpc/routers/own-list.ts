// The list of one kind of row of the caller's own organisation (topics, places, people, API keys, profiles…): every
// such query answers the same way, for the organisation of the signed-in person and no other.
import type { DbOrTx } from '../../db/connect';

/** The query resolver of `list` for the caller's own organisation. */
export const ownOrganisationList =
  <T>(list: (db: DbOrTx, organisationId: string) => Promise<T>) =>
  ({ ctx }: { ctx: { deps: { db: DbOrTx }; user: { organisationId: string } } }): Promise<T> =>
    list(ctx.deps.db, ctx.user.organisationId);
