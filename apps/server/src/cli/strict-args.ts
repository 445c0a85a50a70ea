// Strict argument parsing for the operations commands (backup, restore, move-to-postgres, calendar): node:util
// parseArgs with strict: true, so an unknown or misspelt flag is an error, never silently ignored.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseStrict<O extends Options>(
  argv: string[],
  options: O,
  positionals: { min: number; max: number; names: string },
) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad options') : 'bad options');
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`не указан ${positionals.names} / missing ${positionals.names}`);
  if (n > positionals.max) {
    throw new UsageError(`лишний аргумент / unexpected argument "${parsed.positionals[positionals.max]}"`);
  }
  return parsed;
}

/** Runs a command body: a UsageError is exit code 2 with a one-line message; anything else propagates. */
export async function withUsage(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`otklik ${name}: ${error.message}\nСм. / see: otklik ${name} --help\n`);
      return 2;
    }
    throw error;
  }
}
