// Strict argument parsing for every `otklik` command (node:util parseArgs, strict): an unknown flag, a flag without
// its value or a stray argument is an error with a one-line message and exit code 2, never silently ignored.
import { type ParseArgsConfig, parseArgs } from 'node:util';

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

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const option = /'(-[^' ]*)/.exec(text)?.[1] ?? /(--?[\w-]+)/.exec(text)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `неизвестный параметр / unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(text)
      ? `у параметра ${option} нет значения / option ${option} needs a value`
      : `неверное значение / invalid value: ${text}`;
  }
  return text;
}

export function parseCommandArgs<const O extends Options>(
  command: string,
  argv: string[],
  options: O,
  positional: PositionalSpec = {},
): ParsedArgs<O> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    return { ok: false, exitCode: badInput(command, `${describeParseError(error)} (otklik ${command} --help)`) };
  }
  const names = positional.names ?? [];
  const min = names.length - (positional.optional ?? 0);
  if (parsed.positionals.length > names.length) {
    const extra = parsed.positionals[names.length];
    return { ok: false, exitCode: badInput(command, `лишний аргумент / unexpected argument "${extra}"`) };
  }
  if (parsed.positionals.length < min) {
    const missing = names[parsed.positionals.length];
    return {
      ok: false,
      exitCode: badInput(command, `не указан ${missing} / missing ${missing} (otklik ${command} --help)`),
    };
  }
  return { ok: true, values: parsed.values, positionals: parsed.positionals };
}
