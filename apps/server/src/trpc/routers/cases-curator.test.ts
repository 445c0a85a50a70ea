// The curator's commands of issue 10 through the API: forward a curator-forwarded chain (NAO p.22.2), move a case to
// another department with a reason, re-categorise it (category, high importance, a topic from the organisation's topic
// directory); and stored projections of an older state model are folded again at start. nao-2020, Tuesday 24 Nov 2026.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { cases } from '../../db/schema';
import { assignmentTo, routeChain, timedSteps } from '../../test/case-steps';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, createOrgFixture, type OrgFixture, signInAs, tasksOf } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';

const t = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00+03:00`);
const iso = (ms: number) => new Date(ms).toISOString();

describeEachDatabase('curator commands', (getDb) => {
  let clock = t('09:00');
  const fx = setUpOrgFixture(getDb, { now: () => clock }, { profileId: 'nao-2020' });
  let as: Record<'operator' | 'curator' | 'roads' | 'housing' | 'admin' | 'observer', Caller>;

  beforeAll(async () => {
    as = await signInAs(fx.deps, fx.org, ['operator', 'curator', 'roads', 'housing', 'admin', 'observer']);
    await as.admin.directory.createTopic({ name: 'Отопление', listed: true });
    await as.admin.directory.createTopic({ name: 'Дороги' });
  });

  const { register: registered, command } = timedSteps({
    setClock: (at) => {
      clock = at;
    },
    time: t,
    operator: () => as.operator,
    text: 'Холодные батареи и яма у подъезда',
  });

  it('topics come from the directory: a listed one shortens the answer (NAO p.16), an unknown one is refused', async () => {
    expect((await as.observer.directory.topics()).map((x) => [x.name, x.listed])).toEqual([
      ['Дороги', false],
      ['Отопление', true],
    ]);
    await expect(as.observer.directory.createTopic({ name: 'Космос' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const caseId = await registered('09:00');
    await expect(
      command(
        as.curator,
        caseId,
        { type: 'triage', topic: 'Космос', location: 'центр', category: 'ordinary', processable: true },
        '09:05',
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await command(
      as.curator,
      caseId,
      { type: 'triage', topic: 'Отопление', location: 'центр', category: 'ordinary', processable: true },
      '09:05',
    );
    const detail = await as.curator.cases.detail({ caseId });
    // p.16 listed topic: 4 h W from 09:00 → 13:00 (8 h would be 18:00).
    expect(iso(detail.clocks.overall!.dueAt)).toBe(iso(t('13:00')));
    // fast-track is not a NAO category.
    await expect(
      command(as.curator, caseId, { type: 'recategorise', category: 'fast-track', reason: 'решаемый' }, '09:10'),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const roads = (await as.observer.directory.topics()).find((x) => x.name === 'Дороги')!;
    await expect(
      command(as.operator, caseId, { type: 'recategorise', topicId: roads.id, reason: 'про дорогу' }, '09:10'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await command(as.curator, caseId, { type: 'recategorise', topicId: roads.id, reason: 'речь о дороге' }, '09:10');
    const after = await as.curator.cases.detail({ caseId });
    expect(iso(after.clocks.overall!.dueAt)).toBe(iso(t('18:00')));
    expect(after.state.corrections).toMatchObject([{ kind: 'recategorise', reason: 'речь о дороге' }]);
  });

  it('forwards a chain to its next executor; moves a case to another department with a reason', async () => {
    const caseId = await registered('10:00');
    await command(
      as.curator,
      caseId,
      { type: 'triage', topic: 'Дороги', location: 'центр', category: 'ordinary', processable: true },
      '10:05',
    );
    await command(as.curator, caseId, routeChain(fx.org, 'sequential', 'roads', 'housing'), '10:10');
    await command(
      as.roads,
      caseId,
      { type: 'submit-contribution', departmentId: fx.org.departments.roads, text: 'Яму заделаем в пятницу' },
      '10:40',
    );
    // The part went to the curator: housing has nothing yet, the curator is offered the forward.
    expect(await tasksOf(as.housing, fx.org.people.housingExecutor.id)).not.toContain(caseId);
    expect((await as.curator.cases.detail({ caseId })).allowedActions).toContain('forward');
    await command(as.curator, caseId, { type: 'forward', departmentId: fx.org.departments.housing }, '10:50');
    expect(await tasksOf(as.housing, fx.org.people.housingExecutor.id)).toContain(caseId);
    const detail = await as.curator.cases.detail({ caseId });
    // housing's part: 2 h W from the forward at 10:50 → 12:50 (p.22).
    const part = detail.clocks.active.find((c) => c.id.endsWith(`:${fx.org.departments.housing}`));
    expect(iso(part!.dueAt)).toBe(iso(t('12:50')));
    // A move needs a reason, the curator's role, and a department of this organisation.
    const moveToHealthOf = (to: OrgFixture, reason: string) =>
      command(as.curator, caseId, { type: 'move', assignments: [assignmentTo(to, 'health')], reason }, '11:00');
    await expect(moveToHealthOf(fx.org, '')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const other = await createOrgFixture(fx.deps, { profileId: 'nao-2020' });
    await expect(moveToHealthOf(other, 'чужой')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await command(
      as.curator,
      caseId,
      {
        type: 'move',
        mode: 'sequential',
        assignments: [assignmentTo(fx.org, 'roads'), assignmentTo(fx.org, 'health')],
        reason: 'трубы — не ЖКХ, а больница',
      },
      '11:00',
    );
    const moved = await as.curator.cases.detail({ caseId });
    // roads' part is kept; health receives now (the first department without a part); housing is off the case.
    expect(moved.state.contributions.map((c) => c.departmentId)).toEqual([fx.org.departments.roads]);
    expect(moved.state.assignments.map((a) => a.departmentId)).toEqual([
      fx.org.departments.roads,
      fx.org.departments.health,
    ]);
    expect(moved.timeline.at(-1)).toMatchObject({ type: 'case-moved' });
    expect(await tasksOf(as.housing, fx.org.people.housingExecutor.id)).not.toContain(caseId);
  });

  it('folds a stored projection of an older state model again from its events at start', async () => {
    const caseId = await registered('12:00');
    const before = await as.curator.cases.detail({ caseId });
    // What an older server left: a state without the clock model (no stateModel, no custody).
    await fx.deps.db
      .update(cases)
      .set({ state: sql`(${cases.state} - 'stateModel' - 'custody')` })
      .where(eq(cases.id, caseId));
    await migrateDatabase(fx.deps.database);
    const [row] = await fx.deps.db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
    expect(row?.state).toEqual(before.state);
  });
});
