// Email copies of notifications through SMTP, only when SMTP_URL is set (off by default). A failed send is
// logged and never blocks the in-app notification.
import { createTransport } from 'nodemailer';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from = 'Otklik <otklik@localhost>'): Mailer | null {
  if (!smtpUrl) return null;
  const transport = createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
