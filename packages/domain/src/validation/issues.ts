// How a zod failure is told to whoever sent the input: the server's HTTP answers, the CLI, the sandbox, the
// environment check and the decider all say it the same way, so one input refused in two places reads alike.
import type { z } from 'zod';
import { type ValidationLang, validationIssue, validationText } from './messages';

/** One refused field: its dotted path ('' for the whole input) and zod's message. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** Every issue of a zod failure, in zod's order. */
export const inputIssues = (error: z.ZodError): InputIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/** The first issue of a zod failure (the one a one-line answer names). */
export const firstInputIssue = (error: z.ZodError): InputIssue | undefined => inputIssues(error)[0];

/** Turns a zod failure into one line naming the field, in English by default (the sandbox's and the developer tools'
 *  language) or in `lang` (the CLI words it in its own); a schema's key is worded through the validation catalogue,
 *  never shown as the key. */
export function describeIssues(error: z.ZodError, lang: ValidationLang = 'en'): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.join(', ');
        return lang === 'ru' ? `неизвестные поля: ${keys}` : `unknown field(s): ${keys}`;
      }
      const message = validationText(validationIssue(issue), lang);
      return field && !message.startsWith(field) ? `${field}: ${message}` : message;
    })
    .join('; ');
}
