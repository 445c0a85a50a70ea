// The words of a notification e-mail: Russian, addressed to the person, with a link to the case at the public URL
// of this installation. Notification titles are bilingual ("русский / English"); the letter takes the Russian half.

export interface MailContent {
  readonly subject: string;
  readonly text: string;
}

const russian = (s: string) => (s.split(' / ')[0] ?? s).trim();

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
  title: string;
  body: string;
  link: string | null;
}): MailContent {
  const title = russian(input.title);
  const lines = [`Здравствуйте, ${input.fullName}!`, '', `${title}.`];
  const body = russian(input.body);
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
