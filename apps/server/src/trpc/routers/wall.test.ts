// wall.snapshot: a display token shows its organisation's open cases without personal data; a revoked or unknown
// token is refused.
import { beforeAll, expect, it } from 'vitest';
import { createDeps, type ServerDeps } from '../../deps';
import { describeEachDatabase } from '../../test/databases';
import { anonymousCaller, createOrgFixture, type OrgFixture, signIn } from '../../test/fixtures';

describeEachDatabase('wall', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;
  beforeAll(async () => {
    deps = createDeps({ database: getDb() });
    org = await createOrgFixture(deps);
    const operator = await signIn(deps, org.people.operator.login);
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
    const admin = await signIn(deps, org.people.admin.login);
    const { token, id } = await admin.intake.createDisplayToken({ name: 'Табло в приёмной' });
    const { caller } = await anonymousCaller(deps);
    const snapshot = await caller.wall.snapshot({ token });
    expect(snapshot.organisation.timeZone).toBe('Europe/Moscow');
    expect(snapshot.cases).toHaveLength(1);
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('Секретный Автор');
    expect(text).not.toContain('Личный текст');
    expect(snapshot.seq).toBeGreaterThan(0);
    const operator = await signIn(deps, org.people.operator.login);
    const { caseId } = await operator.cases.register({
      network: 'ok',
      link: 'https://ok.ru/group/1_2',
      author: { name: 'Другой Автор' },
      text: 'Ещё один личный текст',
      attachments: [],
      visibility: 'public',
    });
    const changes = await caller.wall.changesSince({ token, seq: snapshot.seq });
    expect(changes.cases.map((c) => c.id)).toEqual([caseId]);
    expect(JSON.stringify(changes)).not.toContain('Другой Автор');
    expect(changes.lastSeq).toBeGreaterThan(snapshot.seq);
    await admin.intake.revokeDisplayToken({ id });
    await expect(caller.wall.snapshot({ token })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.wall.snapshot({ token: 'wall_nonsense' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets only the administrator manage display tokens and API keys', async () => {
    const curator = await signIn(deps, org.people.curator.login);
    await expect(curator.intake.createDisplayToken({ name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(curator.intake.apiKeys()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await signIn(deps, org.people.admin.login);
    const key = await admin.intake.createApiKey({ name: 'Медиалогия' });
    expect(key.key).toMatch(/^otk_/);
    const list = await admin.intake.apiKeys();
    expect(list.map((k) => k.prefix)).toEqual([key.key.slice(0, 10)]);
    expect(JSON.stringify(list)).not.toContain(key.key);
  });
});
