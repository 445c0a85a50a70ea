// Strict argument parsing for every `otklik` command (node:util parseArgs, strict): an unknown flag, a flag without
// its value or a stray argument is an error with a one-line message and exit code 2, never silently ignored.
// Two shapes of the same parser: parseCommandArgs returns the outcome; parseStrict throws a UsageError that
// withUsage turns into the message and exit code 2 (for commands whose body reads more naturally with throws).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { say } from './messages';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface PositionalSpec {
  /** Names shown in messages, e.g. ['FILE']; the command accepts exactly these, the last one optional if `optional`. */
  names?: readonly string[];
  optional?: number;
}

export type ParsedArgs<O extends Options> =
  | {
      ok: true;
      values: ReturnType<
        typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
      >['values'];
      positionals: string[];
    }
  | { ok: false; exitCode: 2 };

/** Prints `otklik <command>: <message>` on stderr and returns the exit code of bad input. */
export function badInput(command: string, message: string): 2 {
  process.stderr.write(`otklik ${command}: ${message}\n`);
  return 2;
}

export function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const option = /'(-[^' ]*)/.exec(text)?.[1] ?? /(--?[\w-]+)/.exec(text)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return say('usage.unknown-option', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(text)
      ? say('usage.needs-value', { option })
      : say('usage.invalid-value', { detail: text });
  }
  return text;
}

export class UsageError extends Error {}

/** Parses strictly; a bad flag, a stray or a missing positional is a UsageError with a one-line message in the CLI's
 *  language. */
export function parseStrict<const O extends Options>(argv: string[], options: O, positional: PositionalSpec = {}) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const names = positional.names ?? [];
  const min = names.length - (positional.optional ?? 0);
  if (parsed.positionals.length > names.length) {
    throw new UsageError(say('usage.unexpected-argument', { value: parsed.positionals[names.length] ?? '' }));
  }
  if (parsed.positionals.length < min) {
    const missing = names[parsed.positionals.length];
    throw new UsageError(say('usage.missing', { what: missing ?? '' }));
  }
  return parsed;
}

export function parseCommandArgs<const O extends Options>(
  command: string,
  argv: string[],
  options: O,
  positional: PositionalSpec = {},
): ParsedArgs<O> {
  try {
    const parsed = parseStrict(argv, options, positional);
    return { ok: true, values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { ok: false, exitCode: badInput(command, `${error.message} (otklik ${command} --help)`) };
  }
}

/** Runs a command body: a UsageError is exit code 2 with a one-line message; anything else propagates. */
export async function withUsage(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) return badInput(command, `${error.message} (otklik ${command} --help)`);
    throw error;
  }
}
