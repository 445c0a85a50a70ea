// The per-user feed follows the life of a case: the curator who routed a case hears of its return, the executor
// of a draft returned for revision and of its approval — each live, once, to that person only.
import { describe, expect, it } from 'vitest';
import {
  type CaseCommand,
  eventually,
  orgPeople,
  registerCase,
  request,
  triage,
  useFeeds,
  useScene,
} from './support/harness';

describe('notification feed through a case', () => {
  const scene = useScene(
    { NODE_SCHEDULER: '0' },
    orgPeople('operator', 'curator', 'curator2', 'roadsExecutor', 'housingExecutor'),
  );
  const feeds = useFeeds(scene);

  it('return, revision and approval reach the right person', async () => {
    const { org, people } = scene;
    const theCase = await registerCase(people.operator, 'Не вывезли мусор');
    const run = (who: keyof typeof people, command: CaseCommand) => theCase.run(people[who], command);
    const kinds = (who: keyof typeof people) =>
      feeds[who].filter((n) => n.caseId === theCase.caseId).map((n) => n.kind);
    const route = (departmentId: string, executorId: string) => ({
      mode: 'single' as const,
      assignments: [{ departmentId, executorId }],
    });

    await run('operator', triage('мусор', 'двор'));
    await run('curator', { type: 'route', ...route(org.departments.roads, org.people.roadsExecutor.id) });
    await eventually(() => (kinds('roadsExecutor').includes('assigned') ? true : undefined));
    // konyshevsky p.8: the executor returns a message outside their competence, with a reason.
    await run('roadsExecutor', { type: 'return', departmentId: org.departments.roads, reason: 'Это ЖКХ, не дороги' });
    const returned = await eventually(() => feeds.curator.find((n) => n.kind === 'returned-to-you'));
    expect(returned.body).toBe('Это ЖКХ, не дороги');
    // Only the curator who routed it, not the other curator (both curators were told of the registration itself).
    expect(kinds('curator2').filter((k) => k !== 'registered')).toEqual([]);

    await run('curator', { type: 'reroute', ...route(org.departments.housing, org.people.housingExecutor.id) });
    await run('housingExecutor', { type: 'submit-draft', kind: 'answer', text: 'Вывезем завтра.', attachments: [] });
    await run('curator', { type: 'request-revision', reason: 'Укажите время' });
    const revision = await eventually(() => feeds.housingExecutor.find((n) => n.kind === 'draft-returned'));
    expect(revision.body).toBe('Укажите время');
    await run('housingExecutor', {
      type: 'submit-draft',
      kind: 'answer',
      text: 'Вывезем завтра до 12:00.',
      attachments: [],
    });
    await run('curator', { type: 'approve' });
    await eventually(() => (kinds('housingExecutor').includes('draft-approved') ? true : undefined));
    expect(kinds('housingExecutor')).toEqual(['assigned', 'draft-returned', 'draft-approved']);
    expect(kinds('roadsExecutor')).toEqual(['assigned']);
    // The feed as stored matches what arrived live, newest first, all unread.
    const page = await request(await scene.socket('housingExecutor'), 'notifications:list', {});
    expect(page.items.filter((n) => n.caseId === theCase.caseId).map((n) => n.kind)).toEqual([
      'draft-approved',
      'draft-returned',
      'assigned',
    ]);
    expect(page.unread).toBe(3);
  });
});
