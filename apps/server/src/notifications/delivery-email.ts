// SMTP through nodemailer, only when SMTP_URL is set (off by default). Messages reach it through the e-mail
// outbox (mail/), never straight from a request: a failed or interrupted send is retried from there.
import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The Message-ID header, stable across retries. */
  readonly messageId: string;
}

export interface Mailer {
  send(message: OutgoingMail): Promise<void>;
  close(): void;
}

export const DEFAULT_MAIL_FROM = 'Отклик <otklik@localhost>';

export function createMailer(smtpUrl: string | undefined, from = DEFAULT_MAIL_FROM): Mailer | null {
  if (!smtpUrl) return null;
  const transport = createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
      });
    },
    close() {
      transport.close();
    },
  };
}
