// /api/attachments: upload (POST ?caseId=…&name=…, the raw file as body) by someone who takes part in the case
// (curators, operators, its executors), and download (GET /api/attachments/<id>) by someone who may see the case.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { takesPartIn } from '@otklik/domain';
import { openAttachment, saveAttachment } from '../attachments/store';
import { requireVisibleCase } from '../cases/access';
import type { ServerDeps } from '../deps';
import { appError } from '../errors/app-error';
import { withDeadline } from '../errors/deadline';
import { assertStorableText } from '../errors/text-input';
import { createContext } from '../trpc/context';
import { clientIp, sendJson } from './respond';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in person of a plain route's request (the session cookie, as tRPC's context reads it). */
export async function requireUser(deps: ServerDeps, req: IncomingMessage) {
  const ctx = await withDeadline(
    createContext(deps, { cookieHeader: req.headers.cookie, ip: clientIp(deps, req) }),
    deps.requestTimeoutMs,
  );
  if (!ctx.user) throw appError('UNAUTHORIZED', 'auth.sign-in', {});
  return ctx.user;
}

export async function handleAttachments(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, path: string) {
  const user = await requireUser(deps, req);
  if (req.method === 'POST' && path === '/api/attachments') {
    const url = new URL(req.url ?? '/', 'http://x');
    const caseId = url.searchParams.get('caseId') ?? '';
    const name = url.searchParams.get('name')?.trim() || 'file';
    if (!UUID.test(caseId)) throw appError('BAD_INPUT', 'attachment.case-required', {});
    assertStorableText(name);
    const parties = await requireVisibleCase(deps.db, user.organisationId, caseId, user.actor);
    if (!takesPartIn(user.actor, parties)) {
      throw appError('FORBIDDEN', 'attachment.participants-only', {});
    }
    const length = req.headers['content-length'];
    const row = await saveAttachment(deps, {
      organisationId: user.organisationId,
      caseId,
      personId: user.personId,
      fileName: name,
      contentType: req.headers['content-type'] ?? '',
      declaredSize: length !== undefined ? Number(length) : undefined,
      body: req,
    });
    sendJson(res, 201, {
      id: row.id,
      url: `/api/attachments/${row.id}`,
      name: row.fileName,
      contentType: row.contentType,
      size: row.sizeBytes,
    });
    return;
  }
  const id = path.slice('/api/attachments/'.length);
  if (req.method === 'GET' && UUID.test(id)) {
    const { row, stream, size } = await openAttachment(deps, user.organisationId, id, async (caseId) => {
      if (caseId) await requireVisibleCase(deps.db, user.organisationId, caseId, user.actor);
    });
    const inline = row.contentType.startsWith('image/') || row.contentType === 'application/pdf';
    res.writeHead(200, {
      'content-type': row.contentType,
      'content-length': size,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
    });
    stream.pipe(res);
    return;
  }
  throw appError('NOT_FOUND', 'attachment.none', {});
}
