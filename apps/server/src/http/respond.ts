// Small helpers for the plain HTTP routes (health, intake, attachments): JSON replies and AppError mapping.
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { ServerDeps } from '../deps';
import { appError } from '../errors/app-error';
import { toClientError } from '../errors/client-error';
import { messageInRequestLanguage, requestLanguage } from '../errors/language';

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The shared client-error mapping (errors/client-error.ts) as a JSON reply, its message in the request's language
 *  (Accept-Language; the key and parameters beside it are for a client that words them itself). */
export function sendError(res: ServerResponse, error: unknown, where = 'http') {
  const client = toClientError(error, where);
  const lang = requestLanguage(res.req?.headers['accept-language']);
  sendJson(res, client.httpStatus, {
    error: {
      code: client.code,
      message: messageInRequestLanguage(client.refusal, lang, client.message),
      // The message's catalogue key and parameters, for a client to word in its reader's language.
      key: client.refusal?.key ?? null,
      params: client.refusal?.params ?? null,
      details: client.details,
      requestId: client.requestId,
    },
  });
}

/** Reads a request body up to `limit` bytes; a bigger one is refused with TOO_LARGE before it is all read. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number) {
  return appError('TOO_LARGE', 'http.too-large', { kb: Math.round(limit / 1024) });
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw appError('BAD_INPUT', 'http.not-json', {});
  }
}

/** The client's address: the peer, or (when the peer is a trusted proxy, OTKLIK_TRUST_PROXY) the address the proxy
 *  reports in X-Forwarded-For, walking back only through trusted proxies. */
export function clientIp(deps: Pick<ServerDeps, 'trustProxy'>, req: IncomingMessage): string {
  if (!req.socket.remoteAddress) return 'unknown';
  return proxyAddr(req, deps.trustProxy);
}
