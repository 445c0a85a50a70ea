// The per-user feed follows the life of a case: the curator who routed a case hears of its return, the executor
// of a draft returned for revision and of its approval — each live, once, to that person only.
import type { Notification } from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgFixture } from '../../apps/server/src/test/fixtures';
import {
  type ClientSocket,
  eventually,
  type NodeProcess,
  registerInput,
  request,
  startNode,
  trpc,
  watchFeeds,
} from './support/harness';

describe('notification feed through a case', () => {
  let node: NodeProcess;
  let org: OrgFixture;
  const cookies: Record<string, string> = {};
  const feeds: Record<string, Notification[]> = {};
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    node = await startNode({ NODE_SEED: '1', NODE_SCHEDULER: '0' });
    org = node.fixture!.org;
    const watched = await watchFeeds(node.url, org, [
      'operator',
      'curator',
      'curator2',
      'roadsExecutor',
      'housingExecutor',
    ]);
    Object.assign(cookies, watched.cookies);
    Object.assign(feeds, watched.feeds);
    sockets.push(...watched.sockets);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await node?.stop();
  });

  it('return, revision and approval reach the right person', async () => {
    const r = await trpc<{ caseId: string; version: number }>(
      node.url,
      'cases.register',
      registerInput('Не вывезли мусор'),
      {
        cookie: cookies.operator!,
      },
    );
    let version = r.version;
    const run = async (who: string, command: unknown) => {
      version = (
        await trpc<{ version: number }>(
          node.url,
          'cases.command',
          { caseId: r.caseId, expectedVersion: version, command },
          { cookie: cookies[who]! },
        )
      ).version;
    };
    const kinds = (who: string) => feeds[who]!.filter((n) => n.caseId === r.caseId).map((n) => n.kind);
    const route = (departmentId: string, executorId: string) => ({
      mode: 'single',
      assignments: [{ departmentId, executorId }],
    });

    await run('operator', {
      type: 'triage',
      topic: 'мусор',
      location: 'двор',
      category: 'ordinary',
      processable: true,
    });
    await run('curator', { type: 'route', ...route(org.departments.roads, org.people.roadsExecutor.id) });
    await eventually(() => (kinds('roadsExecutor').includes('assigned') ? true : undefined));
    // konyshevsky p.8: the executor returns a message outside their competence, with a reason.
    await run('roadsExecutor', { type: 'return', departmentId: org.departments.roads, reason: 'Это ЖКХ, не дороги' });
    const returned = await eventually(() => feeds.curator!.find((n) => n.kind === 'returned-to-you'));
    expect(returned.body).toBe('Это ЖКХ, не дороги');
    // Only the curator who routed it, not the other curator (both curators were told of the registration itself).
    expect(kinds('curator2').filter((k) => k !== 'registered')).toEqual([]);

    await run('curator', { type: 'reroute', ...route(org.departments.housing, org.people.housingExecutor.id) });
    await run('housingExecutor', { type: 'submit-draft', kind: 'answer', text: 'Вывезем завтра.', attachments: [] });
    await run('curator', { type: 'request-revision', reason: 'Укажите время' });
    const revision = await eventually(() => feeds.housingExecutor!.find((n) => n.kind === 'draft-returned'));
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
    const page = await request(sockets[4]!, 'notifications:list', {});
    expect(page.items.filter((n) => n.caseId === r.caseId).map((n) => n.kind)).toEqual([
      'draft-approved',
      'draft-returned',
      'assigned',
    ]);
    expect(page.unread).toBe(3);
  });
});
