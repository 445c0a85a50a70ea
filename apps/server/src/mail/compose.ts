// The words of a notification e-mail: Russian, addressed to the person, with a link to the case at the public URL
// of this installation. The notification is worded in Russian from its key (the notification catalogue); a row
// without one (stored before the keys) gives the Russian half of its two-language text.
import { languageHalves, type Notification, notificationText } from '@otklik/contract';

export interface MailContent {
  readonly subject: string;
  readonly text: string;
}

const russianHalf = (s: string) => (languageHalves(s)?.[0] ?? s).trim();

/** A notification's title and body in Russian. */
export function russianNotification(n: Pick<Notification, 'key' | 'params' | 'title' | 'body'>) {
  return (
    (n.key ? notificationText(n.key, n.params, 'ru') : null) ?? {
      title: russianHalf(n.title),
      body: russianHalf(n.body),
    }
  );
}

export function caseLink(publicUrl: string | undefined, caseId: string | null): string | null {
  if (!publicUrl || !caseId) return null;
  return new URL(
    `cases/${encodeURIComponent(caseId)}`,
    publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`,
  ).toString();
}

export function composeNotificationMail(input: {
  fullName: string;
  organisationName: string;
  notification: Pick<Notification, 'key' | 'params' | 'title' | 'body'>;
  link: string | null;
}): MailContent {
  const { title, body } = russianNotification(input.notification);
  const lines = [`Здравствуйте, ${input.fullName}!`, '', `${title}.`];
  if (body) lines.push('', body);
  lines.push('');
  lines.push(input.link ? `Открыть обращение: ${input.link}` : 'Откройте обращение в системе «Отклик».');
  lines.push(
    '',
    '—',
    `Письмо отправлено системой «Отклик» (${input.organisationName}) автоматически; отвечать на него не нужно.`,
  );
  return { subject: `Отклик: ${title}`, text: lines.join('\n') };
}
