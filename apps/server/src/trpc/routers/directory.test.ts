// directory router: everyone reads, only the administrator writes; other organisations' ids are not found;
// bad input is refused and nothing is written.
import { beforeAll, expect, it } from 'vitest';
import { createDeps, type ServerDeps } from '../../deps';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, createOrgFixture, type OrgFixture, signIn } from '../../test/fixtures';

describeEachDatabase('directory', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;
  let other: OrgFixture;
  let admin: Caller;
  beforeAll(async () => {
    deps = createDeps({ database: getDb() });
    [org, other] = await Promise.all([createOrgFixture(deps), createOrgFixture(deps)]);
    admin = await signIn(deps, org.people.admin.login);
  });

  it('lists only the own organisation', async () => {
    const executor = await signIn(deps, org.people.roadsExecutor.login);
    const people = await executor.directory.people();
    expect(people).toHaveLength(11);
    expect(people.every((p) => p.organisationId === org.organisationId)).toBe(true);
    expect(people[0]).not.toHaveProperty('passwordHash');
    expect((await executor.directory.organisation()).id).toBe(org.organisationId);
  });

  it('lets the administrator create and update departments and people', async () => {
    const dept = await admin.directory.createDepartment({
      name: 'Культура',
      supervisingDeputyId: org.people.deputy.id,
    });
    expect(dept.supervisingDeputyId).toBe(org.people.deputy.id);
    const person = await admin.directory.createPerson({
      fullName: 'Новиков Пётр Ильич',
      login: `novikov-${org.slug}`,
      password: 'Лиственница-42',
      roles: ['executor'],
      departmentId: dept.id,
    });
    expect(person.hasPassword).toBe(true);
    const updated = await admin.directory.updatePerson({ id: person.id, position: 'Главный специалист' });
    expect(updated.position).toBe('Главный специалист');
    await expect(signIn(deps, `novikov-${org.slug}`, 'Лиственница-42')).resolves.toBeTruthy();
  });

  it('refuses directory changes to every role but the administrator', async () => {
    for (const key of ['operator', 'curator', 'roadsExecutor', 'deputy', 'head', 'observer'] as const) {
      const caller = await signIn(deps, org.people[key].login);
      await expect(caller.directory.createDepartment({ name: `Отдел ${key}` })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const names = (await admin.directory.departments()).map((d) => d.name);
    expect(names.some((n) => n.startsWith('Отдел '))).toBe(false);
  });

  it('does not see or touch another organisation', async () => {
    await expect(
      admin.directory.updateDepartment({ id: other.departments.roads, name: 'Захват' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      admin.directory.createDepartment({ name: 'С чужим замом', supervisingDeputyId: other.people.deputy.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      admin.directory.createAbsence({
        personId: org.people.roadsExecutor.id,
        substituteId: other.people.roadsExecutor.id,
        reason: 'leave',
        startsAt: 0,
        endsAt: 1,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const otherAdmin = await signIn(deps, other.people.admin.login);
    expect((await otherAdmin.directory.departments()).map((d) => d.name).sort()).toEqual(
      ['Дороги и транспорт', 'Здравоохранение', 'ЖКХ'].sort(),
    );
  });

  it('refuses bad input with typed errors', async () => {
    await expect(admin.directory.createDepartment({ name: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.directory.createDepartment({ name: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.directory.updateDepartment({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.directory.updateDepartment({ id: '00000000-0000-4000-8000-000000000000', name: 'Нет' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('не найдено') });
    await expect(admin.directory.createDepartment({ name: 'ЖКХ' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      admin.directory.createPerson({ fullName: 'Дубль', login: org.people.head.login, roles: ['observer'] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      // @ts-expect-error: an unknown role is a type error too
      admin.directory.createPerson({ fullName: 'Роль', login: `role-${org.slug}`, roles: ['king'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await admin.directory.people()).some((p) => p.fullName === 'Роль')).toBe(false);
  });

  it('records absences with a substitute and the substitute acts for the absent person', async () => {
    const now = Date.now();
    const absence = await admin.directory.createAbsence({
      personId: org.people.roadsExecutor.id,
      substituteId: org.people.roadsExecutor2.id,
      reason: 'illness',
      startsAt: now - 3600_000,
      endsAt: now + 3600_000,
    });
    const substitute = await signIn(deps, org.people.roadsExecutor2.login);
    expect((await substitute.auth.me()).user?.substituteFor).toEqual([org.people.roadsExecutor.id]);
    await expect(
      admin.directory.createAbsence({
        personId: org.people.roadsExecutor.id,
        substituteId: org.people.roadsExecutor.id,
        reason: 'leave',
        startsAt: now,
        endsAt: now + 1,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Edited after creation: longer, another reason; the same rules as creating one, checked on the server.
    const edited = await admin.directory.updateAbsence({ id: absence.id, reason: 'leave', endsAt: now + 7200_000 });
    expect([edited.reason, edited.endsAt.getTime(), edited.personId]).toEqual([
      'leave',
      now + 7200_000,
      org.people.roadsExecutor.id,
    ]);
    await expect(
      admin.directory.updateAbsence({ id: absence.id, substituteId: org.people.roadsExecutor.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.directory.updateAbsence({ id: absence.id, endsAt: now - 7200_000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const curator = await signIn(deps, org.people.curator.login);
    await expect(curator.directory.updateAbsence({ id: absence.id, reason: 'study' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await admin.directory.absences())[0]?.reason).toBe('leave');
    await admin.directory.deleteAbsence({ id: absence.id });
    expect(await admin.directory.absences()).toEqual([]);
  });

  it('keeps the registry of official accounts', async () => {
    await admin.channels.create({ network: 'vk', url: 'https://vk.com/adm_test', title: 'Администрация' });
    const observer = await signIn(deps, org.people.observer.login);
    expect((await observer.directory.channelAccounts()).map((c) => c.url)).toEqual(['https://vk.com/adm_test']);
    await expect(admin.channels.create({ network: 'vk', url: 'not a url' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
