// The plain HTTP routes under /api (machine clients and file transfer that do not fit tRPC).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleOidc } from '../auth/oidc-routes';
import { handleChannelWebhook } from '../channels/webhooks';
import type { ServerDeps } from '../deps';
import { appError } from '../errors/app-error';
import { withDeadline } from '../errors/deadline';
import { intakeDocsHtml, intakeOpenApi } from '../intake/openapi';
import { handleAttachments } from './attachments-route';
import { BOARD_ROUTE, handleBoardSnapshot } from './board-route';
import { handleIntake, handleIntakeBatch } from './intake-route';
import { sendJson } from './respond';

function sendHtml(res: ServerResponse, html: string) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

export async function handleApiRequest(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (path === '/api/intake') return withDeadline(handleIntake(deps, req, res), deps.requestTimeoutMs);
  if (path === BOARD_ROUTE) return handleBoardSnapshot(deps, req, res);
  if (path.startsWith('/api/auth/oidc/')) return handleOidc(deps, req, res, path);
  if (path === '/api/intake/batch') return withDeadline(handleIntakeBatch(deps, req, res), deps.requestTimeoutMs);
  if (path === '/api/openapi.json') return sendJson(res, 200, intakeOpenApi());
  if (path === '/api/docs') return sendHtml(res, intakeDocsHtml());
  if (path.startsWith('/api/channels/')) return handleChannelWebhook(deps, req, res, path);
  if (path === '/api/attachments' || path.startsWith('/api/attachments/'))
    return handleAttachments(deps, req, res, path);
  throw appError('NOT_FOUND', 'http.no-api-route', { path });
}
