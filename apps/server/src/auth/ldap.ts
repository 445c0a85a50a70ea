// Sign-in against LDAP or Active Directory: the service account (or an anonymous bind) finds the user's entry by
// the login, then the user's own password is checked by binding as that entry. ldapts is the client.
import { bilingualServerMessage } from '@otklik/contract';
import { Client, InvalidCredentialsError, SizeLimitExceededError } from 'ldapts';
import type { DirectoryIdentity } from './directory-match';

export interface LdapSettings {
  readonly url: string;
  readonly baseDn: string;
  readonly bindDn?: string;
  readonly bindPassword?: string;
  /** With {login}: e.g. (|(uid={login})(sAMAccountName={login})). */
  readonly userFilter: string;
  readonly timeoutMs?: number;
}

export type LdapOutcome =
  | { ok: true; identity: DirectoryIdentity; dn: string }
  | { ok: false; reason: 'no-entry' | 'ambiguous' | 'bad-password' };

export class DirectoryUnavailableError extends Error {
  constructor(cause: unknown) {
    super(bilingualServerMessage('auth.directory-unavailable', {}));
    this.name = 'DirectoryUnavailableError';
    this.cause = cause;
  }
}

/** RFC 4515: a value inside a search filter cannot change the filter. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const first = (v: unknown): string | null => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' && x.length > 0 ? x : Buffer.isBuffer(x) ? x.toString('utf8') : null;
};

export async function ldapAuthenticate(settings: LdapSettings, login: string, password: string): Promise<LdapOutcome> {
  // An empty password is an "unauthenticated bind" that many servers accept: never a sign-in.
  if (password.length === 0 || login.trim().length === 0) return { ok: false, reason: 'bad-password' };
  const timeout = settings.timeoutMs ?? 10_000;
  const client = new Client({ url: settings.url, timeout, connectTimeout: timeout });
  try {
    let entries: Record<string, unknown>[];
    try {
      if (settings.bindDn) await client.bind(settings.bindDn, settings.bindPassword ?? '');
      const filter = settings.userFilter.replaceAll('{login}', escapeFilterValue(login.trim()));
      const result = await client.search(settings.baseDn, {
        scope: 'sub',
        filter,
        sizeLimit: 2,
        attributes: ['uid', 'sAMAccountName', 'userPrincipalName', 'mail'],
      });
      entries = result.searchEntries;
    } catch (error) {
      if (error instanceof SizeLimitExceededError) return { ok: false, reason: 'ambiguous' };
      throw new DirectoryUnavailableError(error);
    }
    if (entries.length === 0) return { ok: false, reason: 'no-entry' };
    if (entries.length > 1) return { ok: false, reason: 'ambiguous' };
    const entry = entries[0]!;
    const dn = String(entry.dn);
    try {
      await client.bind(dn, password);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return { ok: false, reason: 'bad-password' };
      throw new DirectoryUnavailableError(error);
    }
    return {
      ok: true,
      dn,
      identity: { login: first(entry.uid) ?? first(entry.sAMAccountName) ?? login.trim(), email: first(entry.mail) },
    };
  } finally {
    await client.unbind().catch(() => {});
  }
}
