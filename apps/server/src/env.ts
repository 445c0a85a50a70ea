// The one place that reads process.env: validated with zod so a typo fails at start with a clear message.
import { z } from 'zod';

const zEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** When set, a real PostgreSQL server is used instead of the embedded database. */
  DATABASE_URL: z.string().url().optional(),
  /** Directory of the embedded database and uploaded attachments. */
  OTKLIK_DATA_DIR: z.string().min(1).default('./data'),
  /** smtp://user:pass@host:port (smtps:// for TLS) for e-mail copies of notifications; without it, in-app only. */
  SMTP_URL: z.string().url().optional(),
  /** Sender of the e-mails, e.g. "Отклик <otklik@admin.example.ru>" (default "Отклик <otklik@localhost>"). */
  OTKLIK_MAIL_FROM: z
    .string()
    .regex(
      /^[^\r\n]*<?[^@\s<>]+@[^@\s<>]+>?$/,
      'адрес отправителя, например «Отклик <otklik@example.ru>» / a sender address',
    )
    .optional(),
  /** Public base URL of this installation (https://otklik.example.ru): links in e-mails, sign-in redirects. */
  OTKLIK_PUBLIC_URL: z.string().url().optional(),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Skip the demo data on first start. */
  OTKLIK_NO_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** OpenID Connect sign-in: the provider's issuer URL (Keycloak realm, ADFS, …); needs OTKLIK_PUBLIC_URL. */
  OTKLIK_OIDC_ISSUER: z.string().url().optional(),
  /** OpenID Connect client id registered at the provider (redirect URI: <OTKLIK_PUBLIC_URL>/api/auth/oidc/callback). */
  OTKLIK_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** OpenID Connect client secret (a confidential client); unset for a public client with PKCE only. */
  OTKLIK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Name of the provider on the sign-in button ("Войти через …"). */
  OTKLIK_OIDC_NAME: z.string().min(1).max(60).default('каталог организации'),
  /** Scopes asked for; the user is matched by preferred_username (login) or email. */
  OTKLIK_OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  /** LDAP / Active Directory sign-in through the normal login form: ldap://host:389 or ldaps://host:636. */
  OTKLIK_LDAP_URL: z
    .string()
    .regex(/^ldaps?:\/\/[^\s]+$/, 'ldap://… или ldaps://… / expected ldap:// or ldaps://')
    .optional(),
  /** Where users are searched, e.g. ou=people,dc=admin,dc=example,dc=ru. */
  OTKLIK_LDAP_BASE_DN: z.string().min(1).optional(),
  /** Service account that searches for the user (unset: anonymous search). */
  OTKLIK_LDAP_BIND_DN: z.string().min(1).optional(),
  OTKLIK_LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  /** Search filter, {login} replaced by the escaped login (default matches uid, sAMAccountName, userPrincipalName, mail). */
  OTKLIK_LDAP_USER_FILTER: z
    .string()
    .includes('{login}', { message: 'фильтр должен содержать {login} / the filter must contain {login}' })
    .default('(|(uid={login})(sAMAccountName={login})(userPrincipalName={login})(mail={login}))'),
  /** Secure cookies (behind HTTPS). */
  COOKIE_SECURE: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export type Env = z.infer<typeof zEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (DATABASE_URL=) means "not set", as in most shells' habits.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = zEnv
    .superRefine((env, ctx) => {
      if (env.OTKLIK_OIDC_ISSUER && !env.OTKLIK_OIDC_CLIENT_ID) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_OIDC_CLIENT_ID'],
          message: 'нужен при OTKLIK_OIDC_ISSUER / required with OTKLIK_OIDC_ISSUER',
        });
      }
      if (env.OTKLIK_OIDC_ISSUER && !env.OTKLIK_PUBLIC_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_PUBLIC_URL'],
          message:
            'нужен для входа через OpenID Connect (адрес возврата) / required for OpenID Connect (the redirect URI)',
        });
      }
      if (env.OTKLIK_LDAP_URL && !env.OTKLIK_LDAP_BASE_DN) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_LDAP_BASE_DN'],
          message: 'нужен при OTKLIK_LDAP_URL / required with OTKLIK_LDAP_URL',
        });
      }
      if (Boolean(env.OTKLIK_LDAP_BIND_DN) !== Boolean(env.OTKLIK_LDAP_BIND_PASSWORD)) {
        ctx.addIssue({
          code: 'custom',
          path: ['OTKLIK_LDAP_BIND_PASSWORD'],
          message: 'OTKLIK_LDAP_BIND_DN и OTKLIK_LDAP_BIND_PASSWORD задаются вместе / set both or neither',
        });
      }
    })
    .safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Неверные переменные окружения / invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
