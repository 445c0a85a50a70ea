// profiles and calendar routers: presets listed and read-only, a custom profile copied from a preset and
// validated field by field, the organisation's profile switched; calendar days, overrides and a deadline preview.
import { getPreset } from '@otklik/domain';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, signIn } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';

describeEachDatabase('profiles and calendar', (getDb) => {
  const fx = setUpOrgFixture(getDb);
  let admin: Caller;
  let curator: Caller;
  beforeAll(async () => {
    admin = await signIn(fx.deps, fx.org.people.admin.login);
    curator = await signIn(fx.deps, fx.org.people.curator.login);
  });

  it('lists the five presets and the current profile', async () => {
    const list = await curator.profiles.list();
    expect(
      list
        .filter((p) => p.isPreset)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['idrinsky-2021', 'konyshevsky-2020', 'krasnoufimsk-2021', 'nao-2020', 'slavgorod-2020']);
    expect((await curator.directory.organisation()).profileId).toBe('konyshevsky-2020');
  });

  it('creates a custom profile from a preset, refuses an invalid one, and switches the organisation to it', async () => {
    const base = getPreset('konyshevsky-2020')!;
    const custom = { ...base, id: `custom-${fx.org.slug}`, name: 'Конышевка, ускоренный' };
    await admin.profiles.create({ profile: custom, basedOn: base.id });
    // What is wrong travels as a key and parameters of the profile catalogue, for each reader to word.
    const idProblem = { key: 'profile-issue.id-format', params: {} };
    await expect(admin.profiles.create({ profile: { ...custom, id: 'Bad Id!' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('id'),
      cause: {
        refusal: { key: 'regulation.invalid', params: { path: 'id', issue: idProblem } },
        details: { errors: [{ path: 'id', ...idProblem }] },
      },
    });
    await expect(admin.profiles.create({ profile: custom })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.profiles.update({ id: 'nao-2020', profile: base })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(curator.profiles.create({ profile: { ...custom, id: 'by-curator' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await admin.profiles.update({ id: custom.id, profile: { ...custom, name: 'Новое имя' } });
    expect((await curator.profiles.list()).find((p) => p.id === custom.id)).toMatchObject({
      name: 'Новое имя',
      isPreset: false,
      basedOn: 'konyshevsky-2020',
    });
    await admin.profiles.setForOrganisation({ profileId: custom.id });
    const { profileId } = await curator.directory.organisation();
    expect(profileId).toBe(custom.id);
    expect((await curator.profiles.get({ id: profileId })).name).toBe('Новое имя');
    await expect(admin.profiles.setForOrganisation({ profileId: 'no-such' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await admin.profiles.setForOrganisation({ profileId: 'konyshevsky-2020' });
  });

  it('shows calendar days with their status and applies local overrides', async () => {
    // 4 Nov 2026 is National Unity Day (a public holiday); 5 Nov is a Thursday, an ordinary working day.
    const before = await curator.calendar.days({ from: '2026-11-04', to: '2026-11-05' });
    expect(before.days.map((d) => d.isWorkingDay)).toEqual([false, true]);
    await admin.calendar.setOverrides({ extraDaysOff: ['2026-11-05'] });
    const after = await curator.calendar.days({ from: '2026-11-04', to: '2026-11-05' });
    expect(after.days.map((d) => d.isWorkingDay)).toEqual([false, false]);
    await expect(curator.calendar.setOverrides({ extraDaysOff: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.calendar.setOverrides({ extraDaysOff: ['5 ноября'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.calendar.setTimeZone({ timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      // The calendar's own refusal, worded by each reader.
      cause: { key: 'calendar.unknown-zone', params: { timeZone: 'Mars/Olympus' } },
    });
    await admin.calendar.setOverrides({});
  });

  it('previews a step deadline under the organisation profile', async () => {
    // konyshevsky p.7: triage within 30 working minutes. Monday 23 Nov 2026 17:50 MSK (14:50 UTC) + 30 working
    // minutes = 10 minutes to 18:00, then 20 minutes from 09:00 Tuesday = Tue 09:20 MSK = 06:20 UTC.
    const preview = await curator.calendar.preview({ step: 'triage', from: Date.UTC(2026, 10, 23, 14, 50) });
    expect(preview.at).toBe(Date.UTC(2026, 10, 24, 6, 20));
    expect(preview.formatted).toBe('2026-11-24T09:20:00+03:00');
  });
});
