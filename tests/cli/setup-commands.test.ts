// The administrator's commands as a script runs them: strict flags everywhere (an unknown or valueless flag is an
// error, never ignored), `otklik init` with the password policy and its ways of taking a password, `otklik config`
// with secrets masked, and `serve --port` being a real flag.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../apps/server/src/test/free-port';
import { tempDirs } from '../../apps/server/src/test/temp-dirs';
import { repoRoot, runCli } from './run-cli';

const tempDir = tempDirs('otklik-cli-');

describe('strict flags', () => {
  it.each([
    [['serve', '--bogus'], /неизвестный параметр --bogus/],
    [['serve', '--port', 'eighty'], /--port: .*0–65535/],
    [['serve', '--port'], /у параметра --port нет значения/],
    [['serve', '--demo=yes'], /--demo/],
    [['serve', 'now'], /лишний аргумент «now»/],
    [['migrate', '--force'], /неизвестный параметр --force/],
    [['seed-demo', 'again'], /лишний аргумент «again»/],
    [['import', '--org', 'x'], /не указан FILE/],
    [['import', 'a.json', '--org', 'x', '--dry-run'], /неизвестный параметр --dry-run/],
    [['config', '--yaml'], /неизвестный параметр --yaml/],
    [
      ['init', '--name', 'X', '--preset', 'nao-2020', '--admin-login', 'a1', '--admin'],
      /неизвестный параметр --admin\b/,
    ],
  ])('otklik %j exits 2 with one line naming the problem', async (args, message) => {
    const result = await runCli(args, '', { OTKLIK_DATA_DIR: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('says it in one language: Russian by default, English with OTKLIK_LANG=en; another language is refused', async () => {
    const ru = await runCli(['serve', 'now'], '', { OTKLIK_DATA_DIR: tempDir() });
    expect(ru.stderr).toBe('otklik serve: лишний аргумент «now» (otklik serve --help)\n');
    const en = await runCli(['serve', 'now'], '', { OTKLIK_DATA_DIR: tempDir(), OTKLIK_LANG: 'en' });
    expect(en).toMatchObject({ code: 2, stderr: 'otklik serve: unexpected argument "now" (otklik serve --help)\n' });
    const de = await runCli(['serve', 'now'], '', { OTKLIK_DATA_DIR: tempDir(), OTKLIK_LANG: 'de' });
    expect(de).toMatchObject({ code: 2, stderr: 'otklik: OTKLIK_LANG: ожидается ru или en, а не «de»\n' });
  });
});

describe('otklik init', () => {
  const dataDir = tempDir();
  const env = { OTKLIK_DATA_DIR: dataDir };
  const args = (login: string, ...more: string[]) => [
    'init',
    '--name',
    'Администрация Идринского района',
    '--preset',
    'idrinsky-2021',
    '--admin-login',
    login,
    ...more,
  ];

  it('refuses a weak password, a bad time zone, and a script that gives no password, creating nothing', async () => {
    const weak = await runCli(args('glava', '--password-stdin'), '1234567890\n', env);
    expect(weak).toMatchObject({ code: 2, stdout: '' });
    // The CLI words refusals in Russian, from the catalogues (no English half).
    expect(weak.stderr).toMatch(/Этот пароль слишком распространён, выберите другой\n/);
    expect(weak.stderr).not.toMatch(/too common/);
    const short = await runCli(args('glava', '--password-stdin'), 'короткий\n', env);
    expect(short.stderr).toMatch(/Пароль должен быть не короче 10 символов/);
    const zone = await runCli(
      args('glava', '--password-stdin', '--time-zone', 'Asia/Idrinskoe'),
      'реки-и-горы-2027\n',
      env,
    );
    expect(zone).toMatchObject({ code: 2 });
    expect(zone.stderr).toMatch(/Неизвестный часовой пояс «Asia\/Idrinskoe»: нужно имя IANA/);
    const none = await runCli(args('glava'), '', env);
    expect(none).toMatchObject({ code: 2 });
    expect(none.stderr).toMatch(/нет пароля: передайте его через --password-stdin или OTKLIK_ADMIN_PASSWORD/);
    const both = await runCli(args('glava', '--password-stdin'), 'реки-и-горы-2027\n', {
      ...env,
      OTKLIK_ADMIN_PASSWORD: 'реки-и-горы-2027',
    });
    expect(both.stderr).toMatch(/заданы оба: оставьте одно/);
    const missing = await runCli(['init', '--name', 'X'], '', env);
    expect(missing.stderr).toMatch(/не хватает: --preset .*--admin-login/);
  });

  it('creates the organisation and a region administrator, and says what to do next', async () => {
    const result = await runCli(args('glava', '--password-stdin'), 'реки-и-горы-2027\n', env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('administratsiya-idrinskogo-rayona');
    // The preset's own zone when none is given (idrinsky-2021: Krasnoyarsk).
    expect(result.stdout).toContain('Asia/Krasnoyarsk');
    expect(result.stdout).toMatch(/glava \(администратор региона/);
    expect(result.stdout).toMatch(/^Что дальше:$/m);
    expect(result.stdout).not.toMatch(/ \/ /);
  });

  it('adds a second organisation from the environment password, its administrator not a region one', async () => {
    const profile = join(tempDir(), 'bad-profile.json');
    writeFileSync(profile, '{"id": "x"');
    const bad = await runCli(['init', '--name', 'Другой', '--profile-file', profile, '--admin-login', 'other'], '', {
      ...env,
      OTKLIK_ADMIN_PASSWORD: 'другой-район-2027',
    });
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toMatch(/bad-profile\.json: не JSON/);
    const result = await runCli(
      ['init', '--name', 'Администрация Славгорода', '--preset', 'slavgorod-2020', '--admin-login', 'slav-admin'],
      '',
      { ...env, OTKLIK_ADMIN_PASSWORD: 'другой-район-2027' },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/slav-admin \(администратор\)/);
    const again = await runCli(args('glava', '--password-stdin'), 'реки-и-горы-2027\n', env);
    expect(again).toMatchObject({ code: 2 });
    // A catalogued error in Russian, from the catalogue (the CLI's language for the server's messages).
    expect(again.stderr).toMatch(/Логин «glava» уже занят/);
  });
});

describe('otklik config', () => {
  it('prints every variable with its source, secrets masked', async () => {
    const result = await runCli(['config', '--json'], '', {
      DATABASE_URL: 'postgres://otklik:very-secret@db.local:5432/otklik',
      OTKLIK_METRICS_TOKEN: 'scrape-token-1234567890',
      PORT: '8080',
    });
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout) as Record<string, { value: string; source: string; secret: boolean }>;
    expect(config.DATABASE_URL).toEqual({
      value: 'postgres://otklik:***@db.local:5432/otklik',
      source: 'environment',
      secret: true,
    });
    expect(config.OTKLIK_METRICS_TOKEN?.value).toBe('***');
    expect(config.PORT).toMatchObject({ value: '8080', source: 'environment' });
    expect(config.HOST).toMatchObject({ value: '127.0.0.1', source: 'default' });
    expect(result.stdout).not.toContain('very-secret');
    expect(result.stdout).not.toContain('scrape-token');
  });

  it('refuses a bad value as the server would, naming the variable', async () => {
    const result = await runCli(['config'], '', { OTKLIK_LOG_LEVEL: 'chatty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/OTKLIK_LOG_LEVEL/);
  });
});

describe('otklik serve', () => {
  it('listens on --port, offers the first run without demo data, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli/main.ts', 'serve', '--port', String(port)],
      {
        cwd: repoRoot,
        env: { ...process.env, OTKLIK_DATA_DIR: tempDir(), PORT: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const until = Date.now() + 60_000;
    while (!output.includes('/setup?code=')) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`serve did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(output).not.toMatch(/demo/i);
    const status = await fetch(`http://127.0.0.1:${port}/trpc/setup.status`);
    expect(((await status.json()) as { result: { data: unknown } }).result.data).toEqual({
      needed: true,
      codeIssued: true,
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
