// cases router over the API: a message's whole life through the decider, the board and its filters, the case
// detail with its allowed actions, my tasks, the changes feed (the socket's `changes:since`, read here as the server
// serves it), the role matrix, the concurrency conflict and bad input (nothing written).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases } from '../../db/schema';
import { createDeps, type ServerDeps } from '../../deps';
import type { CommittedEvent } from '../../events-bus';
import { changesSince } from '../../realtime/changes';
import { routeSingle } from '../../test/case-steps';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, createOrgFixture, type OrgFixture, signIn, signInAs, tasksOf } from '../../test/fixtures';

// Tuesday 24 Nov 2026, 10:00 Moscow (07:00 UTC): a working day, so every clock runs.
const TUESDAY_10_MSK = Date.UTC(2026, 10, 24, 7, 0);

const message = (text: string, extra: Record<string, unknown> = {}) => ({
  network: 'vk' as const,
  link: 'https://vk.com/wall-1_100',
  author: { name: 'Иван Петров' },
  text,
  attachments: [],
  visibility: 'public' as const,
  ...extra,
});

describeEachDatabase('cases', (getDb) => {
  let deps: ServerDeps;
  let clock = TUESDAY_10_MSK;
  let org: OrgFixture;
  let as: Record<'operator' | 'curator' | 'curator2' | 'roads' | 'housing' | 'observer' | 'head' | 'admin', Caller>;
  const committed: CommittedEvent[] = [];

  beforeAll(async () => {
    deps = createDeps({ database: getDb(), now: () => clock });
    deps.bus.onCommitted((events) => committed.push(...events));
    org = await createOrgFixture(deps);
    as = await signInAs(deps, org, [
      'operator',
      'curator',
      'curator2',
      'roads',
      'housing',
      'observer',
      'head',
      'admin',
    ]);
  });

  async function registerAndTriage(text: string) {
    const { caseId } = await as.operator.cases.register(message(text));
    await as.operator.cases.command({
      caseId,
      expectedVersion: 1,
      command: { type: 'triage', topic: 'Дороги', location: 'ул. Ленина', category: 'ordinary', processable: true },
    });
    return caseId;
  }

  /** The changes feed as the observer's socket is served it (`changes:since`). */
  const observerChanges = (afterSeq: number, limit?: number) =>
    changesSince(deps.db, {
      organisationId: org.organisationId,
      afterSeq,
      limit,
      viewer: { personId: org.people.observer.id, roles: ['observer'], departmentIds: [] },
      now: clock,
    });

  it('runs a message from detection to the published answer', async () => {
    const startSeq = committed.at(-1)?.seq ?? 0;
    const caseId = await registerAndTriage('Яма на дороге у школы №2');
    await as.curator.cases.command({
      caseId,
      expectedVersion: 2,
      command: routeSingle(org.departments.roads, org.people.roadsExecutor.id),
    });
    const detail = await as.roads.cases.detail({ caseId });
    expect(detail.case.status).toBe('assigned');
    expect(detail.allowedActions).toContain('submit-draft');
    expect(detail.allowedActions).not.toContain('approve');
    // konyshevsky p.10: the answer is due 8 working hours after detection (Tue 10:00 → Wed 10:00 MSK = 07:00 UTC:
    // 8 h left on Tuesday 10–13 and 14–18 = 7 h, plus 1 h on Wednesday 09–10).
    expect(detail.clocks.overall?.dueAt).toBe(Date.UTC(2026, 10, 25, 7, 0));
    clock += 60 * 60_000;
    await as.roads.cases.command({
      caseId,
      expectedVersion: detail.case.version,
      command: { type: 'submit-draft', kind: 'answer', text: 'Яму заделаем до пятницы.', attachments: [] },
    });
    const v = (await as.curator.cases.detail({ caseId })).case.version;
    await as.curator.cases.command({ caseId, expectedVersion: v, command: { type: 'approve' } });
    // konyshevsky p.14: the executor publishes.
    await as.roads.cases.command({
      caseId,
      expectedVersion: v + 1,
      command: { type: 'publish', where: { kind: 'same-thread' } },
    });
    const done = await as.observer.cases.detail({ caseId });
    expect(done.case.isOpen).toBe(false);
    expect(done.case.status).toBe('closed');
    expect(done.timeline.map((e) => e.type)).toEqual([
      'case-registered',
      'case-triaged',
      'case-routed',
      'draft-submitted',
      'draft-approved',
      'answer-published',
    ]);
    expect(done.timeline.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(done.timeline[0]?.actorName).toBe('Оператор Ольга');
    expect(done.allowedActions).toEqual([]);
    // The hook saw every event, once, with increasing global sequence numbers.
    const mine = committed.filter((e) => e.caseId === caseId);
    expect(mine.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(mine.every((e, i) => i === 0 || e.seq > mine[i - 1]!.seq)).toBe(true);
    const feed = await observerChanges(startSeq);
    const ofCase = feed.changes.filter((c) => c.caseId === caseId);
    expect(ofCase.map((c) => c.type)).toEqual(done.timeline.map((e) => e.type));
    // The last change carries no row: the closed case has left the board.
    expect(ofCase.at(-1)).toMatchObject({ type: 'answer-published', row: null });
    expect(feed.hasMore).toBe(false);
    expect((await observerChanges(feed.headSeq)).changes).toEqual([]);
  });

  it('shows open cases on the board with filters, and the executor their tasks', async () => {
    const caseId = await registerAndTriage('Не горят фонари на ул. Мира');
    await as.curator.cases.command({
      caseId,
      expectedVersion: 2,
      command: routeSingle(org.departments.housing, org.people.housingExecutor.id),
    });
    const board = await as.observer.cases.board({});
    const row = board.cases.find((c) => c.id === caseId);
    expect(row).toMatchObject({ status: 'assigned', responsibleDepartmentName: 'ЖКХ', topic: 'Дороги', network: 'vk' });
    expect(row?.dueAt).toBeInstanceOf(Date);
    expect(board.cases.every((c) => c.isOpen)).toBe(true);
    expect((await as.observer.cases.board({ departmentId: org.departments.housing })).cases.map((c) => c.id)).toContain(
      caseId,
    );
    expect((await as.observer.cases.board({ departmentId: org.departments.health })).cases).toEqual([]);
    expect((await as.observer.cases.board({ network: 'telegram' })).cases).toEqual([]);
    expect(await tasksOf(as.housing, org.people.housingExecutor.id)).toEqual([caseId]);
    expect(await tasksOf(as.roads, org.people.roadsExecutor.id)).not.toContain(caseId);
  });

  it('filters the board by status, category and topic, and pages the changes feed', async () => {
    const caseId = await registerAndTriage('Сломан светофор');
    const triaged = await as.observer.cases.board({ status: 'triaged' });
    expect(triaged.cases.map((c) => c.id)).toContain(caseId);
    expect(triaged.cases.every((c) => c.status === 'triaged')).toBe(true);
    expect((await as.observer.cases.board({ category: 'high' })).cases.map((c) => c.id)).not.toContain(caseId);
    expect((await as.observer.cases.board({ topic: 'Дороги', status: 'triaged' })).cases.map((c) => c.id)).toContain(
      caseId,
    );
    const page = await observerChanges(0, 2);
    expect(page.changes).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const lastSeq = page.changes.at(-1)!.seq;
    const next = await observerChanges(lastSeq, 2);
    expect(next.changes[0]!.seq).toBeGreaterThan(lastSeq);
    expect(next.changes[0]!.prevSeq).toBe(lastSeq);
  });

  it('lets only the roles of the regulation act (middleware and decider)', async () => {
    await expect(as.observer.cases.register(message('Наблюдатель не регистрирует'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(as.roads.cases.register(message('Исполнитель тоже'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const caseId = await registerAndTriage('Мусор не вывозят неделю');
    const route = {
      type: 'route' as const,
      mode: 'single' as const,
      assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
    };
    for (const caller of [as.operator, as.observer, as.head]) {
      await expect(caller.cases.command({ caseId, expectedVersion: 2, command: route })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    // An executor of no department holding it and the administrator do not even see the case (domain canSeeCase).
    for (const caller of [as.roads, as.admin]) {
      await expect(caller.cases.command({ caseId, expectedVersion: 2, command: route })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    // The housing executor is an executor, but not of the assigned department: the case is not theirs to see.
    await as.curator.cases.command({ caseId, expectedVersion: 2, command: route });
    await expect(
      as.housing.cases.command({
        caseId,
        expectedVersion: 3,
        command: { type: 'submit-draft', kind: 'answer', text: 'Чужой ответ', attachments: [] },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      as.curator.cases.command({
        caseId,
        expectedVersion: 3,
        command: { type: 'record-clock-breached', clockId: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [row] = await deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row?.version).toBe(3);
  });

  it('lets one of two curators acting at once win; the other gets a conflict and nothing is duplicated', async () => {
    const caseId = await registerAndTriage('Автобус №5 не ходит по выходным');
    const routeTo = (departmentId: string, executorId: string) => ({
      caseId,
      expectedVersion: 2,
      command: { type: 'route' as const, mode: 'single' as const, assignments: [{ departmentId, executorId }] },
    });
    const results = await Promise.allSettled([
      as.curator.cases.command(routeTo(org.departments.roads, org.people.roadsExecutor.id)),
      as.curator2.cases.command(routeTo(org.departments.housing, org.people.housingExecutor.id)),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('другой пользователь'),
    });
    const events = await deps.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => e.version).sort()).toEqual([1, 2, 3]);
    const [row] = await deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row?.version).toBe(3);
    expect(row?.departmentIds).toHaveLength(1);
  });

  it('links a repeat message to an earlier closed case and shows it in the detail', async () => {
    const earlier = await registerAndTriage('Яма у дома 14');
    await as.curator.cases.command({
      caseId: earlier,
      expectedVersion: 2,
      command: { type: 'reject', ground: 'obscene' },
    });
    const repeat = await registerAndTriage('Снова яма у дома 14');
    await as.operator.cases.command({
      caseId: repeat,
      expectedVersion: 2,
      command: { type: 'link-repeat', earlierCaseIds: [earlier] },
    });
    const detail = await as.curator.cases.detail({ caseId: repeat });
    expect(detail.repeatOf).toEqual([
      expect.objectContaining({ id: earlier, status: 'closed', excerpt: 'Яма у дома 14' }),
    ]);
    expect(detail.case.flags).toContain('repeat');
  });

  it('refuses a command based on a stale version', async () => {
    const caseId = await registerAndTriage('Снег не убран во дворе');
    await expect(
      as.curator.cases.command({ caseId, expectedVersion: 1, command: { type: 'flag-socially-significant' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  describe('bad input', () => {
    it('refuses oversized text, unknown ids, another organisation and wrong state, writing nothing', async () => {
      const before = await deps.db.select().from(caseEvents);
      await expect(as.operator.cases.register(message('я'.repeat(20_001)))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      await expect(as.curator.cases.detail({ caseId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(as.curator.cases.detail({ caseId: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(
        as.curator.cases.board({ organisationId: '00000000-0000-4000-8000-000000000000' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const other = await createOrgFixture(deps);
      const otherOperator = await signIn(deps, other.people.operator.login);
      const { caseId: foreign } = await otherOperator.cases.register(message('Чужое обращение'));
      await expect(as.curator.cases.detail({ caseId: foreign })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        as.curator.cases.command({
          caseId: foreign,
          expectedVersion: 1,
          command: { type: 'flag-socially-significant' },
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const routeTo = (departmentId: string, executorId: string) =>
        as.curator.cases.command({
          caseId: foreignTarget,
          expectedVersion: 2,
          command: { type: 'route', mode: 'single', assignments: [{ departmentId, executorId }] },
        });
      const foreignTarget = await registerAndTriage('Маршрут в чужую организацию');
      await expect(routeTo(other.departments.roads, other.people.roadsExecutor.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(routeTo(org.departments.roads, other.people.roadsExecutor.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      // An executor of another department of the same organisation.
      await expect(routeTo(org.departments.roads, org.people.housingExecutor.id)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      await expect(
        as.operator.cases.command({
          caseId: foreignTarget,
          expectedVersion: 2,
          command: { type: 'link-repeat', earlierCaseIds: [foreign] },
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const caseId = await registerAndTriage('Проверка состояния');
      await expect(
        as.curator.cases.command({ caseId, expectedVersion: 2, command: { type: 'approve' } }),
      ).rejects.toMatchObject({
        code: 'UNPROCESSABLE_CONTENT',
        // The refusal's key and parameters travel with it (the tRPC error's data), for the client's catalogue.
        cause: { refusal: { key: 'command.state', params: { command: 'approve', status: 'triaged' } } },
      });
      const untriaged = (await as.operator.cases.register(message('Без классификации'))).caseId;
      await expect(
        as.operator.cases.command({
          caseId: untriaged,
          expectedVersion: 1,
          // triage without topic/location/category (none known from the registration) is refused by the domain
          command: { type: 'triage', processable: true } as never,
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const after = await deps.db.select().from(caseEvents);
      // Only the foreign registration, the two good commands of each of the two local cases and the third
      // registration were written.
      expect(after.length - before.length).toBe(6);
    });
  });
});
