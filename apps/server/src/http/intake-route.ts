// POST /api/intake: a monitoring system delivers one message, authenticated by the organisation's API key
// (Authorization: Bearer …). 201 with the new case, 200 with the existing one on a repeat delivery.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { repairDeep } from '../errors/text-input';
import { organisationOfApiKey } from '../intake/api-keys';
import { intakeMessage, zIntakeMessage } from '../intake/message';
import { readJson, sendJson } from './respond';

const MAX_INTAKE_BODY = 256 * 1024;

export async function handleIntake(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') throw new AppError('METHOD_NOT_ALLOWED', 'Используйте POST / use POST');
  const auth = req.headers.authorization ?? '';
  const key = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (!key) throw new AppError('UNAUTHORIZED', 'Нужен заголовок Authorization: Bearer <ключ API> / API key required');
  const organisationId = await organisationOfApiKey(deps.db, key, deps.now());
  if (!organisationId)
    throw new AppError('UNAUTHORIZED', 'Неизвестный или отозванный ключ API / unknown or revoked key');
  // A citizen's message is never refused for a character the database cannot store (a NUL, half an emoji cut by
  // the network's API): it is replaced by U+FFFD and the answer says so; a retry gets the same answer, never a 500.
  const { value: body, repaired } = repairDeep(await readJson(req, MAX_INTAKE_BODY));
  const parsed = zIntakeMessage.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'BAD_INPUT',
      `Неверное сообщение / invalid message: ${issues[0]?.path ? `${issues[0].path}: ` : ''}${issues[0]?.message ?? ''}`,
      { issues },
    );
  }
  const result = await intakeMessage(deps, organisationId, parsed.data);
  sendJson(res, result.created ? 201 : 200, repaired ? { ...result, repairedText: true } : result);
}
