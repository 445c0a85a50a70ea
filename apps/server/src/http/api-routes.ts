// The plain HTTP routes under /api (machine clients and file transfer that do not fit tRPC).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';

export async function handleApiRequest(
  _deps: ServerDeps,
  _req: IncomingMessage,
  _res: ServerResponse,
  path: string,
): Promise<void> {
  throw new AppError('NOT_FOUND', `Нет такого адреса API: ${path} / no such API route`);
}
