// Whom a breach reaches (issue 10): the deficiency notice goes to the supervisor of whoever held the clock at the
// breach instant — the deputy of the first department of a chain that stayed silent, the person the organisation names
// for its curator — and every notice for an absent executor goes to the substitute, who the board shows as
// responsible. konyshevsky-2020, Wednesday 25 Nov 2026 (Mon–Fri 09–13, 14–18 MSK).
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { boardSnapshotPage, listBoard } from '../cases/board';
import type { CompactBoardRow } from '../cases/board-compact';
import { notifications } from '../db/schema';
import { createDeps, type ServerDeps } from '../deps';
import { createAbsence } from '../directory/absences';
import { headOverview } from '../reports/head-overview';
import {
  caseCommandRunner,
  commandAtCurrentVersion,
  ROADS_TRIAGE,
  registerVk,
  routeChain,
  routeSingle,
} from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture, type OrgFixture, signIn, TEST_PASSWORD } from '../test/fixtures';
import { createDelivery } from './delivery';
import { toNotification } from './delivery-feed';

const t = (hhmm: string) => Date.parse(`2026-11-25T${hhmm}:00+03:00`);

const registration = registerVk('https://vk.com/wall-1_55', 'Яма на дороге и прорыв трубы');

/** The operator registers the comment and triages it; the case id. */
async function triagedCase(run: ReturnType<typeof caseCommandRunner>, org: OrgFixture, at: string, triagedAt: string) {
  const { caseId } = await run(org.people.operator.id, undefined, registration, t(at));
  await run(org.people.operator.id, caseId, ROADS_TRIAGE, t(triagedAt));
  return caseId;
}

const toRoads = (org: OrgFixture) => routeSingle(org.departments.roads, org.people.roadsExecutor.id);
const personIdsOf = (rows: readonly { kind: string; personId: string }[], kind: string) =>
  rows.filter((r) => r.kind === kind).map((r) => r.personId);

async function delivered(deps: ServerDeps, caseId: string) {
  const delivery = createDelivery({ deps, live: { notify() {} }, mail: null, sweepMs: false });
  await delivery.idle();
  await delivery.close();
  const rows = await deps.db.select().from(notifications).where(eq(notifications.caseId, caseId));
  // As the feed words them (a key and its parameters, or an older row's own text).
  return rows.map((row) => ({ personId: row.personId, kind: row.kind, title: toNotification(row).title }));
}

describeEachDatabase('deficiency notices and substitutes', (getDb) => {
  it('a chain whose first department stays silent: the answer’s breach reaches that department’s deputy', async () => {
    let now = t('09:00');
    const deps = createDeps({ database: getDb(), now: () => now });
    const org = await createOrgFixture(deps);
    const run = caseCommandRunner(deps, org);
    const caseId = await triagedCase(run, org, '09:00', '09:05');
    await run(org.people.curator.id, caseId, routeChain(org, 'sequential', 'roads', 'housing'), t('09:10'));
    // p.10: 8 h W from 09:00: 09–13 (4) + 14–18 (4) → 18:00; roads has the case then (housing never received it: p.16, the curator forwards).
    now = t('18:00') + 1;
    const { events } = await run('system', caseId, { type: 'record-clock-breached', clockId: 'answer@1' }, now);
    expect(events[0]?.payload).toMatchObject({
      holders: [{ role: 'executor', personId: org.people.roadsExecutor.id, departmentId: org.departments.roads }],
    });
    const rows = await delivered(deps, caseId);
    const of = (kind: string) => personIdsOf(rows, kind);
    expect(of('assigned')).toEqual([org.people.roadsExecutor.id]);
    expect(of('clock-breached')).toEqual([org.people.roadsExecutor.id]);
    // The fixture's roads department is supervised by the deputy; housing's deputy is nobody and hears nothing.
    expect(of('deficiency-notice')).toEqual([org.people.deputy.id]);
    expect(rows.find((r) => r.kind === 'deficiency-notice')?.title).toContain('Дороги и транспорт');
    // The head's overview counts the breach against roads, which held the answer, not against the curator.
    const head = { personId: org.people.head.id, roles: ['head'] as const, departmentIds: [] };
    const overview = await headOverview(deps.db, org.organisationId, now, head);
    expect(overview.breachesThisWeek.map((b) => [b.departmentId, b.breaches])).toEqual([[org.departments.roads, 1]]);
  });

  it('the curator’s breach reaches the person the organisation names (an administrator sets it)', async () => {
    let now = t('09:00');
    const deps = createDeps({ database: getDb(), now: () => now });
    const org = await createOrgFixture(deps);
    const admin = await signIn(deps, org.people.admin.login, TEST_PASSWORD);
    const curator = await signIn(deps, org.people.curator.login, TEST_PASSWORD);
    await expect(curator.directory.setSupervisors({ curatorSupervisorId: org.people.head.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await admin.directory.setSupervisors({ curatorSupervisorId: org.people.head.id });
    expect((await admin.directory.organisation()).curatorSupervisorId).toBe(org.people.head.id);
    const run = caseCommandRunner(deps, org);
    const caseId = await triagedCase(run, org, '09:00', '09:05');
    // Passed to the curator at 09:05 (p.7) and never routed: the answer (due 18:00) is the curator's.
    now = t('18:00') + 1;
    await run('system', caseId, { type: 'record-clock-breached', clockId: 'answer@1' }, now);
    const rows = await delivered(deps, caseId);
    expect(personIdsOf(rows, 'deficiency-notice')).toEqual([org.people.head.id]);
    // Every curator hears the breach of "any curator's" clock.
    expect(personIdsOf(rows, 'clock-breached').sort()).toEqual([org.people.curator.id, org.people.curator2.id].sort());
  });

  it('a late return is a breach of the returning department, reported to its deputy', async () => {
    const deps = createDeps({ database: getDb(), now: () => t('11:00') });
    const org = await createOrgFixture(deps);
    const run = caseCommandRunner(deps, org);
    const caseId = await triagedCase(run, org, '10:00', '10:05');
    await run(org.people.curator.id, caseId, toRoads(org), t('10:10'));
    // p.8: 30 min W from 10:10 → 10:40; returned at 11:00, late but accepted.
    await run(
      org.people.roadsExecutor.id,
      caseId,
      { type: 'return', departmentId: org.departments.roads, reason: 'Это ЖКХ' },
      t('11:00'),
    );
    const rows = await delivered(deps, caseId);
    expect(personIdsOf(rows, 'returned-to-you')).toEqual([org.people.curator.id]);
    expect(personIdsOf(rows, 'deficiency-notice')).toEqual([org.people.deputy.id]);
  });

  it('while an executor is absent, their notices go to the substitute and the board shows the substitute', async () => {
    const deps = createDeps({ database: getDb(), now: () => t('10:30') });
    const org = await createOrgFixture(deps);
    await createAbsence(deps.db, {
      organisationId: org.organisationId,
      personId: org.people.roadsExecutor.id,
      substituteId: org.people.roadsExecutor2.id,
      reason: 'illness',
      startsAt: t('08:00'),
      endsAt: t('18:00'),
    });
    const run = caseCommandRunner(deps, org);
    const caseId = await triagedCase(run, org, '10:00', '10:05');
    await run(org.people.curator.id, caseId, toRoads(org), t('10:10'));
    const rows = await delivered(deps, caseId);
    expect(personIdsOf(rows, 'assigned')).toEqual([org.people.roadsExecutor2.id]);
    const [row] = await listBoard(deps.db, org.organisationId, { ids: [caseId], now: t('10:30') });
    expect(row).toMatchObject({
      responsiblePersonId: org.people.roadsExecutor2.id,
      responsiblePersonName: org.people.roadsExecutor2.fullName,
      absentPersonId: org.people.roadsExecutor.id,
    });
    // The web app's snapshot, built in SQL, shows the same.
    const compact = await boardSnapshotPage(deps.database, org.organisationId, { now: t('10:30') });
    const snapshotRows = JSON.parse(`[${compact.rows.toString()}]`) as CompactBoardRow[];
    expect(snapshotRows.find((r) => r.id === caseId)).toMatchObject({
      responsiblePersonId: org.people.roadsExecutor2.id,
      responsiblePersonName: org.people.roadsExecutor2.fullName,
      absentPersonId: org.people.roadsExecutor.id,
    });
    // After the absence the absent person is responsible again.
    const [later] = await listBoard(deps.db, org.organisationId, { ids: [caseId], now: t('18:30') });
    expect(later).toMatchObject({ responsiblePersonId: org.people.roadsExecutor.id, absentPersonId: null });
    // reassign-substitute only to an executor of the same department.
    const curator = await signIn(deps, org.people.curator.login, TEST_PASSWORD);
    const substitute = (substituteId: string) =>
      ({ type: 'reassign-substitute', departmentId: org.departments.roads, substituteId, reason: 'illness' }) as const;
    await expect(
      commandAtCurrentVersion(curator, caseId, substitute(org.people.housingExecutor.id)),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await commandAtCurrentVersion(curator, caseId, substitute(org.people.roadsExecutor2.id));
    const reassigned = await deps.db
      .select({ personId: notifications.personId })
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, 'assigned')));
    expect(reassigned.length).toBeGreaterThanOrEqual(1);
  });
});
