// Validation messages worded once, in the reader's language: the catalogue and the wording live in the domain
// (validation/messages.ts, which its refusal of an invalid command uses too) and are re-exported here.
// `installValidationMessages` is called once at start by the server and by the web app: it keeps the type an invalid
// input had (`received`), which zod drops with the input itself.
import { z } from 'zod';

export {
  isValidationMessageKey,
  VALIDATION_MESSAGE_KEYS,
  VALIDATION_MESSAGES,
  type ValidationIssue,
  type ValidationLang,
  type ValidationMessageKey,
  validationIssue,
  validationText,
} from '@otklik/domain';

/** The Russian and English halves of a two-language message (rows and events stored before the keys);
 *  null when it is not one such pair. */
export function languageHalves(message: string): readonly [string, string] | null {
  const halves = message.split(' / ');
  return halves.length === 2 ? [halves[0]!, halves[1]!] : null;
}

let installed = false;

/** Keeps the type of a refused value on the issue (`received`), so that a reader can word zod's `invalid_type` in
 *  its language after the input itself is gone. Messages stay zod's (English) or the schema's key. */
export function installValidationMessages(): void {
  if (installed) return;
  installed = true;
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type') {
        (issue as { received?: string }).received = z.core.util.parsedType(issue.input);
      }
      return undefined;
    },
  });
}
