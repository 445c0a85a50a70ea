// Every kind of stored event reads back through the typed contract: a case is folded through every event type (and
// the older shapes the log may hold: `category: 'high'`, a registration before the pinned clock model, a breach
// without its holders, a failure without its catalogue key, a publication address typed as free text before links
// were checked), then its detail is read through tRPC (whose `.output()` validates the timeline with zCaseEvent) by
// a participant and by a reader, and its changes as a catch-up page, validated the way the web app validates them.
import { zChangesPage } from '@otklik/contract';
import { type CaseEvent, type CaseEventType, replay } from '@otklik/domain';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { caseEvents, cases } from '../db/schema';
import { createDeps, type ServerDeps } from '../deps';
import { changesSince } from '../realtime/changes';
import { vkComment } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { type Caller, createOrgFixture, type OrgFixture, signInAs } from '../test/fixtures';

// Tuesday 24 Nov 2026, 10:00 Moscow (07:00 UTC).
const T0 = Date.UTC(2026, 10, 24, 7, 0);
const minute = 60_000;

/** Each event type at least once, in an order the fold accepts; keyed by type so a new type fails the typecheck here
 *  until it is added. `by` and the people are filled in per organisation. */
function everyEvent(ids: {
  caseId: string;
  earlierCaseId: string;
  curator: string;
  roads: string;
  roadsExecutor: string;
  roadsExecutor2: string;
  housing: string;
  housingExecutor: string;
}): { [T in CaseEventType]: Extract<CaseEvent, { type: T }>[] } {
  let n = 0;
  const at = () => T0 + ++n * minute;
  const assignments = [
    { departmentId: ids.roads, executorId: ids.roadsExecutor },
    { departmentId: ids.housing, executorId: ids.housingExecutor },
  ];
  return {
    // A registration from before the pinned clock model: overallStep and triageEndsAt, no `clocks`.
    'case-registered': [
      {
        type: 'case-registered',
        at: T0,
        by: 'system',
        caseId: ids.caseId,
        profileId: 'konyshevsky-2020',
        network: 'vk',
        link: 'https://vk.com/wall-1_100',
        author: { name: 'Иван Петров', profileUrl: 'https://vk.com/id100' },
        text: 'Яма на дороге у школы',
        attachments: [{ kind: 'photo', url: 'https://example.org/yama.jpg' }],
        visibility: 'public',
        overallStep: 'answer',
        triageEndsAt: 'routed',
      },
    ],
    // Older events said `category: 'high'`.
    'case-triaged': [
      { type: 'case-triaged', at: at(), by: ids.curator, topic: 'Дороги', location: 'Беляево', category: 'high' },
    ],
    'case-routed': [
      {
        type: 'case-routed',
        at: at(),
        by: ids.curator,
        mode: 'sequential',
        assignments,
        reroute: false,
        forwarded: true,
      },
    ],
    'contribution-submitted': [
      {
        type: 'contribution-submitted',
        at: at(),
        by: ids.roadsExecutor,
        departmentId: ids.roads,
        text: 'Дорожная часть',
        attachments: [],
      },
    ],
    'case-forwarded': [{ type: 'case-forwarded', at: at(), by: ids.curator, departmentId: ids.housing }],
    'case-returned': [
      {
        type: 'case-returned',
        at: at(),
        by: ids.housingExecutor,
        departmentId: ids.housing,
        reason: 'Не наш вопрос',
        late: { dueAt: T0 + 3 * minute, receivedAt: T0 + 5 * minute },
      },
    ],
    'case-moved': [
      {
        type: 'case-moved',
        at: at(),
        by: ids.curator,
        mode: 'single',
        assignments: [assignments[0]!],
        reason: 'Только дороги',
        forwarded: false,
      },
    ],
    'case-recategorised': [
      {
        type: 'case-recategorised',
        at: at(),
        by: ids.curator,
        topic: 'Дороги',
        location: 'Беляево',
        category: 'ordinary',
        high: true,
        reason: 'Важное',
        changed: ['high'],
      },
    ],
    'executor-reassigned': [
      {
        type: 'executor-reassigned',
        at: at(),
        by: ids.curator,
        departmentId: ids.roads,
        fromPersonId: ids.roadsExecutor,
        toPersonId: ids.roadsExecutor2,
        reason: 'Отпуск',
      },
    ],
    'deadline-shortened': [
      {
        type: 'deadline-shortened',
        at: at(),
        by: ids.curator,
        clockId: 'draft@3',
        step: 'draft',
        dueAt: T0 + 60 * minute,
      },
    ],
    'clock-at-risk': [{ type: 'clock-at-risk', at: at(), by: 'system', clockId: 'draft@3', dueAt: T0 + 60 * minute }],
    'clock-breached': [
      // Before breaches carried their instant and holders.
      { type: 'clock-breached', at: at(), by: 'system', clockId: 'draft@3', dueAt: T0 + 60 * minute },
      {
        type: 'clock-breached',
        at: at(),
        by: 'system',
        clockId: 'answer@1',
        dueAt: T0 + 61 * minute,
        breachAt: T0 + 61 * minute,
        holders: [{ role: 'executor', personId: ids.roadsExecutor2, departmentId: ids.roads }],
      },
    ],
    'draft-submitted': [
      {
        type: 'draft-submitted',
        at: at(),
        by: ids.roadsExecutor2,
        kind: 'intermediate',
        text: 'Проверяем',
        attachments: [],
        composed: false,
      },
      {
        type: 'draft-submitted',
        at: at(),
        by: ids.roadsExecutor2,
        kind: 'answer',
        text: 'Отремонтировали',
        attachments: [],
        evidence: { outcome: 'solved', attachments: [{ kind: 'photo', url: 'https://example.org/done.jpg' }] },
        composed: false,
      },
    ],
    'revision-requested': [{ type: 'revision-requested', at: at(), by: ids.curator, reason: 'Добавьте сроки' }],
    'draft-approved': [{ type: 'draft-approved', at: at(), by: ids.curator, publisher: 'curator' }],
    'publication-requested': [
      { type: 'publication-requested', at: at(), by: ids.curator, requestId: 'r1', kind: 'answer' },
    ],
    'publication-failed': [
      // Before failures carried their catalogue key.
      {
        type: 'publication-failed',
        at: at(),
        by: 'system',
        requestId: 'r1',
        error: { code: 'server', message: 'ошибка на стороне сети / the network failed' },
        retrying: true,
      },
      {
        type: 'publication-failed',
        at: at(),
        by: 'system',
        requestId: 'r1',
        error: {
          code: 'not-found',
          message: 'ветка удалена',
          said: { key: 'channel.failed', params: { code: 'not-found', detail: 'VK 100' } },
        },
        retrying: false,
      },
    ],
    // Addresses typed as free text before links were checked (2026-12-03).
    'intermediate-published': [
      { type: 'intermediate-published', at: at(), by: ids.curator, where: { kind: 'same-thread', url: 'в ветке' } },
    ],
    'answer-published': [
      {
        type: 'answer-published',
        at: at(),
        by: ids.curator,
        kind: 'clarification',
        where: { kind: 'own-account', url: 'страница администрации', authorLink: 'Иван Петров' },
      },
      {
        type: 'answer-published',
        at: at(),
        by: ids.curator,
        kind: 'answer',
        where: { kind: 'same-thread', url: 'https://vk.com/wall-1_100?reply=7', postId: '7' },
      },
    ],
    'message-edited': [
      { type: 'message-edited', at: at(), by: 'system', text: 'Яма у школы №2', previousText: 'Яма на дороге у школы' },
    ],
    'message-deleted': [{ type: 'message-deleted', at: at(), by: 'system', deletedAt: T0 + 90 * minute }],
    'repeat-linked': [{ type: 'repeat-linked', at: at(), by: ids.curator, earlierCaseIds: [ids.earlierCaseId] }],
    'flagged-socially-significant': [
      { type: 'flagged-socially-significant', at: at(), by: ids.curator, note: 'Школа' },
    ],
    'converted-to-appeal': [
      {
        type: 'converted-to-appeal',
        at: at(),
        by: ids.curator,
        fullName: 'Петров Иван Иванович',
        address: 'ул. Ленина, 1',
        phone: '+7 900 000-00-00',
        registrationNumber: 'ОГ-1',
      },
    ],
    'explanation-sent': [
      { type: 'explanation-sent', at: at(), by: ids.curator, reason: 'outside-competence', text: 'Разъяснение' },
    ],
    'linked-to-published': [
      { type: 'linked-to-published', at: at(), by: ids.curator, url: 'https://vk.com/wall-1_200' },
    ],
    'case-rejected': [{ type: 'case-rejected', at: at(), by: ids.curator, ground: 'spam', note: 'Повтор' }],
  };
}

describeEachDatabase('timeline entries', (getDb) => {
  let deps: ServerDeps;
  let org: OrgFixture;
  let as: Record<'operator' | 'curator' | 'head', Caller>;
  let caseId: string;
  let stored: CaseEvent[];

  beforeAll(async () => {
    deps = createDeps({ database: getDb(), now: () => T0 + 120 * minute });
    org = await createOrgFixture(deps);
    as = await signInAs(deps, org, ['operator', 'curator', 'head']);
    const message = (text: string) => vkComment('https://vk.com/wall-1_100', text);
    const earlier = await as.operator.cases.register(message('Яма была и раньше'));
    // The case's row comes from a real registration; its events are then replaced by the stored shapes below.
    ({ caseId } = await as.operator.cases.register(message('Яма на дороге у школы')));
    const p = org.people;
    const byType = everyEvent({
      caseId,
      earlierCaseId: earlier.caseId,
      curator: p.curator.id,
      roads: org.departments.roads,
      roadsExecutor: p.roadsExecutor.id,
      roadsExecutor2: p.roadsExecutor2.id,
      housing: org.departments.housing,
      housingExecutor: p.housingExecutor.id,
    });
    stored = Object.values(byType)
      .flat()
      .sort((a, b) => a.at - b.at);
    const state = replay(stored);
    await deps.db.transaction(async (tx) => {
      await tx.delete(caseEvents).where(eq(caseEvents.caseId, caseId));
      await tx.insert(caseEvents).values(
        stored.map((event, i) => ({
          caseId,
          organisationId: org.organisationId,
          version: i + 1,
          type: event.type,
          actorId: event.by === 'system' ? null : event.by,
          actorKind: event.by === 'system' ? ('system' as const) : ('person' as const),
          occurredAt: new Date(event.at),
          payload: event,
        })),
      );
      await tx.update(cases).set({ state, version: state.version }).where(eq(cases.id, caseId));
    });
  });

  it('a participant reads every event whole', async () => {
    const detail = await as.curator.cases.detail({ caseId });
    expect(new Set(detail.timeline.map((e) => e.type)).size).toBe(27);
    expect(detail.timeline.map((e) => e.payload)).toEqual(stored);
    expect(detail.timeline.map((e) => e.version)).toEqual(stored.map((_, i) => i + 1));
  });

  it('a reader reads the same events, the appeal without its personal data', async () => {
    const detail = await as.head.cases.detail({ caseId });
    const expected = stored.map((e) =>
      e.type === 'converted-to-appeal' ? { ...e, fullName: '', address: '', phone: '' } : e,
    );
    expect(detail.timeline.map((e) => e.payload)).toEqual(expected);
  });

  it('a catch-up page of these events passes the schema the web app checks it with', async () => {
    const page = await changesSince(deps.db, {
      organisationId: org.organisationId,
      afterSeq: 0,
      viewer: { personId: org.people.curator.id, roles: ['curator'], departmentIds: [] },
      now: deps.now(),
    });
    const parsed = zChangesPage.parse(page);
    expect(parsed.changes.filter((c) => c.caseId === caseId).map((c) => c.payload)).toEqual(stored);
  });
});
