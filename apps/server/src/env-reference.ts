// The configuration reference (docs/configuration.md), rendered from the zod schema of env.ts so the page cannot
// drift from the code: `pnpm docs:config` writes it, and a test fails when the committed page is out of date.
import { z } from 'zod';
import { type EnvName, variableMeta, zEnv } from './env';

interface JsonSchemaProperty {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
}

/** "integer 0–65535", "one of: a, b", "URL"… from the variable's schema. */
function describeType(p: JsonSchemaProperty): string {
  if (p.enum?.includes('true') && p.enum.includes('false')) return 'yes/no';
  if (p.enum) return `one of ${p.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (p.format === 'uri') return 'URL';
  if (p.type === 'integer' || p.type === 'number') {
    const range = p.minimum !== undefined && p.maximum !== undefined ? ` ${p.minimum}–${p.maximum}` : '';
    return `${p.type === 'integer' ? 'whole number' : 'number'}${range}`;
  }
  if (p.minLength !== undefined && p.minLength > 1) return `text, at least ${p.minLength} characters`;
  return 'text';
}

export function renderConfigurationReference(): string {
  const schema = z.toJSONSchema(zEnv, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonSchemaProperty>;
  };
  const rows = (Object.keys(zEnv.shape) as EnvName[]).map((name) => {
    const meta = variableMeta(name);
    const p = schema.properties[name] ?? {};
    const fallback = p.default === undefined ? 'unset' : `\`${String(p.default)}\``;
    const notes = [meta.secret ? 'secret: `otklik config` masks it' : null, meta.usedBy ? `only ${meta.usedBy}` : null]
      .filter(Boolean)
      .join('; ');
    const cell = (text: string) => text.replaceAll('|', '\\|');
    return `| \`${name}\` | ${cell(meta.description)}${notes ? ` (${notes})` : ''} | ${cell(describeType(p))} | ${fallback} |`;
  });
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from apps/server/src/env.ts by `pnpm docs:config`; do not edit by hand. -->',
    '',
    'Otklik reads its configuration from environment variables only (a systemd `EnvironmentFile`, the `environment:`',
    'of a compose service, or the shell). An empty variable counts as unset. A bad value stops the server at start',
    'with a message naming the variable. `otklik config` prints the effective configuration, secrets masked.',
    '',
    '| variable | what it does | value | default |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Yes/no variables accept `1`, `true`, `yes`, `on` and `0`, `false`, `no`, `off`.',
    '',
  ].join('\n');
}
