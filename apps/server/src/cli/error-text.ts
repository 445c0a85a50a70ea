// An error as the CLI prints it: a message with a catalogue key (the server's messages, the domain's refusals and the
// calendar's) in the CLI's language (OTKLIK_LANG, Russian by default); anything else as its own message.
import { messageIn } from '@otklik/contract';
import { CalendarError } from '@otklik/domain';
import { isAppError } from '../errors/app-error';
import { cliLang, sayStored } from './messages';

export function cliErrorText(error: unknown): string {
  // The calendar's refusals are the domain's: worded from the same catalogue.
  if (error instanceof CalendarError) return sayStored(error);
  if (isAppError(error) && error.key !== null) {
    const worded = messageIn(error.key, error.params, cliLang());
    if (worded !== null) return worded;
  }
  return error instanceof Error ? error.message : String(error);
}
