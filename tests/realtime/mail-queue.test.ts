// The e-mail outbox against a real SMTP server (the sink): a temporary refusal is retried after the back-off
// delay, a permanent one is marked failed and not retried, two workers never send the same row twice, and a
// worker that dies after the server accepted a letter but before recording it leaves a row that is sent again
// after its lease — the duplicate SMTP cannot rule out, with the same Message-ID.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { rawQuery } from '../../apps/server/src/db/raw-query';
import { createOrganisation } from '../../apps/server/src/directory/organisations';
import { emailOutbox } from '../../apps/server/src/mail/schema';
import { retryDelay, startMailWorker } from '../../apps/server/src/mail/worker';
import { createMailer, type Mailer } from '../../apps/server/src/notifications/delivery-email';
import { describeEachDatabase } from '../../apps/server/src/test/databases';
import { eventually } from './support/harness';
import { startSmtpSink } from './support/smtp-sink';

const quiet = () => {};

describeEachDatabase('e-mail outbox', (getDb) => {
  let organisationId: string;
  beforeAll(async () => {
    const org = await createOrganisation(getDb().db, {
      slug: `mail-${randomUUID().slice(0, 8)}`,
      name: 'Почтовая администрация',
      timeZone: 'Europe/Moscow',
      profileId: 'konyshevsky-2020',
    });
    organisationId = org.id;
  });

  const enqueue = async (to: string) => {
    const [row] = await getDb()
      .db.insert(emailOutbox)
      .values({
        organisationId,
        toAddress: to,
        subject: 'Отклик: проверка',
        bodyText: 'Здравствуйте!',
        messageId: `<${randomUUID()}@otklik.test>`,
      })
      .returning();
    return row!;
  };
  const rowOf = async (id: string) =>
    (
      await rawQuery<{ status: string; attempts: number; lockedUntil: unknown; lastError: string | null }>(
        getDb(),
        `select status, attempts, locked_until as "lockedUntil", last_error as "lastError"
           from email_outbox where id = $1`,
        [id],
      )
    )[0]!;
  /** The outbox row once it reaches `status` (within 15 s). */
  const rowInStatus = (id: string, status: string) =>
    eventually(async () => {
      const r = await rowOf(id);
      return r.status === status ? r : undefined;
    }, 15_000);

  it('retries a temporary refusal after the back-off delay, then records it sent', async () => {
    const sink = await startSmtpSink({ replyToData: (n) => (n === 0 ? '451 4.3.0 try again later' : '250 queued') });
    const mailer = createMailer(`smtp://127.0.0.1:${sink.port}`)!;
    const row = await enqueue('retry@example.org');
    const worker = startMailWorker({ db: getDb().db, mailer, baseDelayMs: 400, pollMs: 100, log: quiet });
    try {
      await eventually(() => (sink.mails.length === 1 ? true : undefined), 15_000);
      const done = await rowOf(row.id);
      expect(done).toMatchObject({ status: 'sent', attempts: 2, lockedUntil: null });
      expect(sink.offered.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
      // The retry waited for the back-off (400 ms after the first attempt), not the next poll.
      expect(retryDelay(1, 400, 10_000)).toBe(400);
      expect(retryDelay(4, 400, 10_000)).toBe(3_200);
      expect(retryDelay(20, 400, 10_000)).toBe(10_000);
    } finally {
      await worker.stop();
      mailer.close();
      await sink.close();
    }
  });

  it('marks a permanent refusal failed and does not retry it', async () => {
    const sink = await startSmtpSink({ replyToData: () => '550 5.1.1 no such mailbox' });
    const mailer = createMailer(`smtp://127.0.0.1:${sink.port}`)!;
    const row = await enqueue('nobody@example.org');
    const worker = startMailWorker({ db: getDb().db, mailer, baseDelayMs: 100, pollMs: 100, log: quiet });
    try {
      const failed = await rowInStatus(row.id, 'failed');
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toMatch(/550/);
      await new Promise((done) => setTimeout(done, 800));
      expect(sink.offered.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
    } finally {
      await worker.stop();
      mailer.close();
      await sink.close();
    }
  });

  it('two workers on one outbox send each letter once', async () => {
    const sink = await startSmtpSink();
    const mailer = createMailer(`smtp://127.0.0.1:${sink.port}`)!;
    const rows = await Promise.all(Array.from({ length: 12 }, (_, i) => enqueue(`many${i}@example.org`)));
    const workers = [1, 2].map(() => startMailWorker({ db: getDb().db, mailer, pollMs: 50, batch: 2, log: quiet }));
    try {
      await eventually(() => (sink.mails.length >= 12 ? true : undefined), 20_000);
      await new Promise((done) => setTimeout(done, 500));
      const ids = new Set(rows.map((r) => r.messageId));
      const sent = sink.mails.filter((m) => ids.has(m.messageId)).map((m) => m.messageId);
      expect(sent.sort()).toEqual([...ids].sort());
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      mailer.close();
      await sink.close();
    }
  });

  it('a worker that dies between the server’s acceptance and its record: sent again after the lease', async () => {
    const sink = await startSmtpSink();
    const smtp = createMailer(`smtp://127.0.0.1:${sink.port}`)!;
    // The first worker's process "dies" right after the SMTP server accepted: it never records the send.
    const dying: Mailer = {
      async send(message) {
        await smtp.send(message);
        await new Promise(() => {});
      },
      close() {},
    };
    const row = await enqueue('crash@example.org');
    const first = startMailWorker({ db: getDb().db, mailer: dying, leaseMs: 600, pollMs: 60_000, log: quiet });
    await eventually(() => sink.mails.find((m) => m.messageId === row.messageId), 15_000);
    expect((await rowOf(row.id)).status).toBe('sending');
    const second = startMailWorker({ db: getDb().db, mailer: smtp, leaseMs: 600, pollMs: 100, log: quiet });
    try {
      const done = await rowInStatus(row.id, 'sent');
      expect(done.attempts).toBe(2);
      // At least once, never lost: the letter went out twice, recognisable as one by its Message-ID.
      expect(sink.mails.filter((m) => m.messageId === row.messageId)).toHaveLength(2);
    } finally {
      await second.stop();
      void first;
      smtp.close();
      await sink.close();
    }
  });
});
