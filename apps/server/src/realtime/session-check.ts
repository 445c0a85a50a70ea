// Sockets outlive the request that opened them: every few seconds the sessions (and display tokens) behind this
// node's sockets are checked again, and a socket whose session ended (sign-out, expiry, deactivated person,
// revoked display) is told so and disconnected, so it receives nothing more.
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { displayTokens, people, sessions } from '../db/schema';
import type { ServerDeps } from '../deps';

export interface SessionCheck {
  /** Remembers the credential a socket signed in with (its hash, never the secret). */
  track(socketId: string, credential: { kind: 'session' | 'display'; hash: string }): void;
  forget(socketId: string): void;
  /** The ids of tracked sockets whose credential is no longer valid. */
  expired(): Promise<string[]>;
}

export function createSessionCheck(deps: ServerDeps): SessionCheck {
  const tracked = new Map<string, { kind: 'session' | 'display'; hash: string }>();
  return {
    track: (socketId, credential) => tracked.set(socketId, credential),
    forget: (socketId) => tracked.delete(socketId),
    async expired() {
      const sessionHashes = [...new Set([...tracked.values()].filter((c) => c.kind === 'session').map((c) => c.hash))];
      const displayHashes = [...new Set([...tracked.values()].filter((c) => c.kind === 'display').map((c) => c.hash))];
      const live = new Set<string>();
      if (sessionHashes.length > 0) {
        const rows = await deps.db
          .select({ id: sessions.id })
          .from(sessions)
          .innerJoin(people, eq(people.id, sessions.personId))
          .where(
            and(
              inArray(sessions.id, sessionHashes),
              gt(sessions.expiresAt, new Date(deps.now())),
              eq(people.active, true),
            ),
          );
        for (const r of rows) live.add(r.id);
      }
      if (displayHashes.length > 0) {
        const rows = await deps.db
          .select({ hash: displayTokens.tokenHash })
          .from(displayTokens)
          .where(and(inArray(displayTokens.tokenHash, displayHashes), isNull(displayTokens.revokedAt)));
        for (const r of rows) live.add(r.hash);
      }
      return [...tracked.entries()].filter(([, c]) => !live.has(c.hash)).map(([id]) => id);
    },
  };
}
