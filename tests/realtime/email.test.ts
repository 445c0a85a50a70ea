// Email copies of notifications go out through SMTP when SMTP_URL is set: the executor assigned a case gets a
// letter at the address in the directory, besides the in-app notification.
import type { Notification } from '@otklik/contract';
import { afterAll, describe, expect, it } from 'vitest';
import {
  caseForRoadsByEmail,
  connect,
  connected,
  eventually,
  type NodeProcess,
  signIn,
  startNode,
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
    const executor = await signIn(node.url, org.people.roadsExecutor.login);
    const socket = connect(node.url, { cookie: executor.cookie() });
    await connected(socket);
    const inApp = waitFor<Notification>(socket, 'notification:new');
    await caseForRoadsByEmail(node.url, org, 'Лужа');

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
