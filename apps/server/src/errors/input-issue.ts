// A refused input as the catalogue's 'input.invalid' message: its kind, the field and zod's issue (a schema's key or
// a built-in check), which each reader words in their language (validation-messages.ts in the contract).
import { bilingualServerMessage, type InputKind, validationIssue, validationText } from '@otklik/contract';
import type { ZodError } from 'zod';

/** The first issue of a zod error as the parameters of the catalogue's 'input.invalid' message. */
export const issueParams = (input: InputKind, error: ZodError) => {
  const issue = error.issues[0];
  return {
    input,
    path: issue?.path.map(String).join('.') ?? '',
    ...(issue ? { issue: validationIssue(issue) } : {}),
  };
};

/** The first issue of a zod error as the catalogue's key and parameters, and in both languages for the log and
 *  for clients without the catalogue. */
export function firstIssue(input: InputKind, error: ZodError) {
  const params = issueParams(input, error);
  return { key: 'input.invalid' as const, params, message: bilingualServerMessage('input.invalid', params) };
}

/** Every issue of a zod error for an API answer (the intake's): the field, zod's issue for a client that words it
 *  itself, and its words in Russian, the product's language (the API has no reader's language). */
export const issueList = (error: ZodError) =>
  error.issues.map((i) => {
    const issue = validationIssue(i);
    return { path: i.path.map(String).join('.'), message: validationText(issue, 'ru'), issue };
  });
