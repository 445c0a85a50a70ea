// The first-run page's API: only while no organisation exists, only with the one-time code the server issued;
// a refused attempt (bad input) keeps the code, a successful one uses it up and signs the new administrator in.
import { beforeAll, expect, it } from 'vitest';
import { createDeps, type ServerDeps } from '../../deps';
import { describeEachDatabase } from '../../test/databases';
import { anonymousCaller, callerWithCookie } from '../../test/fixtures';

const form = (password = 'речка-лодка-2027') => ({
  name: 'Администрация Конышевского района',
  presetId: 'konyshevsky-2020' as const,
  timeZone: 'Europe/Moscow',
  admin: { fullName: 'Иванова Мария Петровна', login: 'ivanova-maria', password },
});

describeEachDatabase('setup (first run)', (getDb) => {
  let deps: ServerDeps;
  beforeAll(() => {
    deps = createDeps({ database: getDb() });
  });

  it('is needed on an empty installation and refuses every attempt until the server issues a code', async () => {
    const { caller } = await anonymousCaller(deps);
    expect(await caller.setup.status()).toEqual({ needed: true, codeIssued: false });
    await expect(caller.setup.complete({ ...form(), code: 'AAAA-BBBB' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a wrong code, keeps the code after a weak password, then creates and signs in once', async () => {
    const code = deps.setup.issue();
    const { caller, cookies } = await anonymousCaller(deps);
    expect(await caller.setup.status()).toEqual({ needed: true, codeIssued: true });
    await expect(caller.setup.complete({ ...form(), code: 'WRONG-CODE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.setup.complete({ ...form('password123'), code })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.setup.complete({ ...form('Ivanova-Maria'), code })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(cookies).toHaveLength(0);

    // Typed by hand: lower case and without dashes is the same code.
    const done = await caller.setup.complete({ ...form(), code: code.toLowerCase().replaceAll('-', '') });
    expect(done.slug).toBe('administratsiya-konyshevskogo-rayona');
    expect(cookies).toHaveLength(1);
    const me = await (await callerWithCookie(deps, cookies[0]!.split(';')[0]!)).auth.me();
    expect(me.user).toMatchObject({ login: 'ivanova-maria', roles: ['administrator'], regionAdministrator: true });

    expect(await caller.setup.status()).toEqual({ needed: false, codeIssued: false });
    await expect(caller.setup.complete({ ...form(), code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never creates a second "first" organisation, even with a fresh code', async () => {
    const code = deps.setup.issue();
    const { caller } = await anonymousCaller(deps);
    await expect(
      caller.setup.complete({ ...form(), admin: { ...form().admin, login: 'intruder' }, code }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
