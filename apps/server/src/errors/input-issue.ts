// One sentence for a refused input, in the product's two languages: "Неверные данные: text: … / invalid input:
// text: …". The issue's own message is bilingual (a schema's message, or zod's Russian and English locales joined
// by the contract): each half goes to its language, so a reader splitting on " / " gets one language whole.
import { type InputKind, languageHalves } from '@otklik/contract';
import type { ZodError } from 'zod';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** `what`: the kind of input refused, as [Russian, English] (e.g. ['Неверные данные', 'invalid input']). */
export function inputIssueMessage(what: readonly [string, string], issue: Issue | undefined): string {
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const message = issue?.message ?? '';
  // A message that is not a pair stands in both halves.
  const [ru, en] = languageHalves(message) ?? [message, message];
  return `${what[0]}: ${where}${ru} / ${what[1]}: ${where}${en}`;
}

/** The first issue of a zod error as the parameters of the catalogue's 'input.invalid' message. */
export const issueParams = (input: InputKind, error: ZodError) => {
  const issue = error.issues[0];
  return { input, path: issue?.path.map(String).join('.') ?? '', detail: issue?.message ?? '' };
};

/** The first issue of a zod error as one bilingual sentence. */
export const firstIssueMessage = (what: readonly [string, string], error: ZodError): string =>
  inputIssueMessage(what, error.issues[0]);
