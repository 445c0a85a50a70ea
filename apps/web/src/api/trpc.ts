// The one tRPC client of the web app, typed by the server's AppRouter (a type import: no server code is bundled).
// Same origin as the page, so the session cookie travels with every call; a 401 outside sign-in means the session
// ended, and the app goes back to the login page instead of showing errors on every panel.
import { createOtklikClient } from '@otklik/server/client';
import { useSession } from '../stores/session';

async function sessionAwareFetch(url: URL | RequestInfo, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, { ...init, credentials: 'same-origin' });
  const path = typeof url === 'string' ? url : url instanceof URL ? url.pathname : url.url;
  if (res.status === 401 && !path.includes('auth.login') && useSession.getState().status === 'authenticated') {
    useSession.getState().signedOut();
  }
  return res;
}

export const api = createOtklikClient({ url: '/trpc', fetch: sessionAwareFetch, batch: true });
