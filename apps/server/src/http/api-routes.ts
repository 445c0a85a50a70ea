// The plain HTTP routes under /api (machine clients and file transfer that do not fit tRPC).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { withDeadline } from '../errors/deadline';
import { handleAttachments } from './attachments-route';
import { handleIntake } from './intake-route';

export async function handleApiRequest(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (path === '/api/intake') return withDeadline(handleIntake(deps, req, res), deps.requestTimeoutMs);
  if (path === '/api/attachments' || path.startsWith('/api/attachments/'))
    return handleAttachments(deps, req, res, path);
  throw new AppError('NOT_FOUND', `Нет такого адреса API: ${path} / no such API route`);
}
