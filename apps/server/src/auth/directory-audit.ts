// The audit entry of a sign-in through the administration's directory (OpenID Connect or LDAP), granted or refused:
// written under the person's organisation when the directory account is one of ours, installation-level otherwise.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import type { DbOrTx } from '../db/connect';
import { people } from '../db/schema';

export interface DirectorySignIn {
  readonly method: 'oidc' | 'ldap';
  /** The Otklik person the directory account is (or was refused as), if any. */
  readonly personId: string | null;
  /** The directory's login or e-mail, as the directory gave it. */
  readonly who: string | null;
  readonly ip: string | null;
  readonly at: number;
  /** Why the sign-in was refused; absent when it was granted. */
  readonly refused?: string;
}

export async function recordDirectorySignIn(db: DbOrTx, e: DirectorySignIn): Promise<void> {
  const [person] = e.personId
    ? await db
        .select({ organisationId: people.organisationId, login: people.login })
        .from(people)
        .where(eq(people.id, e.personId))
    : [];
  await recordAudit(db, {
    organisationId: person?.organisationId ?? null,
    actorId: e.personId,
    actorLogin: person?.login ?? e.who,
    ip: e.ip,
    at: e.at,
    action: e.refused ? 'sign-in.failed' : 'sign-in',
    targetType: 'person',
    targetId: e.personId,
    details: {
      method: e.method,
      ...(e.who ? { directoryAccount: e.who } : {}),
      ...(e.refused ? { reason: e.refused } : {}),
    },
  });
}
