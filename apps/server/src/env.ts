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
  /** smtp://user:pass@host:port for notices; without it notices are only shown in the app. */
  SMTP_URL: z.string().url().optional(),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Skip the demo data on first start. */
  OTKLIK_NO_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** Secure cookies (behind HTTPS); implied by an https OTKLIK_PUBLIC_URL. */
  COOKIE_SECURE: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** The address users open (https://otklik.example.ru): the only Origin allowed to change anything, cookies, links. */
  OTKLIK_PUBLIC_URL: z
    .url({ message: 'ожидается адрес вида https://otklik.example.ru / expected an absolute http(s) URL' })
    .refine((u) => /^https?:\/\//i.test(u), 'только http(s) / http(s) only')
    .optional(),
  /** Reverse proxies whose X-Forwarded-For is believed: addresses/CIDRs, 'loopback', 'uniquelocal' (proxy-addr). */
  OTKLIK_TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const list = parseTrustProxy(v);
      if (list === null)
        ctx.addIssue({ code: 'custom', message: 'список адресов или CIDR через запятую / comma list' });
      return list ?? [];
    }),
  /** Longest wait for a new PostgreSQL connection, in milliseconds. */
  OTKLIK_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Longest a single SQL statement may run on PostgreSQL (statement_timeout), in milliseconds. */
  OTKLIK_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** Longest an API request may wait for the database before it is answered "database unavailable", in ms. */
  OTKLIK_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
  /** Longest SIGTERM waits for requests in flight before closing, in milliseconds. */
  OTKLIK_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
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

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (DATABASE_URL=) means "not set", as in most shells' habits.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = zEnv.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Неверные переменные окружения / invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
