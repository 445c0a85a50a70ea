// Test callers of the API: the shared typed client (`@otklik/server/client`) with a session of its own. Every call
// carries the app's own origin, as a browser sends it (state-changing calls with a session cookie need it), and the
// session cookie the server set last, so `signIn` once and call on as that person.
import { createOtklikClient, type OtklikClient } from '@otklik/server/client';

export interface TestSession {
  /** The typed client, calling as this session's person once signed in. */
  readonly api: OtklikClient;
  /** `name=value` of the session cookie ('' before sign-in), e.g. for a socket's handshake. */
  readonly cookie: () => string;
  signIn(login: string, password: string): Promise<TestSession>;
}

/** A client of the server at `baseUrl` (e.g. http://127.0.0.1:3000) keeping its own session cookie. */
export function testSession(baseUrl: string, initialCookie = ''): TestSession {
  let cookie = initialCookie;
  const origin = new URL(baseUrl).origin;
  const keepCookie: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return res;
  };
  const api = createOtklikClient({
    url: `${origin}/trpc`,
    fetch: keepCookie,
    headers: (): Record<string, string> => (cookie ? { origin, cookie } : { origin }),
  });
  const session: TestSession = {
    api,
    cookie: () => cookie,
    async signIn(login, password) {
      await api.auth.login.mutate({ login, password });
      return session;
    },
  };
  return session;
}
