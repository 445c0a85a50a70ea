// Email copies of notifications go out through SMTP when SMTP_URL is set: the executor assigned a case gets a
// letter at the address in the directory, besides the in-app notification.
import type { Notification } from '@otklik/contract';
import { afterAll, describe, expect, it } from 'vitest';
import {
  connect,
  connected,
  eventually,
  login,
  type NodeProcess,
  registerInput,
  startNode,
  trpc,
  waitFor,
} from './support/harness';
import { startSmtpSink } from './support/smtp-sink';

describe('email notifications', () => {
  let node: NodeProcess | undefined;
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  afterAll(async () => {
    await node?.stop();
    await sink?.close();
  });

  it('sends the notification to the person’s address through SMTP_URL', async () => {
    sink = await startSmtpSink();
    node = await startNode({ NODE_SEED: '1', NODE_SCHEDULER: '0', SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    const org = node.fixture!.org;
    const [admin, operator, curator, executor] = await Promise.all(
      [org.people.admin, org.people.operator, org.people.curator, org.people.roadsExecutor].map((p) =>
        login(node!.url, p.login),
      ),
    );
    await trpc(
      node.url,
      'directory.updatePerson',
      { id: org.people.roadsExecutor.id, email: 'roads@example.org' },
      { cookie: admin },
    );
    const socket = connect(node.url, { cookie: executor });
    await connected(socket);
    const inApp = waitFor<Notification>(socket, 'notification:new');

    const r = await trpc<{ caseId: string; version: number }>(node.url, 'cases.register', registerInput('Лужа'), {
      cookie: operator,
    });
    const triaged = await trpc<{ version: number }>(
      node.url,
      'cases.command',
      {
        caseId: r.caseId,
        expectedVersion: r.version,
        command: { type: 'triage', topic: 'дороги', location: 'центр', category: 'ordinary', processable: true },
      },
      { cookie: operator },
    );
    await trpc(
      node.url,
      'cases.command',
      {
        caseId: r.caseId,
        expectedVersion: triaged.version,
        command: {
          type: 'route',
          mode: 'single',
          assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
        },
      },
      { cookie: curator },
    );
    expect((await inApp).kind).toBe('assigned');
    const mail = await eventually(() => sink!.mails[0]);
    expect(mail.to).toEqual(['<roads@example.org>']);
    expect(mail.data).toMatch(/^Subject: /m);
    // The subject is the notification's title (RFC 2047-encoded Cyrillic): decode and compare.
    const encoded = /^Subject: (.+(?:\r\n .+)*)/m.exec(mail.data)![1]!;
    const decoded = encoded
      .split(/\s+/)
      .map((word) => {
        const m = /^=\?utf-8\?([BQ])\?(.*)\?=$/i.exec(word);
        if (!m) return word;
        return m[1]!.toUpperCase() === 'B'
          ? Buffer.from(m[2]!, 'base64').toString('utf8')
          : decodeURIComponent(m[2]!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'));
      })
      .join('');
    // Encoded words may split anywhere (even inside a word), so spaces are compared away.
    expect(decoded.replace(/\s+/g, '')).toContain('Вампорученообращение№');
    socket.disconnect();
  });
});
