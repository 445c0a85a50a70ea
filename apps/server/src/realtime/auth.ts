// Who is on a socket: the person of the session cookie (the same cookie tRPC reads), or a wall display by its
// read-only token (`auth: { displayToken }`). Anything else is refused with a readable message. The person is
// identified as every request identifies them (auth/identity-cache.ts: remembered briefly, forgotten on any change).

import {
  bilingualServerMessage,
  type MessageLang,
  messageIn,
  type ServerMessageKey,
  type SocketData,
} from '@otklik/contract';
import { identifySession } from '../auth/identity-cache';
import { parseCookies, SESSION_COOKIE } from '../auth/sessions';
import { hashSecret } from '../auth/tokens';
import { zWallFilters } from '../cases/rows';
import type { ServerDeps } from '../deps';
import {
  DISPLAY_KEY_MESSAGES,
  DISPLAY_KEY_REVOKED,
  DISPLAY_KEY_UNKNOWN,
  displayKeyMessages,
  findDisplayToken,
} from '../intake/api-keys';

export type SocketIdentity = SocketData['who'];

export interface SocketSignIn {
  who: SocketIdentity;
  /** What to check again later (session-check.ts): the hash of the cookie token or of the display token. */
  credential: { kind: 'session' | 'display'; hash: string };
}

/** A refused handshake; `data.code` (socket.io sends `data` to the client with connect_error) says why, e.g.
 *  display-key-revoked, so a wall tells a revoked key from a lost connection. */
export class SocketAuthError extends Error {
  readonly data: { code?: string; key?: ServerMessageKey } | undefined;
  /** `key`: the message's key in the server catalogue, for a client to word in its reader's language. */
  constructor(
    message: string,
    readonly code?: string,
    readonly key?: ServerMessageKey,
  ) {
    super(message);
    this.data = code || key ? { ...(code ? { code } : {}), ...(key ? { key } : {}) } : undefined;
  }

  /** The same refusal with its message in `lang` (a refusal without a key keeps its own words). */
  in(lang: MessageLang): SocketAuthError {
    return this.key ? new SocketAuthError(messageIn(this.key, {}, lang) ?? this.message, this.code, this.key) : this;
  }
}

export async function authenticateSocket(
  deps: ServerDeps,
  handshake: { cookieHeader: string | undefined; auth: Record<string, unknown> },
): Promise<SocketSignIn> {
  const displayToken = handshake.auth.displayToken;
  if (typeof displayToken === 'string' && displayToken.length > 0) {
    const display = await findDisplayToken(deps.db, displayToken);
    if (display?.state !== 'live') {
      const reason = display ? DISPLAY_KEY_REVOKED : DISPLAY_KEY_UNKNOWN;
      throw new SocketAuthError(displayKeyMessages[reason], reason, DISPLAY_KEY_MESSAGES[reason]);
    }
    return {
      who: {
        kind: 'display',
        displayId: display.id,
        organisationId: display.organisationId,
        filters: zWallFilters.parse(display.filters),
      },
      credential: { kind: 'display', hash: hashSecret(displayToken) },
    };
  }
  const token = parseCookies(handshake.cookieHeader)[SESSION_COOKIE];
  const user = token ? await identifySession(deps.db, token, deps.now()) : null;
  if (!user) throw new SocketAuthError(bilingualServerMessage('auth.sign-in', {}), undefined, 'auth.sign-in');
  return {
    who: {
      kind: 'person',
      personId: user.personId,
      fullName: user.fullName,
      organisationId: user.organisationId,
      roles: [...user.roles],
      departmentIds: [...user.actor.departmentIds],
      substituteFor: [...(user.actor.substituteFor ?? [])],
    },
    credential: { kind: 'session', hash: hashSecret(token!) },
  };
}
