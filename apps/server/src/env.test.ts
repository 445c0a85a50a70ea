// env.ts: defaults, coercion, and a clear message for a bad value.
import { expect, it } from 'vitest';
import { readEnv } from './env';

it('fills defaults and treats empty variables as unset', () => {
  const env = readEnv({ DATABASE_URL: '', PORT: '8080' });
  expect(env).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', OTKLIK_DATA_DIR: './data', SESSION_TTL_HOURS: 12 });
  expect(env.DATABASE_URL).toBeUndefined();
});

it('names the bad variable in Russian and English', () => {
  expect(() => readEnv({ PORT: 'восемьдесят' })).toThrow(
    /Неверные переменные окружения \/ invalid environment:\n {2}PORT/,
  );
  expect(() => readEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
});
