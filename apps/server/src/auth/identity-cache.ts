// Who a session cookie is, remembered briefly: identifying the person reads the session, the person, the departments
// they head, whom they stand in for and their organisation's archive mark (one statement, once five).
// An entry lives IDENTITY_TTL_MS at most and never past its session's expiry. Every change on this node that
// alters an identity (sign-out, a password change, a person's roles, department or activity, a department's
// deputy, an absence, an organisation archived) forgets every entry at once; a change made on another node is seen
// here within IDENTITY_TTL_MS.
import type { Db } from '../db/connect';
import { type CurrentUser, loadSessionUser } from './current-user';
import { hashSecret } from './tokens';

/** Longest a remembered identity is used without asking the database (bounds what another node's change waits). */
export const IDENTITY_TTL_MS = 3_000;
/** After a change, nothing is remembered for this long (the change's transaction commits meanwhile). */
export const IDENTITY_QUIET_MS = 1_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly user: CurrentUser;
  /** Wall-clock instant (Date.now) after which the entry is asked again. */
  readonly freshUntil: number;
  /** The session's expiry on the server clock. */
  readonly sessionExpiresAt: number;
}

const entries = new Map<string, Entry>();
/** Bumped by every invalidation: a lookup that began before one does not store what it read. */
let generation = 0;
/** Nothing is remembered until then: a change is forgotten when it is written, possibly inside a transaction that
 *  commits a moment later, and a lookup in between would read the state before it. */
let quietUntil = 0;

/** Forgets every remembered identity (after a change to sessions, people, departments, absences, organisations);
 *  call it where the change is written (inside its transaction is fine). */
export function forgetIdentities(): void {
  generation++;
  quietUntil = Date.now() + IDENTITY_QUIET_MS;
  entries.clear();
}

/** The signed-in person of a session token, or null (unknown, expired, deactivated, archived organisation). */
export async function identifySession(db: Db, token: string, now: number): Promise<CurrentUser | null> {
  const key = hashSecret(token);
  const wall = Date.now();
  const hit = entries.get(key);
  if (hit && hit.freshUntil > wall && hit.sessionExpiresAt > now) return hit.user;
  if (hit) entries.delete(key);
  const started = generation;
  // The session and its person in one statement.
  const session = await loadSessionUser(db, key, now);
  const user = session?.user ?? null;
  // Only live identities are remembered: a refusal is asked again on the next request.
  if (session && user && started === generation && Date.now() >= quietUntil) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, { user, freshUntil: wall + IDENTITY_TTL_MS, sessionExpiresAt: session.sessionExpiresAt });
  }
  return user;
}
