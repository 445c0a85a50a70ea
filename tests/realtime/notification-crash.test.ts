// A command committed while no server delivered notifications (as after a crash between the commit and the
// delivery) is notified when the next node starts: once, and not again on a further restart.
import { describe, expect, it } from 'vitest';
import { loadCurrentUser } from '../../apps/server/src/auth/current-user';
import { executeCaseCommand } from '../../apps/server/src/cases/commands';
import { openDatabase } from '../../apps/server/src/db/connect';
import { createDeps } from '../../apps/server/src/deps';
import { connect, connected, eventually, type NodeProcess, request, signIn, useNodes } from './support/harness';

describe('notifications after a crash', () => {
  const nodes = useNodes();

  it('an assignment committed with no delivery running reaches the executor once on the next start', async () => {
    const dir = nodes.dataDir('otklik-notify-crash-');
    const target = `pglite:${dir}`;
    const first = await nodes.start({ NODE_TARGET: target, NODE_SEED: '1', NODE_SCHEDULER: '0' });
    const org = first.fixture!.org;
    // One request first: node-main prints "ready" just before it installs its SIGTERM handler, and a signal in
    // between would kill it without a graceful close.
    await signIn(first.url, org.people.operator.login);
    expect(await first.stop()).toBe(0);

    // The command service alone, on the same data: the events commit, nobody delivers them.
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    let caseId: string;
    try {
      const deps = createDeps({ database });
      const actor = async (id: string) => (await loadCurrentUser(deps.db, id, Date.now()))!.actor;
      const operator = await actor(org.people.operator.id);
      const run = async (who: typeof operator, id: string | undefined, command: unknown) =>
        (await executeCaseCommand(deps, { organisationId: org.organisationId, actor: who, caseId: id, command }))
          .caseId;
      caseId = await run(operator, undefined, {
        type: 'register',
        network: 'vk',
        link: 'https://vk.com/wall-1_42',
        author: { name: 'Иван Петров' },
        text: 'Не горят фонари',
        attachments: [],
        visibility: 'public',
      });
      await run(operator, caseId, {
        type: 'triage',
        topic: 'свет',
        location: 'ул. Мира',
        category: 'ordinary',
        processable: true,
      });
      await run(await actor(org.people.curator.id), caseId, {
        type: 'route',
        mode: 'single',
        assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
      });
    } finally {
      await database.close();
    }

    const feedOf = async (node: NodeProcess) => {
      const s = connect(node.url, { cookie: (await signIn(node.url, org.people.roadsExecutor.login)).cookie() });
      await connected(s);
      const page = await request(s, 'notifications:list', {});
      s.disconnect();
      return page.items.filter((n) => n.caseId === caseId).map((n) => n.kind);
    };
    // The start-up catch-up runs in the background while the node starts serving.
    const second = await nodes.start({ NODE_TARGET: target, NODE_SCHEDULER: '0' });
    const kinds = await eventually(async () => {
      const k = await feedOf(second);
      return k.length > 0 ? k : undefined;
    });
    expect(kinds).toEqual(['assigned']);
    expect(await second.stop()).toBe(0);

    const third = await nodes.start({ NODE_TARGET: target, NODE_SCHEDULER: '0' });
    // Time for its catch-up to have run (it finds nothing): still the one notification.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await feedOf(third)).toEqual(['assigned']);
  });
});
