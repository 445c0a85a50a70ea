// The curator's queue (issue 12: the turn the projection records in each board row, from which the web selects the
// queue) and the route form's choices through the API, konyshevsky-2020, Tuesday 24 Nov 2026.
import { curatorTurnOfFlags } from '@otklik/domain';
import { beforeAll, expect, it } from 'vitest';
import { ROADS_TRIAGE, routeSingle, timedSteps } from '../../test/case-steps';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, signInAs } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';

const t = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00+03:00`);

describeEachDatabase('curator queue and route choices', (getDb) => {
  let clock = t('09:00');
  const fx = setUpOrgFixture(getDb, { now: () => clock });
  let as: Record<'operator' | 'curator' | 'roads' | 'admin', Caller>;

  beforeAll(async () => {
    as = await signInAs(fx.deps, fx.org, ['operator', 'curator', 'roads', 'admin']);
  });

  const { register, command } = timedSteps({
    setClock: (at) => {
      clock = at;
    },
    time: t,
    operator: () => as.operator,
    text: 'Яма на дороге у школы',
  });

  /** The queue as the web selects it from the board rows: the cases with a curator's turn, in the board's order
   *  (the earliest deadline first), with the turn and the deadline. */
  const queue = async () =>
    (await as.curator.cases.board({})).cases.flatMap((c) => {
      const turn = curatorTurnOfFlags(c.flags);
      return turn ? [[c.id, turn, c.dueAt === null ? null : new Date(c.dueAt).getTime()]] : [];
    });

  it('records what waits on a curator in the board rows, the earliest deadline first', async () => {
    const first = await register('09:00');
    const second = await register('09:10');
    const routed = await register('09:20');
    await command(as.curator, routed, ROADS_TRIAGE, '09:25');
    await command(as.curator, routed, routeSingle(fx.org.departments.roads, fx.org.people.roadsExecutor.id), '09:30');
    // konyshevsky p.7: triage 30 min W from detection → 09:30 and 09:40; the routed case waits on the executor.
    expect(await queue()).toEqual([
      [first, 'triage', t('09:30')],
      [second, 'triage', t('09:40')],
    ]);
    await command(
      as.roads,
      routed,
      { type: 'submit-draft', kind: 'answer', text: 'Заделаем в среду', attachments: [] },
      '10:00',
    );
    // approve 30 min W from 10:00 → 10:30: after both triage deadlines.
    expect(await queue()).toEqual([
      [first, 'triage', t('09:30')],
      [second, 'triage', t('09:40')],
      [routed, 'approve', t('10:30')],
    ]);
  });

  it('route choices: the one who handled most cases of the department, never an absent one', async () => {
    clock = t('11:00');
    let roads = (await as.curator.cases.routeChoices()).find((c) => c.departmentId === fx.org.departments.roads)!;
    expect(roads.usualExecutorId).toBe(fx.org.people.roadsExecutor.id);
    expect(roads.executors.find((e) => e.personId === fx.org.people.roadsExecutor.id)?.handled).toBe(1);
    await as.admin.directory.createAbsence({
      personId: fx.org.people.roadsExecutor.id,
      substituteId: fx.org.people.roadsExecutor2.id,
      reason: 'illness',
      startsAt: t('10:00'),
      endsAt: t('18:00'),
    });
    roads = (await as.curator.cases.routeChoices()).find((c) => c.departmentId === fx.org.departments.roads)!;
    expect(roads.usualExecutorId).toBe(fx.org.people.roadsExecutor2.id);
    expect(roads.executors.find((e) => e.personId === fx.org.people.roadsExecutor.id)?.absence).toMatchObject({
      reason: 'illness',
      substituteId: fx.org.people.roadsExecutor2.id,
    });
  });
});
