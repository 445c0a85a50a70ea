// env.ts: defaults, coercion, a clear message for a bad value, masking, and the generated reference page.
import { readFileSync } from 'node:fs';
import { expect, it, vi } from 'vitest';
import { databaseTargetFromEnv } from './cli/commands/serve';
import { type EnvName, maskValue, readEnv, variableMeta, zEnv } from './env';
import { renderConfigurationReference } from './env-reference';

it('fills defaults and treats empty variables as unset', () => {
  const env = readEnv({ DATABASE_URL: '', PORT: '8080' });
  expect(env).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', OTKLIK_DATA_DIR: './data', SESSION_TTL_HOURS: 12 });
  expect(env.DATABASE_URL).toBeUndefined();
});

it('names the bad variable in the operator’s language: Russian, or English with OTKLIK_LANG=en', () => {
  expect(() => readEnv({ PORT: 'восемьдесят' })).toThrow(/^Неверные переменные окружения:\n {2}PORT: /);
  expect(() => readEnv({ DATABASE_URL: 'not a url' })).toThrow(
    'Неверные переменные окружения:\n  DATABASE_URL: ожидается адрес вида postgres://пользователь:пароль@сервер:порт/база',
  );
  expect(() => readEnv({ OTKLIK_LDAP_URL: 'ldap://dir:389' })).toThrow(
    'Неверные переменные окружения:\n  OTKLIK_LDAP_BASE_DN: нужен при OTKLIK_LDAP_URL',
  );
  vi.stubEnv('OTKLIK_LANG', 'en');
  try {
    expect(() => readEnv({ DATABASE_URL: 'not a url', COOKIE_SECURE: 'maybe' })).toThrow(
      'Invalid environment:\n  DATABASE_URL: expected postgres://user:password@host:port/db\n' +
        '  COOKIE_SECURE: expected 1/0, true/false, yes/no or on/off',
    );
    // zod's own check (a number) in zod's English words, no Russian anywhere.
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/^Invalid environment:\n {2}PORT: [^а-яё]+$/i);
  } finally {
    vi.unstubAllEnvs();
  }
});

it('accepts yes/no spellings and refuses anything else instead of guessing', () => {
  expect(readEnv({ COOKIE_SECURE: 'yes', OTKLIK_LOG_PRETTY: 'off' })).toMatchObject({
    COOKIE_SECURE: true,
    OTKLIK_LOG_PRETTY: false,
  });
  expect(() => readEnv({ COOKIE_SECURE: 'maybe' })).toThrow(/COOKIE_SECURE/);
  expect(() => readEnv({ OTKLIK_LOG_LEVEL: 'loud' })).toThrow(/OTKLIK_LOG_LEVEL/);
  expect(() => readEnv({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL/);
  expect(() => readEnv({ OTKLIK_METRICS_TOKEN: 'short' })).toThrow(/OTKLIK_METRICS_TOKEN/);
});

it('reads the PostgreSQL pool size into the database target, and refuses a pool of none', () => {
  const target = databaseTargetFromEnv(
    readEnv({ DATABASE_URL: 'postgres://otklik@db/otklik', OTKLIK_DB_POOL_SIZE: '3' }),
  );
  expect(target).toMatchObject({ kind: 'postgres', settings: { poolSize: 3 } });
  expect(databaseTargetFromEnv(readEnv({ DATABASE_URL: 'postgres://otklik@db/otklik' }))).toMatchObject({
    settings: { poolSize: 10 },
  });
  expect(() => readEnv({ OTKLIK_DB_POOL_SIZE: '0' })).toThrow(/OTKLIK_DB_POOL_SIZE/);
  expect(() => readEnv({ OTKLIK_DB_POOL_SIZE: 'много' })).toThrow(/OTKLIK_DB_POOL_SIZE/);
});

it('masks secrets: whole tokens, and only the password of a URL', () => {
  expect(maskValue('OTKLIK_METRICS_TOKEN', 'a-very-long-metrics-token')).toBe('***');
  expect(maskValue('DATABASE_URL', 'postgres://otklik:s3cret@db:5432/otklik')).toBe(
    'postgres://otklik:***@db:5432/otklik',
  );
  expect(maskValue('SMTP_URL', 'smtp://relay.local:25')).toBe('smtp://relay.local:25');
  expect(maskValue('PORT', 3000)).toBe('3000');
});

it('describes every variable in one line', () => {
  for (const name of Object.keys(zEnv.shape) as EnvName[]) {
    const { description } = variableMeta(name);
    expect(description.length, name).toBeGreaterThan(10);
    expect(description, name).not.toContain('\n');
  }
});

it('docs/configuration.md is the page generated from this schema (run `pnpm docs:config` after a change)', () => {
  const committed = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
  expect(committed).toBe(renderConfigurationReference());
});
