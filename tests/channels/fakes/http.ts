// A tiny HTTP server for the fake networks: listens on 127.0.0.1 on a free port, parses the request body
// (JSON, form or multipart kept raw), records every call, and closes with the test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from '../../../apps/server/src/http/respond';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** Form and query parameters merged with a JSON body's top-level fields (as strings where they were). */
  readonly params: Record<string, unknown>;
  readonly raw: Buffer;
  readonly at: number;
}

export type FakeHandler = (req: FakeRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeServer {
  readonly url: string;
  readonly calls: FakeRequest[];
  close(): Promise<void>;
}

// A fake answers in JSON as the server's own routes do.
export { sendJson };

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const calls: FakeRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readAll(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/x-www-form-urlencoded')) {
        Object.assign(params, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
      } else if (type.includes('application/json') && raw.length > 0) {
        Object.assign(params, JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
      }
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        params,
        raw,
        at: Date.now(),
      };
      calls.push(request);
      await handler(request, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    });
  });
  // Long polls must not keep the process alive after the test.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `ready()` or `ms` pass, checking every few milliseconds (a long poll's wait). */
export async function waitFor(ready: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!ready() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
