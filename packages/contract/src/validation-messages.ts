// Validation messages in the product's two languages. A schema's own message (already "Русский / English") wins;
// for every other check zod's Russian and English locales are joined the same way, so a refused input never
// reaches a user in English only. Called once at start by the server and by the web app.
import { z } from 'zod';

type LocaleMessage = string | { message: string } | undefined | null;

const text = (m: LocaleMessage): string => (typeof m === 'string' ? m : (m?.message ?? ''));

/** The Russian and English halves of a "Русский / English" message; null when it is not one such pair. */
export function languageHalves(message: string): readonly [string, string] | null {
  const halves = message.split(' / ');
  return halves.length === 2 ? [halves[0]!, halves[1]!] : null;
}

let installed = false;

export function installBilingualValidationMessages(): void {
  if (installed) return;
  installed = true;
  const ru = z.locales.ru().localeError;
  const en = z.locales.en().localeError;
  z.config({
    customError: (issue) => {
      const russian = text(ru(issue) as LocaleMessage);
      const english = text(en(issue) as LocaleMessage);
      return russian && english ? `${russian} / ${english}` : undefined;
    },
  });
}
