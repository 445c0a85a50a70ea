// An error as the CLI prints it: a message with a catalogue key (the server's messages or the domain's refusals) in
// Russian from its catalogue, as `otklik replay` words refusals by default; anything else as its own message.
import { serverMessageIn } from '@otklik/contract';
import { isRefusalKey, type RefusalParams, refusalIn } from '@otklik/domain';
import { isAppError } from '../errors/app-error';

export function cliErrorText(error: unknown): string {
  if (isAppError(error) && error.key !== null) {
    const params = error.params ?? {};
    if (isRefusalKey(error.key)) return refusalIn({ key: error.key, params: params as RefusalParams }, 'ru');
    const worded = serverMessageIn(error.key, params, 'ru');
    if (worded !== null) return worded;
  }
  return error instanceof Error ? error.message : String(error);
}
