// The flags of the repository's own tools (`pnpm bench`, `pnpm load`): node's parseArgs, strict, every refusal one line.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A refused flag or value, said in one line (the tools print it and exit 2). */
export class OptionsError extends Error {}

/** `argv` parsed strictly against `options`: an unknown flag, a missing value or (unless `allowPositionals`) a
 *  positional argument is an OptionsError with the first line of node's message. */
export function strictFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    throw new OptionsError(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad options') : 'bad options');
  }
}
