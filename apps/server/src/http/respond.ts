// Small helpers for the plain HTTP routes (health, intake, attachments): JSON replies and AppError mapping.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_ERROR_CODES, AppError } from '../errors/app-error';
import { log } from '../log';

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown) {
  if (error instanceof AppError) {
    sendJson(res, APP_ERROR_CODES[error.code].http, {
      error: { code: error.code, message: error.message, details: error.details ?? null },
    });
    return;
  }
  log.error({ err: error }, 'HTTP handler error');
  sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Внутренняя ошибка сервера / internal server error' } });
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
  return new AppError(
    'TOO_LARGE',
    `Слишком большой запрос (не более ${Math.round(limit / 1024)} КБ) / request too large`,
  );
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('BAD_INPUT', 'Тело запроса — не JSON / the request body is not valid JSON');
  }
}

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
