// POST /api/intake: a monitoring system delivers one message, authenticated by the organisation's API key
// (Authorization: Bearer …). 201 with the new case, 200 with the existing one on a repeat delivery; and
// POST /api/intake/batch for many at once.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ValidationIssue } from '@otklik/contract';
import type { ServerDeps } from '../deps';
import { organisationArchived } from '../directory/organisations';
import { AppError, appError } from '../errors/app-error';
import { issueList, issueParams } from '../errors/input-issue';
import { messageInRequestLanguage, requestLanguage } from '../errors/language';
import { repairDeep } from '../errors/text-input';
import { apiKeyHolder } from '../intake/api-keys';
import { intakeMessage, zIntakeBatch, zIntakeMessage } from '../intake/message';
import { readJson, sendJson } from './respond';

const MAX_INTAKE_BODY = 256 * 1024;

const MAX_BATCH_BODY = 5 * 1024 * 1024;

/** The organisation of the request's API key, before the body is read; an archived one is refused here (the key's
 *  statement says so), so the messages need no statement of their own for it. */
async function authenticate(deps: ServerDeps, req: IncomingMessage): Promise<string> {
  if (req.method !== 'POST') throw appError('METHOD_NOT_ALLOWED', 'http.use-post', {});
  const auth = req.headers.authorization ?? '';
  const key = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (!key) throw appError('UNAUTHORIZED', 'http.api-key-required', {});
  const holder = await apiKeyHolder(deps.db, key, deps.now());
  if (!holder) throw appError('UNAUTHORIZED', 'http.api-key-unknown', {});
  if (holder.archived) throw organisationArchived();
  return holder.organisationId;
}

/** POST /api/intake/batch: each message is validated and delivered on its own; one bad message refuses only itself. */
export async function handleIntakeBatch(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const organisationId = await authenticate(deps, req);
  const { value: batch, repaired } = repairDeep(await readJson(req, MAX_BATCH_BODY));
  const parsed = zIntakeBatch.safeParse(batch);
  if (!parsed.success) {
    throw appError('BAD_INPUT', 'input.invalid', issueParams('batch', parsed.error));
  }
  const results: (
    | { index: number; caseId: string; created: boolean }
    | {
        index: number;
        error: {
          path: string;
          message: string;
          issue?: ValidationIssue;
          key?: string;
          params?: Readonly<Record<string, unknown>>;
        };
      }
  )[] = [];
  const lang = requestLanguage(req.headers['accept-language']);
  for (const [index, raw] of parsed.data.messages.entries()) {
    const message = zIntakeMessage.safeParse(raw);
    if (!message.success) {
      results.push({ index, error: issueList(message.error)[0] ?? { path: '', message: 'invalid' } });
      continue;
    }
    try {
      results.push({
        index,
        ...(await intakeMessage(deps, organisationId, message.data, { organisationActive: true })),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const said = error.refusal ?? null;
      results.push({
        index,
        error: {
          path: '',
          message: messageInRequestLanguage(said, lang, error.message),
          ...(said ? { key: said.key, params: said.params } : {}),
        },
      });
    }
  }
  const created = results.filter((r) => 'created' in r && r.created).length;
  const failed = results.filter((r) => 'error' in r).length;
  const summary = { results, created, existing: results.length - created - failed, failed };
  sendJson(res, 200, repaired ? { ...summary, repairedText: true } : summary);
}

export async function handleIntake(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const organisationId = await authenticate(deps, req);
  // A citizen's message is never refused for a character the database cannot store (a NUL, half an emoji cut by
  // the network's API): it is replaced by U+FFFD and the answer says so; a retry gets the same answer, never a 500.
  const { value: body, repaired } = repairDeep(await readJson(req, MAX_INTAKE_BODY));
  const parsed = zIntakeMessage.safeParse(body);
  if (!parsed.success) {
    throw appError('BAD_INPUT', 'input.invalid', issueParams('message', parsed.error), {
      issues: issueList(parsed.error),
    });
  }
  const result = await intakeMessage(deps, organisationId, parsed.data, { organisationActive: true });
  sendJson(res, result.created ? 201 : 200, repaired ? { ...result, repairedText: true } : result);
}
