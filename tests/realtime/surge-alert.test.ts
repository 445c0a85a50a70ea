// A surge of messages on one topic reaches the head live, once (konyshevsky p.24: immediately), not on the
// next look at the feed; the curator hears of it too, an executor does not.
import type { Notification } from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgFixture } from '../../apps/server/src/test/fixtures';
import {
  type ClientSocket,
  eventually,
  type NodeProcess,
  registerInput,
  startNode,
  trpc,
  watchFeeds,
} from './support/harness';

describe('surge alert', () => {
  let node: NodeProcess;
  let org: OrgFixture;
  const cookies: Record<string, string> = {};
  const feeds: Record<string, Notification[]> = {};
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    node = await startNode({ NODE_SEED: '1', NODE_SCHEDULER: '0', NODE_REPORTS: '1' });
    org = node.fixture!.org;
    const watched = await watchFeeds(node.url, org, ['operator', 'head', 'curator', 'roadsExecutor']);
    Object.assign(cookies, watched.cookies);
    Object.assign(feeds, watched.feeds);
    sockets.push(...watched.sockets);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await node?.stop();
  });

  it('six messages on one topic within two hours: one live alert to the head and the curator', async () => {
    // Default threshold: more than 5 messages in 2 hours on one topic.
    for (let i = 1; i <= 6; i++) {
      const r = await trpc<{ caseId: string; version: number }>(
        node.url,
        'cases.register',
        registerInput(`Не вывозят мусор во дворе, сообщение ${i}`),
        { cookie: cookies.operator! },
      );
      await trpc(
        node.url,
        'cases.command',
        {
          caseId: r.caseId,
          expectedVersion: r.version,
          command: {
            type: 'triage',
            topic: 'Вывоз мусора',
            location: `двор ${i}`,
            category: 'ordinary',
            processable: true,
          },
        },
        { cookie: cookies.operator! },
      );
    }
    const alert = await eventually(() => feeds.head!.find((n) => n.kind === 'alert-to-head'));
    expect(alert.title).toContain('Вывоз мусора');
    await eventually(() => feeds.curator!.find((n) => n.kind === 'alert-to-head'));
    // One alert per surge, however many messages: wait a little for a duplicate that must not come.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(feeds.head!.filter((n) => n.kind === 'alert-to-head')).toHaveLength(1);
    expect(feeds.roadsExecutor!.filter((n) => n.kind === 'alert-to-head')).toHaveLength(0);
  });
});
