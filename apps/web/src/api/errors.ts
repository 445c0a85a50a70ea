// Every server error as a sentence a person can read: a message with a key worded through the catalogue (a domain
// refusal through the web's, the server's own messages through the shared one); else the server's bilingual message
// ("ru / en", the half in the current language; a key this build does not know); else a message per error code
// from the catalogue. Never a stack or a JSON blob.
import {
  isProfileIssueKey,
  languageHalves,
  profileIssueText,
  serverMessageIn,
  type ValidationIssue,
  validationText,
} from '@otklik/contract';
import { CalendarError, type PublicationFailed } from '@otklik/domain';
import { refusalText } from '../i18n/refusals';
import type { Catalogue } from '../i18n/ru';

export interface ReadableError {
  readonly message: string;
  /** Messages per form field ('topic', 'assignments.0.executorId', …) when the server says which field is wrong. */
  readonly fields: Readonly<Record<string, string>>;
  readonly code: string;
}

/** Picks the half of a "русский / English" message in the current language. */
export function pickLanguage(message: string, lang: 'ru' | 'en'): string {
  const halves = languageHalves(message);
  if (!halves) return message;
  return (lang === 'ru' ? halves[0] : halves[1]).trim();
}

interface ErrorShape {
  message?: unknown;
  data?: {
    code?: unknown;
    httpStatus?: unknown;
    appCode?: unknown;
    /** The message's key (a domain refusal's or the server catalogue's) and its parameters. */
    key?: unknown;
    params?: Readonly<Record<string, unknown>> | null;
    /** Every issue of a refused input: `issue` is zod's (a schema's key or a built-in check), worded here. */
    zodIssues?: readonly { path: readonly string[]; message: string; issue?: ValidationIssue }[] | null;
    /** AppError details; `errors` lists field problems (e.g. a custom profile's); `field` names the one field a
     *  message is about (e.g. the new password). */
    details?: {
      errors?: readonly ProfileProblem[];
      field?: unknown;
      path?: unknown;
    } | null;
  } | null;
}

/** A field problem in AppError details (a custom profile's, parseProfile): a key and parameters of the profile
 *  catalogue; from a server before the keys, a two-language `message`. */
interface ProfileProblem {
  readonly path: string;
  readonly key?: unknown;
  readonly params?: Readonly<Record<string, unknown>> | null;
  readonly message?: unknown;
}

const problemWords = (p: ProfileProblem, lang: 'ru' | 'en') =>
  typeof p.key === 'string' && isProfileIssueKey(p.key)
    ? profileIssueText({ key: p.key, params: p.params ?? {} }, lang)
    : pickLanguage(typeof p.message === 'string' ? p.message : '', lang);

/** A refused input's issue in the reader's language (zod's issue; an older server's "ru / en" text halved). */
const issueWords = (i: { readonly message: string; readonly issue?: ValidationIssue }, lang: 'ru' | 'en') =>
  i.issue ? validationText(i.issue, lang) : pickLanguage(i.message, lang);

const looksTechnical = (m: string): boolean =>
  m.length === 0 || /^\s*[[{]/.test(m) || /fetch|JSON|Unexpected token/i.test(m);

export function toReadableError(err: unknown, t: Catalogue): ReadableError {
  const lang = t.lang.code as 'ru' | 'en';
  // The calendar refusing in the browser itself (an organisation's settings it cannot build a calendar from).
  if (err instanceof CalendarError) {
    return { message: refusalText(err.key, err.params, t) ?? t.errors.generic, fields: {}, code: 'BAD_REQUEST' };
  }
  const e = (err ?? {}) as ErrorShape;
  const code = typeof e.data?.code === 'string' ? e.data.code : err instanceof TypeError ? 'NETWORK' : 'UNKNOWN';
  const fields: Record<string, string> = {};
  const issues = e.data?.zodIssues ?? [];
  for (const issue of issues) {
    const key = issue.path.join('.');
    if (!(key in fields)) fields[key] = issueWords(issue, lang);
  }
  for (const issue of e.data?.details?.errors ?? []) {
    if (typeof issue?.path === 'string' && !(issue.path in fields)) fields[issue.path] = problemWords(issue, lang);
  }
  // A domain refusal's key is the web catalogue's; any other key is the server catalogue's (shared, @otklik/contract).
  const refusal =
    typeof e.data?.key === 'string'
      ? (refusalText(e.data.key, e.data.params ?? {}, t) ?? serverMessageIn(e.data.key, e.data.params, lang))
      : null;
  // `path`: the field a domain refusal of the input is about (the domain's invalid-input details).
  const serverField = e.data?.details?.field ?? e.data?.details?.path;
  if (typeof serverField === 'string' && !(serverField in fields)) {
    if (refusal !== null) fields[serverField] = refusal;
    else if (typeof e.message === 'string') fields[serverField] = pickLanguage(e.message, lang);
  }
  const firstIssue = issues[0];
  if (firstIssue) {
    return { message: `${t.errors.validation} ${issueWords(firstIssue, lang)}`, fields, code };
  }
  const serverMessage = typeof e.message === 'string' ? e.message : '';
  const byCode: Record<string, string> = {
    NETWORK: t.errors.network,
    UNAUTHORIZED: t.errors.unauthorized,
    FORBIDDEN: t.errors.forbidden,
    NOT_FOUND: t.errors.notFound,
    CONFLICT: t.errors.conflict,
    BAD_REQUEST: t.errors.validation,
    TOO_MANY_REQUESTS: t.errors.tooMany,
  };
  let message: string;
  if (refusal !== null) message = refusal;
  else if (code === 'NETWORK' || /Failed to fetch|NetworkError|Load failed/i.test(serverMessage))
    message = t.errors.network;
  else if (!looksTechnical(serverMessage)) message = pickLanguage(serverMessage, lang);
  else message = byCode[code] ?? t.errors.generic;
  return { message, fields, code };
}

/** A message kept in a row or an event (a channel's last error, a publication failure): its key and parameters
 *  worded in the reader's language (a domain refusal through the web's catalogue, anything else through the server
 *  catalogue); a row from before the keys gives the half of its two-language `text`; null when there is neither. */
export function storedMessageText(
  stored: {
    readonly key?: string | null;
    readonly params?: Readonly<Record<string, unknown>> | null;
    readonly text?: string | null;
  },
  t: Catalogue,
): string | null {
  const lang = t.lang.code as 'ru' | 'en';
  if (stored.key) {
    const params = stored.params ?? {};
    const worded = refusalText(stored.key, params, t) ?? serverMessageIn(stored.key, params, lang);
    if (worded !== null) return worded;
  }
  return stored.text ? pickLanguage(stored.text, lang) : null;
}

/** The words of a failure kept with its key (`said`) or, from before the keys, as a two-language `message`. */
export function failureText(failure: PublicationFailed['error'] | null | undefined, t: Catalogue): string | null {
  if (!failure) return null;
  return storedMessageText(
    { key: failure.said?.key ?? null, params: failure.said?.params ?? null, text: failure.message },
    t,
  );
}
