// The tRPC context: server dependencies, the signed-in user (from the session cookie), the request's language and a
// way to set cookies.
// HTTP requests and tests (createCaller) build it through the same function.
import type { MessageLang } from '@otklik/contract';
import type { CurrentUser } from '../auth/current-user';
import { identifySession } from '../auth/identity-cache';
import { parseCookies, SESSION_COOKIE } from '../auth/sessions';
import type { ServerDeps } from '../deps';
import { requestLanguage } from '../errors/language';

export interface Context {
  readonly deps: ServerDeps;
  readonly user: CurrentUser | null;
  readonly sessionToken: string | null;
  readonly ip: string;
  readonly userAgent: string;
  /** The request's language (Accept-Language): the `message` of an error is worded in it. */
  readonly lang: MessageLang;
  /** Adds a Set-Cookie header to the response. */
  readonly setCookie: (cookie: string) => void;
}

export interface ContextInput {
  cookieHeader?: string;
  ip?: string;
  userAgent?: string;
  /** The Accept-Language header; Russian when absent. */
  acceptLanguage?: string | readonly string[];
  setCookie?: (cookie: string) => void;
}

export async function createContext(deps: ServerDeps, input: ContextInput): Promise<Context> {
  const token = parseCookies(input.cookieHeader)[SESSION_COOKIE] ?? null;
  const now = deps.now();
  // Remembered for a few seconds, forgotten on any change to who someone is (auth/identity-cache.ts).
  const user = token ? await identifySession(deps.db, token, now) : null;
  return {
    deps,
    user,
    sessionToken: user ? token : null,
    ip: input.ip ?? 'local',
    userAgent: input.userAgent ?? '',
    lang: requestLanguage(input.acceptLanguage),
    setCookie: input.setCookie ?? (() => {}),
  };
}
