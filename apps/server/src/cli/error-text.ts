// An error as the CLI prints it: a message with a catalogue key (the server's messages or the domain's refusals) in
// the CLI's language (OTKLIK_LANG, Russian by default) from its catalogue; anything else as its own message.
import { messageIn } from '@otklik/contract';
import { DatabaseNewerThanCodeError } from '../db/migrate';
import { isAppError } from '../errors/app-error';
import { cliLang, say } from './messages';

export function cliErrorText(error: unknown): string {
  if (isAppError(error) && error.key !== null) {
    const worded = messageIn(error.key, error.params, cliLang());
    if (worded !== null) return worded;
  }
  if (error instanceof DatabaseNewerThanCodeError) {
    return say('database.newer', { when: error.unknown.map((ms) => new Date(ms).toISOString()).join(', ') });
  }
  return error instanceof Error ? error.message : String(error);
}
