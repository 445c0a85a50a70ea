// One sentence for a refused input, in the product's two languages: "Неверные данные: text: … / invalid input:
// text: …". The issue's own message is bilingual (a schema's message, or zod's Russian and English locales joined
// by the contract): each half goes to its language, so a reader splitting on " / " gets one language whole.
import type { ZodError } from 'zod';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The Russian and English halves of a "Русский / English" message; the same text twice when it is not a pair. */
export function languageHalves(message: string): readonly [string, string] {
  const halves = message.split(' / ');
  return halves.length === 2 ? [halves[0]!, halves[1]!] : [message, message];
}

/** `what`: the kind of input refused, as [Russian, English] (e.g. ['Неверные данные', 'invalid input']). */
export function inputIssueMessage(what: readonly [string, string], issue: Issue | undefined): string {
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const [ru, en] = languageHalves(issue?.message ?? '');
  return `${what[0]}: ${where}${ru} / ${what[1]}: ${where}${en}`;
}

/** The first issue of a zod error as one bilingual sentence. */
export const firstIssueMessage = (what: readonly [string, string], error: ZodError): string =>
  inputIssueMessage(what, error.issues[0]);
