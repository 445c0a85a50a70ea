// The one mapping from anything thrown to what a client may see, shared by tRPC, the plain HTTP routes and the
// socket: an AppError keeps its code and message; a database that is down or too slow becomes UNAVAILABLE; a value
// the database refuses (bad uuid, NUL byte, duplicate) becomes a 4xx; anything else is INTERNAL with a request id
// that the client shows and the server logs with the stack. SQL text, parameters and stacks never leave the server.
import { randomBytes } from 'node:crypto';
import { bilingualServerMessage } from '@otklik/contract';
import { CalendarError } from '@otklik/domain';
import { sqlState } from '../db/errors';
import { log } from '../log';
import { APP_ERROR_CODES, AppError, type AppErrorCode, appError, calendarRefused, type Refusal } from './app-error';

const errorLog = log.child({ component: 'errors' });

export interface ClientError {
  readonly code: AppErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>> | null;
  /** A domain refusal's key and parameters (the message says the same in Russian and English). */
  readonly refusal: Refusal | null;
  /** Set for unexpected errors: the same id is in the server log next to the stack. */
  readonly requestId: string | null;
  readonly httpStatus: number;
}

/** Errors of the drivers (postgres, pg, PGlite) and of the network meaning "the database is not there now". */
const UNAVAILABLE_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function nodeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const databaseUnavailable = () => appError('UNAVAILABLE', 'db.unavailable', {});

/** Whether an error means the database cannot be reached or answered too late (not a refusal of the request). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'UNAVAILABLE';
  const state = sqlState(error);
  if (state) {
    // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now; 53300: too many connections;
    // 57014: statement timeout (or cancel).
    return state.startsWith('08') || /^57P0[1-3]$/.test(state) || state === '53300' || state === '57014';
  }
  if (nodeCode(error)) return true;
  // PGlite after close, postgres.js after end().
  return (
    /closed|terminat|Connection ended|pglite is closed/i.test(messageOf(error)) && !/syntax/i.test(messageOf(error))
  );
}

/** A refusal by the database of a value the client sent (never its text: it can quote SQL). */
function refusedValue(error: unknown): AppError | null {
  const state = sqlState(error);
  if (!state) return null;
  if (state === '23505') {
    return appError('CONFLICT', 'db.duplicate', {});
  }
  if (state === '23503') {
    return appError('NOT_FOUND', 'db.missing-reference', {});
  }
  // 22: data exception (bad uuid text, NUL byte, bad Unicode escape, out of range…).
  if (state.startsWith('22')) {
    return appError('BAD_INPUT', 'db.invalid-value', {});
  }
  return null;
}

export function newRequestId(): string {
  return randomBytes(6).toString('hex');
}

/** Writes an unexpected error with its request id to the server log. */
export function logInternalError(where: string, requestId: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  errorLog.error({ where, requestId, err: text }, `internal error [request ${requestId}]`);
}

/** What a client is told about `error`; unexpected errors are logged here, once. */
export function toClientError(error: unknown, where: string): ClientError {
  let app: AppError | null = error instanceof AppError ? error : null;
  // The calendar refusing what it was given (a request's date or zone) is the caller's to fix, with its words.
  if (!app && error instanceof CalendarError) app = calendarRefused(error);
  if (!app && isDatabaseUnavailable(error)) {
    app = databaseUnavailable();
    errorLog.warn({ where, err: messageOf(error).split('\n')[0] }, 'database unavailable');
  }
  app ??= refusedValue(error);
  if (app && app.code !== 'INTERNAL') {
    return {
      code: app.code,
      message: app.message,
      details: app.details ?? null,
      refusal: app.refusal ?? null,
      requestId: null,
      httpStatus: APP_ERROR_CODES[app.code].http,
    };
  }
  const requestId = newRequestId();
  logInternalError(where, requestId, error);
  // An AppError('INTERNAL') carries a message we wrote ourselves (e.g. a stored profile is damaged): keep it.
  const said = app ? `${app.message} ` : '';
  return {
    code: 'INTERNAL',
    message: `${said}${bilingualServerMessage('internal', { requestId })}`,
    details: null,
    // Only the words we wrote ourselves are lost if a client words the key: the request id is what matters.
    refusal: app ? null : { key: 'internal', params: { requestId } },
    requestId,
    httpStatus: 500,
  };
}
