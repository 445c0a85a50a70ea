// The one way to call Otklik's API from TypeScript: a tRPC client typed by the server's AppRouter. The web app, the
// wall and every test build their clients here, so a procedure renamed or an input changed on the server is a compile
// error in each caller, not a 404 at run time. Only `@trpc/client` and types are imported: the web bundle gets no
// server code.
import { createTRPCClient, httpBatchLink, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from './app-router';

export { TRPCClientError } from '@trpc/client';
export type { AppRouter } from './app-router';
/** A page of the board snapshot, GET /api/board (a plain route: its body is passed through unparsed). */
export type { BoardSnapshotPage } from './outputs-cases';
export type OtklikClient = TRPCClient<AppRouter>;

export interface OtklikClientOptions {
  /** The tRPC endpoint: '/trpc' in the browser, `${origin}/trpc` elsewhere. */
  readonly url: string;
  /** The fetch to use (a session-aware one in the browser, a cookie-keeping one in tests). */
  readonly fetch?: typeof fetch;
  /** Headers sent with every call, read per call (e.g. a session cookie that changes after sign-in). */
  readonly headers?: () => Record<string, string>;
  /** Batch the calls made in one tick into one request (the browser's choice); one request per call otherwise. */
  readonly batch?: boolean;
}

export function createOtklikClient(options: OtklikClientOptions): OtklikClient {
  const linkOptions = {
    url: options.url,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };
  return createTRPCClient<AppRouter>({
    links: [options.batch ? httpBatchLink(linkOptions) : httpLink(linkOptions)],
  });
}
