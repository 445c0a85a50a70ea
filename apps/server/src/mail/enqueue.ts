// Writes the e-mail copies of freshly stored notifications into the outbox, inside the notification's own
// transaction: the letter exists exactly when the notification does (a rollback takes both, a commit keeps both).
import { randomUUID } from 'node:crypto';
import type { Notification } from '@otklik/contract';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { people } from '../db/schema';
import { organisationField } from '../directory/organisations';
import { caseLink, composeNotificationMail } from './compose';
import { emailOutbox } from './schema';

export interface MailSettings {
  /** OTKLIK_PUBLIC_URL: where the links in the letters point. */
  readonly publicUrl?: string;
  /** The domain of the Message-ID (the public host, or the sender's). */
  readonly messageIdDomain: string;
}

export async function enqueueNotificationMails(
  tx: Tx,
  organisationId: string,
  stored: readonly { personId: string; notification: Notification }[],
  settings: MailSettings,
): Promise<number> {
  if (stored.length === 0) return 0;
  const ids = [...new Set(stored.map((s) => s.personId))];
  const recipients = await tx
    .select({ id: people.id, email: people.email, fullName: people.fullName, active: people.active })
    .from(people)
    .where(inArray(people.id, ids));
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const organisationName = (await organisationField(tx, organisationId, 'name')) ?? '';
  const rows = stored.flatMap(({ personId, notification }) => {
    const person = byId.get(personId);
    const to = person?.email?.trim();
    if (!person?.active || !to) return [];
    const content = composeNotificationMail({
      fullName: person.fullName,
      organisationName,
      notification,
      link: caseLink(settings.publicUrl, notification.caseId),
    });
    return [
      {
        organisationId,
        notificationId: notification.id,
        toAddress: to,
        subject: content.subject,
        bodyText: content.text,
        messageId: `<${randomUUID()}@${settings.messageIdDomain}>`,
      },
    ];
  });
  if (rows.length > 0) await tx.insert(emailOutbox).values(rows);
  return rows.length;
}
