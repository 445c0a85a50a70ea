// The one place that reads process.env: every variable defined once, validated with zod so a typo fails at start
// with a clear message in the operator's language (OTKLIK_LANG, worded by the CLI's catalogue). Each entry carries a
// one-line description (and whether it is a secret): docs/configuration.md and `otklik config` are generated from this
// schema, so add a variable here and run `pnpm docs:config`.
import { validationIssue, validationText } from '@otklik/domain';
import { z } from 'zod';
// Only used when the environment is refused (env.ts and the catalogue import each other; neither needs the other to
// load).
import { cliLang, isCliMessageKey, say } from './cli/messages';

/** How `otklik config` hides a value: all of it, or only the password inside a URL. */
export type SecretKind = 'value' | 'url-password';

export interface VariableMeta {
  /** One line, shown in docs/configuration.md and `otklik config --help`. */
  description: string;
  secret?: SecretKind;
  /** Only read by these commands (default: every command that opens the database or serves). */
  usedBy?: string;
}

const variable = <T extends z.ZodType>(schema: T, meta: VariableMeta) => schema.meta({ ...meta });

/** A yes/no variable: 1, true, yes or on (and 0, false, no, off); anything else is an error, never a silent default. */
const flag = (meta: VariableMeta) =>
  variable(
    z
      .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'], {
        error: 'env.flag',
      })
      .default('0')
      .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on'),
    meta,
  );

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const zEnv = z.object({
  NODE_ENV: variable(z.enum(['development', 'production', 'test']).default('development'), {
    description: 'Runtime mode reported to libraries; Otklik behaves the same in every mode.',
  }),
  PORT: variable(z.coerce.number().int().min(0).max(65535).default(3000), {
    description: 'TCP port of the web app, the API and the sockets (`otklik serve --port` overrides it).',
  }),
  HOST: variable(z.string().min(1).default('127.0.0.1'), {
    description: 'Address to listen on; 0.0.0.0 for every interface (`otklik serve --host` overrides it).',
  }),
  DATABASE_URL: variable(z.url({ protocol: /^postgres(ql)?$/, error: 'env.postgres-url' }).optional(), {
    description:
      'A PostgreSQL server (postgres://user:password@host:5432/db); unset = the embedded database. A server on this machine through its Unix socket: `?host=/var/run/postgresql` (the socket directory). Statements sent more than once are prepared on their connection; behind a pooler in transaction mode that cannot keep them, add `?prepare=false`.',
    secret: 'url-password',
  }),
  OTKLIK_DATA_DIR: variable(z.string().min(1).default('./data'), {
    description: 'Directory of the embedded database and of uploaded attachments (also used with DATABASE_URL).',
  }),
  SMTP_URL: variable(z.url().optional(), {
    description: 'smtp://user:password@host:port for e-mail copies of notifications; unset = in-app only.',
    secret: 'url-password',
  }),
  SESSION_TTL_HOURS: variable(z.coerce.number().positive().default(12), {
    description: 'How long a sign-in lasts, in hours.',
  }),
  COOKIE_SECURE: flag({ description: 'Mark the session cookie Secure (set it when users reach Otklik over HTTPS).' }),
  OTKLIK_LOG_LEVEL: variable(z.enum(LOG_LEVELS).default('info'), {
    description: `Server log level: ${LOG_LEVELS.join(', ')}. Logs are JSON lines on standard error.`,
  }),
  OTKLIK_LOG_PRETTY: flag({
    description: 'Human-readable coloured logs instead of JSON (for a terminal, not for log collectors).',
  }),
  OTKLIK_METRICS_TOKEN: variable(z.string().min(16, { error: 'env.metrics-token' }).optional(), {
    description:
      'Bearer token Prometheus must send to read /metrics; unset = /metrics answers only direct requests from this machine.',
    secret: 'value',
  }),
  OTKLIK_ADMIN_PASSWORD: variable(z.string().optional(), {
    description:
      'Password of the first administrator for a scripted `otklik init` (instead of the prompt or --password-stdin).',
    secret: 'value',
    usedBy: 'otklik init',
  }),
  OTKLIK_LANG: variable(z.enum(['ru', 'en']).default('ru'), {
    description:
      'Language of the `otklik` command line (its messages and reports): ru or en. The web app follows each user.',
    usedBy: 'the otklik command line',
  }),
  OTKLIK_MAIL_FROM: variable(
    z
      .string()
      .regex(/^[^\r\n]*<?[^@\s<>]+@[^@\s<>]+>?$/, 'env.mail-from')
      .optional(),
    {
      description:
        'Sender of the e-mails, e.g. "Отклик <otklik@admin.example.ru>" (default "Отклик <otklik@localhost>").',
    },
  ),
  OTKLIK_PUBLIC_URL: variable(
    z
      .url({ message: 'env.public-url' })
      .refine((u) => /^https?:\/\//i.test(u), 'env.http-only')
      .optional(),
    {
      description:
        'The address users open (https://otklik.example.ru): the only Origin allowed to change anything, Secure cookies when https, links in e-mails, sign-in redirects.',
    },
  ),
  OTKLIK_OIDC_ISSUER: variable(z.url().optional(), {
    description:
      "OpenID Connect sign-in: the provider's issuer URL (Keycloak realm, ADFS, …); needs OTKLIK_PUBLIC_URL.",
  }),
  OTKLIK_OIDC_CLIENT_ID: variable(z.string().min(1).optional(), {
    description:
      'OpenID Connect client id registered at the provider (redirect URI: <OTKLIK_PUBLIC_URL>/api/auth/oidc/callback).',
  }),
  OTKLIK_OIDC_CLIENT_SECRET: variable(z.string().min(1).optional(), {
    description: 'OpenID Connect client secret (a confidential client); unset for a public client with PKCE only.',
    secret: 'value',
  }),
  OTKLIK_OIDC_NAME: variable(z.string().min(1).max(60).default('каталог организации'), {
    description: 'Name of the provider on the sign-in button ("Войти через …").',
  }),
  OTKLIK_OIDC_SCOPES: variable(z.string().min(1).default('openid profile email'), {
    description: 'Scopes asked for; the user is matched by preferred_username (login) or email.',
  }),
  OTKLIK_LDAP_URL: variable(
    z
      .string()
      .regex(/^ldaps?:\/\/[^\s]+$/, 'env.ldap-url')
      .optional(),
    {
      description:
        'LDAP / Active Directory sign-in through the normal login form: ldap://host:389 or ldaps://host:636.',
    },
  ),
  OTKLIK_LDAP_BASE_DN: variable(z.string().min(1).optional(), {
    description: 'Where users are searched, e.g. ou=people,dc=admin,dc=example,dc=ru.',
  }),
  OTKLIK_LDAP_BIND_DN: variable(z.string().min(1).optional(), {
    description: 'Service account that searches for the user (unset: anonymous search).',
  }),
  OTKLIK_LDAP_BIND_PASSWORD: variable(z.string().min(1).optional(), {
    description: 'Password of the LDAP service account (set together with OTKLIK_LDAP_BIND_DN).',
    secret: 'value',
  }),
  OTKLIK_LDAP_USER_FILTER: variable(
    z
      .string()
      .includes('{login}', { message: 'env.ldap-filter' })
      .default('(|(uid={login})(sAMAccountName={login})(userPrincipalName={login})(mail={login}))'),
    {
      description:
        'LDAP search filter; {login} is replaced by the escaped login (default matches uid, sAMAccountName, userPrincipalName, mail).',
    },
  ),
  OTKLIK_SECRET_KEY: variable(
    z
      .string()
      .refine((v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, 'base64').length === 32, 'env.secret-key')
      .optional(),
    {
      description:
        '32-byte key (64 hex digits or base64) encrypting channel tokens at rest; without it no channel token can be stored.',
      secret: 'value',
    },
  ),
  OTKLIK_TRUST_PROXY: variable(
    z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        const list = parseTrustProxy(v);
        if (list === null) ctx.addIssue({ code: 'custom', message: 'env.trust-proxy' });
        return list ?? [];
      }),
    {
      description:
        "Reverse proxies whose X-Forwarded-For is believed: addresses/CIDRs, 'loopback', 'uniquelocal' (comma list); unset = none.",
    },
  ),
  OTKLIK_DB_CONNECT_TIMEOUT_MS: variable(z.coerce.number().int().min(100).max(600_000).default(5_000), {
    description: 'Longest wait for a new PostgreSQL connection, in milliseconds.',
  }),
  OTKLIK_DB_STATEMENT_TIMEOUT_MS: variable(z.coerce.number().int().min(100).max(3_600_000).default(15_000), {
    description: 'Longest a single SQL statement may run on PostgreSQL (statement_timeout), in milliseconds.',
  }),
  OTKLIK_DB_POOL_SIZE: variable(z.coerce.number().int().min(1).max(100).default(10), {
    description:
      'Connections to PostgreSQL for queries (the scheduler and the broadcast have their own). When all are busy, statements queue and are pipelined on them. With PostgreSQL on the same small machine, 2 to 4 suit better (2 did 1.2-1.6x the commands/s of 10 on 2 cores); a long statement (a report) holds its connection while it runs.',
  }),
  OTKLIK_REQUEST_TIMEOUT_MS: variable(z.coerce.number().int().min(100).max(3_600_000).default(20_000), {
    description:
      'Longest an API request may wait for the database before it is answered "database unavailable", in ms.',
  }),
  OTKLIK_SHUTDOWN_GRACE_MS: variable(z.coerce.number().int().min(0).max(600_000).default(10_000), {
    description: 'Longest SIGTERM waits for requests in flight before closing, in milliseconds.',
  }),
});

const KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);
const ADDRESS = /^[0-9a-f.:]+(\/\d{1,3})?$/i;

/** 'false'/'0'/unset → trust nobody; otherwise a comma list of proxy addresses, CIDR ranges or proxy-addr keywords. */
export function parseTrustProxy(value: string | undefined): string[] | null {
  if (value === undefined || value === '' || value === '0' || value === 'false') return [];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.every((s) => KEYWORDS.has(s) || ADDRESS.test(s)) ? items : null;
}

export type Env = z.infer<typeof zEnv>;
export type EnvName = keyof typeof zEnv.shape;

export function variableMeta(name: EnvName): VariableMeta {
  // Cast: zod types `.meta()` as its generic metadata; every variable of zEnv is given a VariableMeta.
  return zEnv.shape[name].meta() as unknown as VariableMeta;
}

/** Keeps only non-empty values: an empty variable (DATABASE_URL=) means "not set", as in most shells' habits. */
function setVariables(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = zEnv
    .superRefine((env, ctx) => {
      if (env.OTKLIK_OIDC_ISSUER && !env.OTKLIK_OIDC_CLIENT_ID) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_OIDC_CLIENT_ID'],
          message: 'env.oidc-client-id',
        });
      }
      if (env.OTKLIK_OIDC_ISSUER && !env.OTKLIK_PUBLIC_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_PUBLIC_URL'],
          message: 'env.oidc-public-url',
        });
      }
      if (env.OTKLIK_LDAP_URL && !env.OTKLIK_LDAP_BASE_DN) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_LDAP_BASE_DN'],
          message: 'env.ldap-base-dn',
        });
      }
      if (Boolean(env.OTKLIK_LDAP_BIND_DN) !== Boolean(env.OTKLIK_LDAP_BIND_PASSWORD)) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_LDAP_BIND_PASSWORD'],
          message: 'env.ldap-bind',
        });
      }
    })
    .safeParse(setVariables(source));
  if (!parsed.success) {
    // In the operator's language (OTKLIK_LANG, read alone: it may be the very variable that is wrong).
    const lang = cliLang();
    const lines = parsed.error.issues.map((i) => `  ${i.path.map(String).join('.')}: ${envIssueText(i, lang)}`);
    throw new Error(say('env.invalid', { lines }, lang));
  }
  return parsed.data;
}

/** A variable's problem: this file's own check by its key in the CLI's catalogue, zod's built-in one by its locale. */
function envIssueText(issue: z.core.$ZodIssue, lang: 'ru' | 'en'): string {
  if (isCliMessageKey(issue.message)) return say(issue.message, {} as never, lang);
  return validationText(validationIssue(issue), lang);
}

/** Names of the variables that are set in `source` (the rest take their defaults). */
export function explicitlySet(source: NodeJS.ProcessEnv = process.env): Set<EnvName> {
  const set = setVariables(source);
  return new Set((Object.keys(zEnv.shape) as EnvName[]).filter((name) => name in set));
}

/** A value as `otklik config` shows it: secrets hidden, the password of a URL replaced by ***. */
export function maskValue(name: EnvName, value: unknown): string {
  if (value === undefined) return '';
  const text = String(value);
  const secret = variableMeta(name).secret;
  if (secret === 'value') return '***';
  if (secret === 'url-password') return withoutUrlPassword(text) ?? '***';
  return text;
}

/** The command line's language (OTKLIK_LANG), read alone so that a command needing no other variable (`otklik
 *  deadline`) does not check the rest; `ok: false` for a value that is neither ru nor en (the CLI refuses to start). */
export function commandLineLanguage(): { ok: true; lang: 'ru' | 'en' } | { ok: false; value: string } {
  const raw = process.env.OTKLIK_LANG;
  const parsed = zEnv.shape.OTKLIK_LANG.safeParse(raw === '' ? undefined : raw);
  return parsed.success ? { ok: true, lang: parsed.data } : { ok: false, value: String(raw) };
}

/** A URL with its password replaced by ***, for logs and `otklik config`; null when the text is not a URL. */
export function withoutUrlPassword(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return null;
  }
}
