// The one tRPC client of the web app, typed by the server's AppRouter (a type import: no server code is bundled).
// Same origin as the page, so the session cookie travels with every call.
import type { AppRouter } from '@otklik/server/router';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) })],
});
