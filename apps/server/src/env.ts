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
  /** 32-byte key (64 hex digits or base64) encrypting channel tokens at rest; without it no token can be stored. */
  OTKLIK_SECRET_KEY: z
    .string()
    .refine(
      (v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, 'base64').length === 32,
      'нужно 32 байта: 64 шестнадцатеричные цифры или base64 (openssl rand -hex 32) / 32 bytes: 64 hex digits or base64',
    )
    .optional(),
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
  const parsed = zEnv.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Неверные переменные окружения / invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
