// What went wrong talking to a network, in one shape: a code the worker acts on (retry or not, when), the network's
// own words, and what is stored for people (the account's last error, the outbox row, the case history) as a key of
// the server catalogue (@otklik/contract) with its parameters, worded in each reader's language.
import { type ChannelFailure, isServerMessageKey, type ServerMessageKey, serverMessageIn } from '@otklik/contract';

/** The catalogue's channel failures: what the worker tells apart. */
export type ChannelErrorCode = ChannelFailure;

/** A message kept in a row (last_error_key, last_error_params): a key of the server catalogue and its parameters. */
export interface StoredMessage {
  readonly key: ServerMessageKey;
  readonly params: Readonly<Record<string, unknown>>;
}

export class ChannelError extends Error {
  /** What people read about it; by default "what the failure means — the network's own words". */
  readonly said: StoredMessage;

  constructor(
    readonly code: ChannelErrorCode,
    /** The network's own words (error code and message), kept for the administrator; '' when there are none. */
    readonly detail: string,
    /** How long the network asked us to wait (VK error 6, Telegram 429 retry_after, HTTP Retry-After). */
    readonly retryAfterMs?: number,
    /** Otklik's own message instead of the failure's (a refusal of the server, e.g. no OTKLIK_SECRET_KEY). */
    said?: StoredMessage,
  ) {
    const message = said ?? { key: 'channel.failed' as const, params: { code, detail } };
    // The log's text, in Russian (the product's first language); readers word `said` in theirs.
    super(serverMessageIn(message.key, message.params, 'ru') ?? `${code}: ${detail}`);
    this.said = message;
    this.name = 'ChannelError';
  }

  /** Worth trying again by itself; otherwise a person must act (new token, permissions, thread deleted). */
  get retryable(): boolean {
    return (
      this.code === 'rate-limited' || this.code === 'network' || this.code === 'server' || this.code === 'bad-response'
    );
  }
}

/** A server error's key as a stored message (null when it has none or it is not of the server catalogue). */
export function storedMessageOf(key: string | null | undefined, params: unknown): StoredMessage | null {
  if (!key || !isServerMessageKey(key)) return null;
  return { key, params: (params ?? {}) as Readonly<Record<string, unknown>> };
}

/** The columns of a row's last error: the key and parameters; the old two-language text column is emptied. */
export function lastErrorColumns(message: StoredMessage | null) {
  return {
    lastError: null,
    lastErrorKey: message?.key ?? null,
    lastErrorParams: message ? { ...message.params } : null,
  };
}

/** Any thrown value as a ChannelError (fetch failures are network errors). */
export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelError('network', message);
}

/** Maps an HTTP status of a REST-style network API. */
export function httpStatusError(status: number, detail: string, retryAfterMs?: number): ChannelError {
  if (status === 429) return new ChannelError('rate-limited', detail, retryAfterMs);
  if (status === 401) return new ChannelError('auth', detail);
  if (status === 403) return new ChannelError('forbidden', detail);
  if (status === 404) return new ChannelError('not-found', detail);
  if (status >= 500) return new ChannelError('server', detail, retryAfterMs);
  return new ChannelError('bad-request', detail);
}
