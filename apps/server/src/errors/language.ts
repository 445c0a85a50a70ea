// The language a request is answered in, from its Accept-Language header: Russian, the product's language, unless
// the header prefers English (`en`, `en-GB;q=0.9, ru;q=0.5`…). Only the `message` fallback of a refusal is worded
// by it: every reader words the key and parameters itself; this is for a reader without the catalogue.
import { type MessageLang, messageIn } from '@otklik/contract';

/** The best quality the header gives a language (its own tag or a subtag of it, e.g. en-US), 0 when absent. */
function quality(header: string, lang: MessageLang): number {
  let best = 0;
  for (const part of header.split(',')) {
    const [tag = '', ...attributes] = part.trim().toLowerCase().split(';');
    if (tag !== lang && !tag.startsWith(`${lang}-`)) continue;
    const q = attributes.map((a) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
    best = Math.max(best, q === undefined ? 1 : Number(q));
  }
  return best;
}

/** 'en' when Accept-Language prefers English to Russian, else 'ru' (no header, another language only, a tie). */
export function requestLanguage(header: string | readonly string[] | undefined): MessageLang {
  const text = Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '';
  return quality(text, 'en') > quality(text, 'ru') ? 'en' : 'ru';
}

/** A refusal's message in the request's language, from its key and parameters; `fallback` (the message it was
 *  thrown with) for a message that has no key, or a key neither catalogue has. */
export function messageInRequestLanguage(
  said: { readonly key?: string | null; readonly params?: Readonly<Record<string, unknown>> | null } | null,
  lang: MessageLang,
  fallback: string,
): string {
  if (!said?.key) return fallback;
  return messageIn(said.key, said.params ?? {}, lang) ?? fallback;
}
