// What went wrong talking to a network, in one shape: a code the worker acts on (retry or not, when), and words
// for the admin screen and the case history (Russian first, English second).
export type ChannelErrorCode =
  | 'rate-limited'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'network'
  | 'server'
  | 'bad-response'
  | 'no-secret-key'
  | 'organisation-archived';

const WORDS: Record<ChannelErrorCode, string> = {
  'rate-limited': 'сеть просит подождать (слишком много запросов) / the network asks to slow down',
  auth: 'токен недействителен, отозван или истёк: введите новый / the token is invalid, revoked or expired',
  forbidden: 'нет прав на это действие: проверьте права токена / no permission for this action',
  'not-found': 'сообщение или ветка не найдены (удалены?) / the message or thread is gone',
  'bad-request': 'сеть отклонила запрос / the network rejected the request',
  network: 'сеть недоступна / the network cannot be reached',
  server: 'ошибка на стороне сети / the network failed',
  'bad-response': 'непонятный ответ сети / unexpected answer from the network',
  'no-secret-key': 'не задан ключ OTKLIK_SECRET_KEY / OTKLIK_SECRET_KEY is not set',
  'organisation-archived': 'организация в архиве: ничего не собирается и не публикуется / the organisation is archived',
};

export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    /** The network's own words (error code and message), kept for the administrator. */
    readonly detail: string,
    /** How long the network asked us to wait (VK error 6, Telegram 429 retry_after, HTTP Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(`${WORDS[code]} — ${detail}`);
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
  return (WORDS as Record<string, string>)[code] ?? code;
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
