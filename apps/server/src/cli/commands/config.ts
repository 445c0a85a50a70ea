// `otklik config`: the effective configuration (environment variables, or their defaults), secrets masked.
import { type EnvName, explicitlySet, maskValue, readEnv, variableMeta, zEnv } from '../../env';
import { parseCommandArgs } from '../args';
import { say } from '../messages';

export const help = `Usage: otklik config [--json]

Prints the configuration Otklik runs with: every environment variable it reads, its effective value and
whether it was set or is the default. Secrets (passwords, tokens) are masked. A bad value is reported
exactly as the server would refuse it at start (exit code 2).

Options:
  --json   one JSON object {"NAME": {"value", "source": "environment"|"default"|"unset", "secret"}}

The reference of every variable: docs/configuration.md.`;

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs('config', argv, { json: { type: 'boolean' } });
  if (!args.ok) return args.exitCode;
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    process.stderr.write(`otklik config: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const set = explicitlySet();
  const names = Object.keys(zEnv.shape) as EnvName[];
  const entries = names.map((name) => {
    const value = env[name];
    const source = set.has(name) ? 'environment' : value === undefined ? 'unset' : 'default';
    return { name, value: maskValue(name, value), source, secret: variableMeta(name).secret !== undefined };
  });
  if (args.values.json) {
    const out = Object.fromEntries(entries.map(({ name, ...rest }) => [name, rest]));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...names.map((n) => n.length));
  const lines = entries.map(
    (e) =>
      `${e.name.padEnd(width)}  ${e.source === 'unset' ? say('config.unset', {}) : e.value}${e.source === 'default' ? `  ${say('config.default', {})}` : ''}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
