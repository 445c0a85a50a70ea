// E-mail survives a crash: a node is killed (SIGKILL) while its SMTP server has the letter but has not answered;
// the next node on the same database sends the same letter (same Message-ID) once the dead node's lease runs out —
// in Russian, with the link to the case at OTKLIK_PUBLIC_URL — and a further restart sends nothing more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseForRoadsByEmail, eventually, type NodeProcess, startNode } from './support/harness';
import { decodeMail, type SmtpSink, startSmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'https://otklik.example.ru/';

describe('e-mail after a crash', () => {
  const nodes: NodeProcess[] = [];
  const sinks: SmtpSink[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill()));
    await Promise.all(sinks.map((s) => s.close()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a letter interrupted by a crash is sent by the next node, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-mail-crash-'));
    dirs.push(dir);
    // This SMTP server takes the letter and never answers: the node dies mid-send.
    const hanging = await startSmtpSink({ replyToData: () => null });
    sinks.push(hanging);
    const mailEnv = {
      OTKLIK_PUBLIC_URL: PUBLIC_URL,
      OTKLIK_MAIL_FROM: 'Администрация <otklik@admin.example.ru>',
      NODE_MAIL_LEASE_MS: '1500',
      NODE_MAIL_POLL_MS: '300',
      NODE_MAIL_BASE_DELAY_MS: '300',
      NODE_SCHEDULER: '0' as const,
    };
    const first = await startNode({
      NODE_TARGET: `pglite:${dir}`,
      NODE_SEED: '1',
      SMTP_URL: `smtp://127.0.0.1:${hanging.port}`,
      ...mailEnv,
    });
    nodes.push(first);
    const org = first.fixture!.org;
    const caseId = await caseForRoadsByEmail(first.url, org, 'Яма');
    const interrupted = await eventually(() => hanging.offered[0], 20_000);
    expect(await first.kill()).not.toBe(0);
    await hanging.close();

    const sink = await startSmtpSink();
    sinks.push(sink);
    const second = await startNode({
      NODE_TARGET: `pglite:${dir}`,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      ...mailEnv,
    });
    nodes.push(second);
    const mail = await eventually(() => sink.mails[0], 20_000);
    expect(mail.to).toEqual(['<roads@example.org>']);
    expect(mail.from).toBe('<otklik@admin.example.ru>');
    expect(mail.messageId).toBe(interrupted.messageId);
    const { headers, body } = decodeMail(mail.data);
    expect(headers.subject).toMatch(/^Отклик: Вам поручено обращение № \d+$/);
    expect(body).toContain(`Открыть обращение: https://otklik.example.ru/cases/${caseId}`);
    expect(body).toMatch(/^Здравствуйте, Исполнитель Дорожный!/);
    // Time for more passes: nothing else goes out.
    await new Promise((done) => setTimeout(done, 2_000));
    expect(sink.mails).toHaveLength(1);
    expect(await second.stop()).toBe(0);

    const third = await startNode({
      NODE_TARGET: `pglite:${dir}`,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      ...mailEnv,
    });
    nodes.push(third);
    await new Promise((done) => setTimeout(done, 2_000));
    expect(sink.mails).toHaveLength(1);
  });
});
