// The security-relevant administrative changes each leave an audit entry, read back through audit.list as the
// administrator reads it: supervisors, the topic directory, channel accounts (never their token), organisations
// (created, renamed, archived, restored: in the region administrator's own log) and the production calendar.
// A refused change leaves none.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { people } from '../db/schema';
import { createDeps, type ServerDeps } from '../deps';
import { describeEachDatabase } from '../test/databases';
import { type Caller, createOrgFixture, type OrgFixture, signIn } from '../test/fixtures';
import type { AuditAction } from './actions';

const TOKEN = 'vk1.a.very-secret-community-token-0123456789';

describeEachDatabase('audit of administrative changes', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;
  let other: OrgFixture;
  let admin: Caller;
  let region: Caller;
  let regionOrgId: string;

  beforeAll(async () => {
    deps = createDeps({
      database: getDb(),
      now: () => Date.parse('2026-12-01T10:00:00+03:00'),
      secretKey: randomBytes(32),
    });
    org = await createOrgFixture(deps);
    other = await createOrgFixture(deps);
    const regionOrg = await createOrgFixture(deps);
    regionOrgId = regionOrg.organisationId;
    await deps.db.update(people).set({ regionAdministrator: true }).where(eq(people.id, regionOrg.people.admin.id));
    admin = await signIn(deps, org.people.admin.login);
    region = await signIn(deps, regionOrg.people.admin.login);
  });

  /** The newest entries of one action in the caller's organisation. */
  const entries = async (caller: Caller, filters: { action: AuditAction }) =>
    (await caller.audit.list(filters)).entries;

  it('refuses a filter date no calendar holds with a clear message (found by the fuzz test: it was a 500)', async () => {
    await expect(admin.audit.list({ from: Number.MAX_SAFE_INTEGER, to: 1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('9999'),
    });
    await expect(admin.audit.exportCsv({ to: 8.64e15 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('records the supervisors of the curator and the operator', async () => {
    await admin.directory.setSupervisors({ curatorSupervisorId: org.people.deputy.id });
    const [entry] = await entries(admin, { action: 'supervisors.set' });
    expect(entry).toMatchObject({
      actorLogin: org.people.admin.login,
      targetType: 'organisation',
      targetId: org.organisationId,
      details: { curatorSupervisorId: org.people.deputy.id },
    });
    // Someone of another organisation is refused, and nothing is recorded.
    await expect(admin.directory.setSupervisors({ operatorSupervisorId: other.people.curator.id })).rejects.toThrow();
    expect(await entries(admin, { action: 'supervisors.set' })).toHaveLength(1);
  });

  it('records topics added and changed', async () => {
    const topic = await admin.directory.createTopic({ name: 'Дороги и тротуары', listed: true });
    await admin.directory.updateTopic({ id: topic.id, active: false });
    expect(await entries(admin, { action: 'topic.created' })).toMatchObject([
      { targetType: 'topic', targetId: topic.id, details: { name: 'Дороги и тротуары', listed: true } },
    ]);
    expect(await entries(admin, { action: 'topic.updated' })).toMatchObject([
      { targetId: topic.id, details: { active: false } },
    ]);
    await expect(admin.directory.createTopic({ name: 'Дороги и тротуары' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await entries(admin, { action: 'topic.created' })).toHaveLength(1);
  });

  it('records channel accounts added, changed and removed, and never their token', async () => {
    const account = await admin.channels.create({ network: 'vk', url: 'https://vk.com/club42', token: TOKEN });
    await admin.channels.update({ id: account.id, title: 'Администрация', token: `${TOKEN}-new` });
    await admin.channels.remove({ id: account.id });
    const [created] = await entries(admin, { action: 'channel-account.created' });
    const [updated] = await entries(admin, { action: 'channel-account.updated' });
    const [deleted] = await entries(admin, { action: 'channel-account.deleted' });
    expect(created).toMatchObject({
      targetId: account.id,
      details: { network: 'vk', url: 'https://vk.com/club42', credentialsGiven: ['token'] },
    });
    expect(updated).toMatchObject({ targetId: account.id, details: { title: 'Администрация' } });
    expect(deleted).toMatchObject({ targetId: account.id, details: { network: 'vk', url: 'https://vk.com/club42' } });
    const csv = (await admin.audit.exportCsv({})).csv;
    expect(JSON.stringify([created, updated, deleted])).not.toContain('very-secret');
    expect(csv).not.toContain('very-secret');
    // One language per file: the reader's (Russian when not given), headers and action labels alike.
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Время;Действие;Код;Логин;Объект;Id;IP;Подробности');
    expect(lines.find((l) => l.includes(';channel-account.created;'))).not.toMatch(/;[^;]* \/ [^;]*;channel-account/);
    const english = (await admin.audit.exportCsv({ lang: 'en' })).csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(english[0]).toBe('Time;Action;Code;Login;Target;Id;IP;Details');
    const createdEn = english.find((l) => l.includes(';channel-account.created;'))!;
    expect(createdEn.split(';')[1]).not.toMatch(/[а-яё]/i);
    expect(createdEn.split(';')[1]).not.toBe('');
    // Removing it again: not found, no second entry.
    await expect(admin.channels.remove({ id: account.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await entries(admin, { action: 'channel-account.deleted' })).toHaveLength(1);
  });

  it("records organisations created, renamed, archived and restored in the region administrator's log", async () => {
    const created = await region.organisations.create({
      name: 'Администрация Идринского района',
      presetId: 'idrinsky-2021',
      timeZone: 'Asia/Krasnoyarsk',
      admin: { fullName: 'Иванов Иван', login: 'idrinsky-audit-admin', password: 'Идра-река-2027-пароль' },
    });
    await region.organisations.rename({ id: other.organisationId, name: 'Соседний район' });
    await region.organisations.setArchived({ id: other.organisationId, archived: true });
    await region.organisations.setArchived({ id: other.organisationId, archived: false });
    expect(await entries(region, { action: 'organisation.created' })).toMatchObject([
      {
        organisationId: regionOrgId,
        targetType: 'organisation',
        targetId: created.id,
        details: { name: 'Администрация Идринского района', adminLogin: 'idrinsky-audit-admin' },
      },
    ]);
    expect(JSON.stringify(await entries(region, { action: 'organisation.created' }))).not.toContain('Идра-река');
    expect(await entries(region, { action: 'organisation.renamed' })).toMatchObject([
      { targetId: other.organisationId, details: { name: 'Соседний район' } },
    ]);
    expect(await entries(region, { action: 'organisation.archived' })).toMatchObject([
      { targetId: other.organisationId },
    ]);
    expect(await entries(region, { action: 'organisation.restored' })).toMatchObject([
      { targetId: other.organisationId },
    ]);
    // Archiving one's own organisation is refused: no entry.
    await expect(region.organisations.setArchived({ id: regionOrgId, archived: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await entries(region, { action: 'organisation.archived' })).toHaveLength(1);
  });

  it('records production-calendar years imported and removed', async () => {
    const text = readFileSync(
      new URL('../calendar/testdata/production-calendar-2027-illustrative.csv', import.meta.url),
      'utf8',
    );
    await region.calendar.importOpenData({ fileName: 'calendar-2027.csv', text });
    await region.calendar.removeImportedYear({ year: 2027 });
    // By hand (see calendar-import.test.ts): 247 working days, 118 days off, 1972 hours of a 40-hour week.
    expect(await entries(region, { action: 'production-calendar.imported' })).toMatchObject([
      {
        targetId: '2027',
        details: {
          fileName: 'calendar-2027.csv',
          years: [{ year: 2027, workingDays: 247, daysOff: 118, hours40: 1972 }],
        },
      },
    ]);
    expect(await entries(region, { action: 'production-calendar.removed' })).toMatchObject([{ targetId: '2027' }]);
    await expect(region.calendar.removeImportedYear({ year: 2027 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await entries(region, { action: 'production-calendar.removed' })).toHaveLength(1);
  });
});
