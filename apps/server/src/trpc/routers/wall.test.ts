// wall.snapshot: a display token shows its organisation's open cases without personal data (the place only as a
// settlement or district of the place directory, never the free-text location); a revoked token is refused with its
// own reason, distinct from an unknown one.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases';
import { anonymousCaller, signIn } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';

describeEachDatabase('wall', (getDb) => {
  const fx = setUpOrgFixture(getDb);
  beforeAll(async () => {
    const operator = await signIn(fx.deps, fx.org.people.operator.login);
    await operator.cases.register({
      network: 'vk',
      link: 'https://vk.com/wall-1_9',
      author: { name: 'Секретный Автор' },
      text: 'Личный текст жителя',
      attachments: [],
      visibility: 'public',
    });
  });

  it('shows the open cases by token, without authors, text or names', async () => {
    const admin = await signIn(fx.deps, fx.org.people.admin.login);
    const { token, id } = await admin.intake.createDisplayToken({ name: 'Табло в приёмной' });
    const { caller } = await anonymousCaller(fx.deps);
    const snapshot = await caller.wall.snapshot({ token });
    expect(snapshot.organisation.timeZone).toBe('Europe/Moscow');
    expect(snapshot.cases).toHaveLength(1);
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('Секретный Автор');
    expect(text).not.toContain('Личный текст');
    expect(snapshot.seq).toBeGreaterThan(0);
    const operator = await signIn(fx.deps, fx.org.people.operator.login);
    const { caseId } = await operator.cases.register({
      network: 'ok',
      link: 'https://ok.ru/group/1_2',
      author: { name: 'Другой Автор' },
      text: 'Ещё один личный текст',
      attachments: [],
      visibility: 'public',
    });
    // Live changes reach the wall over its socket; a later snapshot (a reload) has the new case, still anonymous.
    const again = await caller.wall.snapshot({ token });
    expect(again.cases.map((c) => c.id)).toContain(caseId);
    expect(JSON.stringify(again)).not.toContain('Другой Автор');
    expect(again.seq).toBeGreaterThan(snapshot.seq);
    // The minute refresh of a wall whose rows are live: the organisation and its calendar, no rows.
    const settings = await caller.wall.settings({ token });
    expect(settings.organisation).toEqual(snapshot.organisation);
    expect(Object.keys(settings).sort()).toEqual(['organisation', 'serverTime']);
    await admin.intake.revokeDisplayToken({ id });
    await expect(caller.wall.snapshot({ token })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { details: { reason: 'display-key-revoked' } },
    });
    await expect(caller.wall.settings({ token })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { details: { reason: 'display-key-revoked' } },
    });
    await expect(caller.wall.snapshot({ token: 'wall_nonsense' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { details: { reason: 'display-key-unknown' } },
    });
  });

  it('never sends the free-text location: only a directory settlement or district it names, or nothing', async () => {
    const admin = await signIn(fx.deps, fx.org.people.admin.login);
    await admin.directory.createPlace({ name: 'Беляево', kind: 'settlement' });
    await expect(admin.directory.createPlace({ name: 'Беляево', kind: 'district' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const operator = await signIn(fx.deps, fx.org.people.operator.login);
    const triaged = async (location: string) => {
      const { caseId } = await operator.cases.register({
        network: 'vk',
        link: `https://vk.com/wall-1_${location.length}`,
        author: { name: 'Автор' },
        text: 'Сообщение',
        attachments: [],
        visibility: 'public',
      });
      await operator.cases.command({
        caseId,
        expectedVersion: 1,
        command: { type: 'triage', topic: 'Дороги', location, category: 'ordinary', processable: true },
      });
      return caseId;
    };
    const personal = await triaged('ул. Советская, 10, кв. 5 (Кузьмина М.)');
    const village = await triaged('с. Беляево, ул. Мира, 3, кв. 7 (Петров)');
    const { token } = await admin.intake.createDisplayToken({ name: 'Табло' });
    const { caller } = await anonymousCaller(fx.deps);
    const snapshot = await caller.wall.snapshot({ token });
    const byId = new Map(snapshot.cases.map((c) => [c.id, c]));
    expect(byId.get(personal)?.location).toBeNull();
    expect(byId.get(village)?.location).toBe('Беляево');
    const text = JSON.stringify(snapshot);
    for (const leak of ['Советская', 'Кузьмина', 'кв.', 'Мира', 'Петров']) expect(text).not.toContain(leak);
    // Only the administrator keeps the directory.
    const curator = await signIn(fx.deps, fx.org.people.curator.login);
    await expect(curator.directory.createPlace({ name: 'Сосково', kind: 'settlement' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('names a place on the wall by its directory entry as the administrator renames it', async () => {
    const admin = await signIn(fx.deps, fx.org.people.admin.login);
    const place = await admin.directory.createPlace({ name: 'Кулиги', kind: 'settlement' });
    await admin.directory.createPlace({ name: 'Заречный', kind: 'district' });
    await expect(admin.directory.updatePlace({ id: place.id, name: 'Заречный' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const renamed = await admin.directory.updatePlace({ id: place.id, name: 'Кулигино', kind: 'district' });
    expect(renamed).toMatchObject({ name: 'Кулигино', kind: 'district' });
    const listed = await admin.directory.places();
    expect(listed.filter((p) => p.name.startsWith('Кулиг')).map((p) => p.name)).toEqual(['Кулигино']);
    const curator = await signIn(fx.deps, fx.org.people.curator.login);
    await expect(curator.directory.updatePlace({ id: place.id, name: 'Кулиги' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lets only the administrator manage display tokens and API keys', async () => {
    const curator = await signIn(fx.deps, fx.org.people.curator.login);
    await expect(curator.intake.createDisplayToken({ name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(curator.intake.apiKeys()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await signIn(fx.deps, fx.org.people.admin.login);
    const key = await admin.intake.createApiKey({ name: 'Медиалогия' });
    expect(key.key).toMatch(/^otk_/);
    const list = await admin.intake.apiKeys();
    expect(list.map((k) => k.prefix)).toEqual([key.key.slice(0, 10)]);
    expect(JSON.stringify(list)).not.toContain(key.key);
  });
});
