// Which Otklik person a directory account is (OpenID Connect or LDAP): by login first, else by e-mail. Roles stay
// in Otklik: an account with no person is refused, never created.
import { bilingualServerMessage } from '@otklik/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { people } from '../db/schema';

export interface DirectoryIdentity {
  /** The login the directory gives (preferred_username, uid, sAMAccountName). */
  readonly login: string | null;
  readonly email: string | null;
}

export type DirectoryMatch =
  | { ok: true; personId: string }
  | { ok: false; code: 'unknown' | 'ambiguous' | 'disabled'; who: string; personId?: string };

export async function matchDirectoryPerson(db: DbOrTx, identity: DirectoryIdentity): Promise<DirectoryMatch> {
  const login = identity.login?.trim().toLowerCase() || null;
  const email = identity.email?.trim().toLowerCase() || null;
  const who = login ?? email ?? '?';
  if (login) {
    const [byLogin] = await db
      .select({ id: people.id, active: people.active })
      .from(people)
      .where(eq(people.login, login));
    if (byLogin) {
      return byLogin.active
        ? { ok: true, personId: byLogin.id }
        : { ok: false, code: 'disabled', who, personId: byLogin.id };
    }
  }
  if (email) {
    const byEmail = await db
      .select({ id: people.id, active: people.active })
      .from(people)
      .where(and(sql`lower(${people.email}) = ${email}`));
    if (byEmail.length > 1) return { ok: false, code: 'ambiguous', who: email };
    const [one] = byEmail;
    if (one) {
      return one.active
        ? { ok: true, personId: one.id }
        : { ok: false, code: 'disabled', who: email, personId: one.id };
    }
  }
  return { ok: false, code: 'unknown', who };
}

/** The catalogue key of each refusal (@otklik/contract, server messages); its one parameter is `who`. */
export const DIRECTORY_REFUSALS = {
  unknown: 'auth.directory-unknown',
  ambiguous: 'auth.directory-ambiguous',
  disabled: 'auth.directory-disabled',
} as const;

export function refusalMessage(match: Extract<DirectoryMatch, { ok: false }>): string {
  return bilingualServerMessage(DIRECTORY_REFUSALS[match.code], { who: match.who });
}
