// What went wrong talking to a network, in one shape: a code the worker acts on (retry or not, when), and words
// for the admin screen and the case history (Russian first, English second).
import { type ChannelFailure, channelFailureText, isChannelFailure } from '@otklik/contract';

/** The catalogue's channel failures: what the worker tells apart. */
export type ChannelErrorCode = ChannelFailure;

// The words are the server catalogue's (@otklik/contract), both languages: the stored last error and the case
// history keep one text for every reader.
const words = (code: string) => `${channelFailureText(code, 'ru')} / ${channelFailureText(code, 'en')}`;

export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    /** The network's own words (error code and message), kept for the administrator. */
    readonly detail: string,
    /** How long the network asked us to wait (VK error 6, Telegram 429 retry_after, HTTP Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(`${words(code)} — ${detail}`);
    this.name = 'ChannelError';
  }

  /** Worth trying again by itself; otherwise a person must act (new token, permissions, thread deleted). */
  get retryable(): boolean {
    return (
      this.code === 'rate-limited' || this.code === 'network' || this.code === 'server' || this.code === 'bad-response'
    );
  }
}

export function describeChannelError(code: string): string {
  return isChannelFailure(code) ? words(code) : code;
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
