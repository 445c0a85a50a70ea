// Which Otklik person a directory account is (OpenID Connect or LDAP): by login first, else by e-mail. Roles stay
// in Otklik: an account with no person is refused, never created.
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

export function refusalMessage(match: Extract<DirectoryMatch, { ok: false }>): string {
  switch (match.code) {
    case 'unknown':
      return (
        `Учётная запись «${match.who}» из каталога не заведена в Otklik: попросите администратора добавить вас ` +
        `(с этим логином или адресом эл. почты) / the directory account "${match.who}" has no Otklik user: ` +
        'ask an administrator to add you with this login or e-mail'
      );
    case 'ambiguous':
      return (
        `Адрес ${match.who} указан у нескольких сотрудников Otklik: администратору нужно это исправить / ` +
        `several Otklik users have the address ${match.who}: an administrator must fix that`
      );
    case 'disabled':
      return `Учётная запись «${match.who}» в Otklik отключена / the Otklik account "${match.who}" is disabled`;
  }
}
