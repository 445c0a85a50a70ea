// Organisations across the installation: a region administrator lists, creates, renames, archives and restores them;
// an organisation's own administrator reaches none of that and sees only their own organisation; an archived
// organisation's people cannot sign in and their sessions end.
import { beforeAll, expect, it } from 'vitest';
import { createOrganisationWithAdmin } from '../../setup/new-organisation';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, callerWithCookie, signIn, signInCookie } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';

const REGION_PASSWORD = 'Область-край-2027';

describeEachDatabase('organisations', (getDb) => {
  const fx = setUpOrgFixture(getDb);
  let region: Caller;
  let regionOrgId: string;
  beforeAll(async () => {
    const created = await createOrganisationWithAdmin(fx.deps.db, {
      name: 'Администрация области',
      profile: { presetId: 'nao-2020' },
      admin: { login: 'region-admin', fullName: 'Регионов Роман', password: REGION_PASSWORD },
      regionAdministrator: true,
    });
    regionOrgId = created.organisation.id;
    region = await signIn(fx.deps, 'region-admin', REGION_PASSWORD);
  });

  it('lets a region administrator see every organisation with its people and open cases', async () => {
    const list = await region.organisations.list();
    const fixture = list.find((o) => o.id === fx.org.organisationId);
    expect(fixture).toMatchObject({ slug: fx.org.slug, peopleCount: 11, openCases: 0, archivedAt: null });
    expect(list.map((o) => o.id)).toContain(regionOrgId);
  });

  it('creates an organisation whose administrator signs in and sees only their own', async () => {
    const created = await region.organisations.create({
      name: 'Администрация города Славгорода',
      presetId: 'slavgorod-2020',
      timeZone: 'Asia/Barnaul',
      admin: { fullName: 'Петров Пётр', login: 'slavgorod-admin', password: 'slavgorod-2027-pass' },
    });
    expect(created).toMatchObject({ slug: 'administratsiya-goroda-slavgoroda', adminLogin: 'slavgorod-admin' });
    const local = await signIn(fx.deps, 'slavgorod-admin', 'slavgorod-2027-pass');
    const me = await local.auth.me();
    expect(me.user).toMatchObject({ organisationId: created.id, regionAdministrator: false });
    expect((await local.directory.organisation()).timeZone).toBe('Asia/Barnaul');
    const people = await local.directory.people();
    expect(people.map((p) => p.login)).toEqual(['slavgorod-admin']);
  });

  it('refuses a bad time zone, a weak password and a taken login, creating nothing', async () => {
    const before = (await region.organisations.list()).length;
    const base = {
      name: 'Лишняя администрация',
      presetId: 'nao-2020' as const,
      timeZone: 'Europe/Moscow',
      admin: { fullName: 'Лишний', login: 'extra-admin', password: 'Лишняя-контора-2027' },
    };
    await expect(region.organisations.create({ ...base, timeZone: 'Europe/Atlantis' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(region.organisations.create({ ...base, timeZone: '+03:00' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      region.organisations.create({ ...base, admin: { ...base.admin, password: '1234567890' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      region.organisations.create({ ...base, admin: { ...base.admin, login: fx.org.people.admin.login } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // The setup's own checks (shared with `otklik init`) refuse with the catalogue's key, on the field.
    const setup = { ...base, profile: { presetId: 'nao-2020' }, regionAdministrator: false };
    await expect(
      createOrganisationWithAdmin(fx.deps.db, { ...setup, timeZone: 'Europe/Atlantis' }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      refusal: { key: 'setup.unknown-zone', params: { zone: 'Europe/Atlantis' } },
      details: { errors: [{ path: 'timeZone', message: expect.stringMatching(/^Неизвестный часовой пояс/) }] },
    });
    await expect(
      createOrganisationWithAdmin(fx.deps.db, { ...setup, slug: fx.org.slug, timeZone: undefined }),
    ).rejects.toMatchObject({ refusal: { key: 'setup.slug-taken', params: { slug: fx.org.slug } } });
    await expect(
      createOrganisationWithAdmin(fx.deps.db, { ...setup, admin: { ...base.admin, password: '1234567890' } }),
    ).rejects.toMatchObject({ refusal: { key: 'password.too-common' }, details: { field: 'admin.password' } });
    expect(await region.organisations.list()).toHaveLength(before);
  });

  it('refuses all of it to an organisation administrator', async () => {
    const admin = await signIn(fx.deps, fx.org.people.admin.login);
    await expect(admin.organisations.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.organisations.rename({ id: regionOrgId, name: 'Захват' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.organisations.setArchived({ id: regionOrgId, archived: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      admin.organisations.create({
        name: 'Своя',
        presetId: 'nao-2020',
        timeZone: 'Europe/Moscow',
        admin: { fullName: 'Свой', login: 'own-admin', password: 'Своя-контора-2027' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // …and their directory shows only their own people.
    const people = await admin.directory.people();
    expect(people.some((p) => p.login === 'region-admin')).toBe(false);
    const region2 = await signIn(fx.deps, 'region-admin', REGION_PASSWORD);
    expect((await region2.organisations.list()).find((o) => o.id === regionOrgId)?.name).toBe('Администрация области');
  });

  it('renames, archives (sessions end, sign-in refused) and restores; never the own organisation', async () => {
    await region.organisations.rename({ id: fx.org.organisationId, name: 'Переименованная администрация' });
    const cookie = await signInCookie(fx.deps, fx.org.people.curator.login);
    await region.organisations.setArchived({ id: fx.org.organisationId, archived: true });
    const list = await region.organisations.list();
    expect(list.find((o) => o.id === fx.org.organisationId)).toMatchObject({ name: 'Переименованная администрация' });
    expect(list.find((o) => o.id === fx.org.organisationId)?.archivedAt).toBeInstanceOf(Date);
    expect((await (await callerWithCookie(fx.deps, cookie)).auth.me()).user).toBeNull();
    await expect(signIn(fx.deps, fx.org.people.curator.login)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    await region.organisations.setArchived({ id: fx.org.organisationId, archived: false });
    await expect(signIn(fx.deps, fx.org.people.curator.login)).resolves.toBeTruthy();

    await expect(region.organisations.setArchived({ id: regionOrgId, archived: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
