// The one typed application error: services throw AppError(code, message), the tRPC error formatter and the
// plain HTTP routes map its code to a status. A message is a key of a catalogue and its parameters (`appError`:
// the server's messages in @otklik/contract; a domain refusal: the domain's catalogue), which clients word in their
// reader's language; `message` is the same in Russian and English, Russian first, for the log and old clients.
import {
  bilingualServerMessage,
  type NotFoundThing,
  type ServerMessageKey,
  type ServerMessageParams,
} from '@otklik/contract';
import {
  bilingualRefusal,
  type CalendarError,
  describePasswordProblem,
  type PasswordProblem,
  passwordRefusal,
  type RefusalParams,
} from '@otklik/domain';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

export const APP_ERROR_CODES = {
  UNAUTHORIZED: { trpc: 'UNAUTHORIZED', http: 401 },
  FORBIDDEN: { trpc: 'FORBIDDEN', http: 403 },
  NOT_FOUND: { trpc: 'NOT_FOUND', http: 404 },
  /** Someone changed the case first (optimistic concurrency), or a unique name is taken. */
  CONFLICT: { trpc: 'CONFLICT', http: 409 },
  BAD_INPUT: { trpc: 'BAD_REQUEST', http: 400 },
  METHOD_NOT_ALLOWED: { trpc: 'METHOD_NOT_SUPPORTED', http: 405 },
  /** The domain refused the command (wrong state, deadline too long…). */
  DOMAIN_REFUSED: { trpc: 'UNPROCESSABLE_CONTENT', http: 422 },
  TOO_LARGE: { trpc: 'PAYLOAD_TOO_LARGE', http: 413 },
  UNSUPPORTED_TYPE: { trpc: 'UNSUPPORTED_MEDIA_TYPE', http: 415 },
  RATE_LIMITED: { trpc: 'TOO_MANY_REQUESTS', http: 429 },
  /** The database is down, restarting or does not answer in time: try again shortly. */
  UNAVAILABLE: { trpc: 'SERVICE_UNAVAILABLE', http: 503 },
  INTERNAL: { trpc: 'INTERNAL_SERVER_ERROR', http: 500 },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; http: number }>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** A message as a key of a catalogue (the server's messages, or the domain's refusals) and its parameters: the
 *  web app and the CLI word it themselves. */
export interface Refusal {
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    readonly refusal?: Refusal,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The catalogue key of the message; null for a message not (yet) in a catalogue. */
  get key(): string | null {
    return this.refusal?.key ?? null;
  }

  get params(): Readonly<Record<string, unknown>> | null {
    return this.refusal?.params ?? null;
  }
}

/** An error whose message is the server catalogue's `key` with `params` (worded in both languages for the log). */
export function appError<K extends ServerMessageKey>(
  code: AppErrorCode,
  key: K,
  params: ServerMessageParams<K>,
  details?: Readonly<Record<string, unknown>>,
): AppError {
  return new AppError(code, bilingualServerMessage(key, params), details, { key, params });
}

export const notFound = (thing: NotFoundThing) => appError('NOT_FOUND', 'not-found', { thing });

/** A password the rule refuses (the domain's refusal catalogue words it), on the form field `field`. */
export const passwordRefused = (problem: PasswordProblem, field: string) =>
  new AppError(
    'BAD_INPUT',
    describePasswordProblem(problem),
    { field, problem: problem.code, ...problem.params },
    passwordRefusal(problem),
  );

/** An input the calendar refused (a date that does not exist, an unknown zone, a malformed month): its key and
 *  parameters are one of the domain's refusals, which every reader words. */
export function calendarRefused(error: CalendarError): AppError {
  const said = { key: error.key, params: error.params as RefusalParams };
  return new AppError('BAD_INPUT', bilingualRefusal(said), undefined, said);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
