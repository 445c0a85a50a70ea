// `otklik init`: the first run of an installation — an organisation (name, regulation profile, time zone) and its
// first administrator, checked by the same rules as the first-run page; then what to do next.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serverMessageText } from '@otklik/contract';
import { getPreset, PRESET_IDS, passwordProblem, passwordRefusal, refusalIn } from '@otklik/domain';
import { openDatabase } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { readEnv } from '../../env';
import { isAppError } from '../../errors/app-error';
import {
  createOrganisationWithAdmin,
  hasNoOrganisation,
  isTimeZone,
  type NewOrganisationInput,
} from '../../setup/new-organisation';
import { badInput, parseCommandArgs } from '../args';
import { cliErrorText } from '../error-text';
import { cliLang, say } from '../messages';
import { ask, askSecret, isInteractive, readStdin } from '../prompt';
import { databaseTargetFromEnv } from './serve';

export const help = `Usage:
  otklik init --name <organisation> (--preset <id> | --profile-file <file.json>) [--time-zone <IANA zone>]
              --admin-login <login> [--admin-name <full name>] [--admin-email <e-mail>] [--slug <short name>]
              [--password-stdin] [--region-admin]

Creates an organisation and its first administrator. On a terminal, whatever is missing is asked for, the
password without echo (twice). In scripts give every option and the password with --password-stdin (read from
standard input) or in OTKLIK_ADMIN_PASSWORD.

Options:
  --name <text>           the organisation's name, e.g. "Администрация Конышевского района"
  --preset <id>           the regulation it works under: ${PRESET_IDS.join(', ')} (docs/presets.md)
  --profile-file <file>   or a regulation profile of its own (JSON, the format of the profile editor's export)
  --time-zone <zone>      IANA time zone, e.g. Europe/Moscow, Asia/Krasnoyarsk (default: the profile's)
  --slug <short name>     the short name other commands take as --org (default: from the name)
  --admin-login <login>   the administrator's login (Latin letters, digits, . _ -)
  --admin-name <text>     the administrator's full name (default: Администратор)
  --admin-email <e-mail>  the administrator's e-mail
  --password-stdin        read the administrator's password from standard input
  --region-admin          make this administrator a region administrator (manages every organisation);
                          the administrator of the first organisation always is one

Passwords: at least 10 characters, not a well-known one, not the login.
Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded one in OTKLIK_DATA_DIR (default ./data);
stop a server using the embedded database first.

Exit codes: 0 created; 2 bad input (nothing created); 1 another failure.`;

const OPTIONS = {
  name: { type: 'string' },
  preset: { type: 'string' },
  'profile-file': { type: 'string' },
  'time-zone': { type: 'string' },
  slug: { type: 'string' },
  'admin-login': { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-email': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'region-admin': { type: 'boolean' },
} as const;

type Values = {
  -readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
};

/** Fills what is missing by asking on a terminal; returns the names of what is still missing. */
async function completeInteractively(values: Values): Promise<string[]> {
  if (!isInteractive()) {
    const missing: string[] = [];
    if (!values.name) missing.push('--name');
    if (!values.preset && !values['profile-file']) missing.push(say('init.preset-flag', {}));
    if (!values['admin-login']) missing.push('--admin-login');
    return missing;
  }
  values.name ||= await ask(say('init.ask-name', {}));
  if (!values.preset && !values['profile-file']) {
    values.preset = await ask(say('init.ask-preset', { presets: PRESET_IDS.join(', ') }), PRESET_IDS[0]);
  }
  if (values.preset && !values['time-zone']) {
    values['time-zone'] = await ask(say('init.ask-zone', {}), getPreset(values.preset)?.timeZone);
  }
  values['admin-login'] ||= await ask(say('init.ask-login', {}), 'admin');
  values['admin-name'] ||= await ask(say('init.ask-full-name', {}), 'Администратор');
  return [];
}

async function readPassword(values: Values, login: string): Promise<string | { error: string }> {
  const fromEnv = readEnv().OTKLIK_ADMIN_PASSWORD;
  if (values['password-stdin'] && fromEnv !== undefined) {
    return { error: say('init.password-twice', {}) };
  }
  if (values['password-stdin']) return readStdin();
  if (fromEnv !== undefined) return fromEnv;
  if (!isInteractive()) {
    return { error: say('init.no-password', {}) };
  }
  for (;;) {
    const first = await askSecret(say('init.ask-password', {}));
    const problem = passwordProblem(first, login);
    if (problem) {
      process.stderr.write(`${refusalIn(passwordRefusal(problem), cliLang())}\n`);
      continue;
    }
    if ((await askSecret(say('init.ask-again', {}))) === first) return first;
    process.stderr.write(`${say('init.passwords-differ', {})}\n`);
  }
}

function readProfileFile(path: string): unknown | { error: string } {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    return { error: say('usage.unreadable', { file: path, detail: (error as Error).message }) };
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { error: say('init.profile-not-json', { path }) };
  }
}

const isError = (value: unknown): value is { error: string } =>
  typeof value === 'object' && value !== null && 'error' in value && Object.keys(value).length === 1;

export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs('init', argv, OPTIONS);
  if (!args.ok) return args.exitCode;
  const values: Values = { ...args.values };
  if (values.preset && values['profile-file']) {
    return badInput('init', say('init.preset-or-file', {}));
  }
  const missing = await completeInteractively(values);
  if (missing.length > 0) return badInput('init', say('init.missing', { flags: missing }));
  const login = values['admin-login']!;
  let profile: NewOrganisationInput['profile'];
  if (values['profile-file']) {
    const body = readProfileFile(values['profile-file']);
    if (isError(body)) return badInput('init', body.error);
    profile = { body };
  } else {
    profile = { presetId: values.preset! };
  }
  const env = readEnv();
  const password = await readPassword(values, login);
  if (typeof password !== 'string') return badInput('init', password.error);
  // The checks that need no database first: a typo costs a second, not a database start.
  const problem = passwordProblem(password, login);
  if (problem) return badInput('init', refusalIn(passwordRefusal(problem), cliLang()));
  const zone = values['time-zone'];
  if (zone && !isTimeZone(zone)) {
    return badInput('init', serverMessageText('setup.unknown-zone', { zone }, cliLang()));
  }

  const database = await openDatabase(databaseTargetFromEnv(env));
  try {
    await migrateDatabase(database);
    const first = await hasNoOrganisation(database.db);
    const created = await createOrganisationWithAdmin(database.db, {
      name: values.name!,
      slug: values.slug,
      timeZone: values['time-zone'] || undefined,
      profile,
      admin: {
        login,
        fullName: values['admin-name'] || 'Администратор',
        email: values['admin-email'] ?? null,
        password,
      },
      regionAdministrator: first || values['region-admin'] === true,
    });
    const { organisation, admin } = created;
    const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
    const summary = {
      name: organisation.name,
      slug: organisation.slug,
      profile: organisation.profileId,
      timeZone: organisation.timeZone,
      login: admin.login,
      regionAdministrator: admin.regionAdministrator ? 1 : 0,
      database: database.description,
      url,
    };
    process.stdout.write(`${say('init.created', summary)}\n\n`);
    return 0;
  } catch (error) {
    if (isAppError(error) && ['BAD_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(error.code)) {
      return badInput('init', cliErrorText(error));
    }
    throw error;
  } finally {
    await database.close();
  }
}
