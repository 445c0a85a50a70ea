// The words of a notification, stored as a key and parameters (notifications.message_key / message_params): the web
// words it in its reader's language, the e-mail in Russian. Rows from before the keys (migration 0013) keep their
// two-language title and body text, which readers split as before.
import { type MessageLang, serverMessageText } from './server-messages';

type Words = Record<MessageLang, string>;

/** The steps a deadline runs on (the regulation's clock steps). */
const STEPS: Record<string, Words> = {
  triage: { ru: 'первичная обработка', en: 'triage' },
  return: { ru: 'возврат', en: 'return' },
  reroute: { ru: 'перенаправление', en: 're-routing' },
  contribution: { ru: 'вклад исполнителя', en: 'contribution' },
  answer: { ru: 'ответ', en: 'answer' },
  draft: { ru: 'проект ответа', en: 'draft' },
  approve: { ru: 'согласование', en: 'approval' },
  revise: { ru: 'доработка', en: 'revision' },
  publish: { ru: 'публикация', en: 'publication' },
  final: { ru: 'окончательный ответ', en: 'final answer' },
  explain: { ru: 'разъяснение', en: 'explanation' },
  'department-total': { ru: 'общее время подразделения', en: 'department total' },
  'fast-track': { ru: 'решаемое обращение', en: 'fast-track' },
};
const ROLES: Record<string, Words> = {
  operator: { ru: 'оператор', en: 'operator' },
  curator: { ru: 'куратор', en: 'curator' },
  executor: { ru: 'исполнитель', en: 'executor' },
};
const word = (table: Record<string, Words>, key: string | undefined, lang: MessageLang) =>
  key === undefined ? '' : Object.hasOwn(table, key) ? table[key]![lang] : key;

const no = (n: number, lang: MessageLang) => (lang === 'ru' ? `№ ${n}` : `No. ${n}`);

// Parameters: `number` (the case's), `due` (a time already written out in the organisation's zone, digits only),
// `step` (a clock step), `reason` and `text` (people's own words, not translated), `holder` (a role, or a
// department's name).
interface CaseParams {
  readonly number: number;
}
interface Reasoned extends CaseParams {
  readonly reason?: string;
}
interface Timed extends CaseParams {
  readonly due: string;
  readonly step?: string;
}

interface NotificationWords<P> {
  readonly title: (p: P, lang: MessageLang) => string;
  readonly body: (p: P, lang: MessageLang) => string;
}
const words = <P>(
  title: Record<MessageLang, (p: P) => string>,
  body: (p: P, lang: MessageLang) => string = () => '',
): NotificationWords<P> => ({ title: (p, lang) => title[lang](p), body });

const stepLine = (p: { readonly step?: string }, lang: MessageLang) =>
  p.step ? `${lang === 'ru' ? 'Этап' : 'Step'}: ${word(STEPS, p.step, lang)}` : '';
const reason = (p: Reasoned) => p.reason ?? '';

export const NOTIFICATION_MESSAGES = {
  'notification.registered': words<CaseParams & { readonly text: string }>(
    {
      ru: (p) => `Новое сообщение ${no(p.number, 'ru')} ждёт первичной обработки`,
      en: (p) => `new message ${no(p.number, 'en')} awaits triage`,
    },
    (p) => p.text,
  ),
  'notification.draft-submitted': words<CaseParams>({
    ru: (p) => `Проект ответа по ${no(p.number, 'ru')} ждёт согласования`,
    en: (p) => `draft for ${no(p.number, 'en')} awaits approval`,
  }),
  'notification.assigned': words<CaseParams>({
    ru: (p) => `Вам поручено обращение ${no(p.number, 'ru')}`,
    en: (p) => `case ${no(p.number, 'en')} assigned to you`,
  }),
  'notification.passed': words<Reasoned>(
    {
      ru: (p) => `Вам передано обращение ${no(p.number, 'ru')}`,
      en: (p) => `case ${no(p.number, 'en')} passed to you`,
    },
    reason,
  ),
  'notification.part-received': words<CaseParams>({
    ru: (p) => `Часть ответа по ${no(p.number, 'ru')} получена — перешлите следующему исполнителю`,
    en: (p) => `part received for ${no(p.number, 'en')}: forward it`,
  }),
  'notification.returned-to-you': words<Reasoned>(
    {
      ru: (p) => `Обращение ${no(p.number, 'ru')} возвращено вам`,
      en: (p) => `case ${no(p.number, 'en')} returned to you`,
    },
    reason,
  ),
  'notification.draft-approved': words<CaseParams>({
    ru: (p) => `Проект ответа по ${no(p.number, 'ru')} согласован`,
    en: (p) => `draft for ${no(p.number, 'en')} approved`,
  }),
  'notification.draft-returned': words<Reasoned>(
    {
      ru: (p) => `Проект ответа по ${no(p.number, 'ru')} возвращён на доработку`,
      en: (p) => `draft for ${no(p.number, 'en')} returned`,
    },
    reason,
  ),
  'notification.clock-at-risk': words<Timed>(
    {
      ru: (p) => `Срок по ${no(p.number, 'ru')} истекает ${p.due}`,
      en: (p) => `${no(p.number, 'en')} due soon (${p.due})`,
    },
    stepLine,
  ),
  'notification.clock-breached': words<Timed>(
    {
      ru: (p) => `Срок по ${no(p.number, 'ru')} нарушен (${p.due})`,
      en: (p) => `${no(p.number, 'en')} overdue (${p.due})`,
    },
    stepLine,
  ),
  'notification.deficiency': words<Timed & { readonly role?: string; readonly department?: string }>(
    {
      ru: (p) => `Нарушение срока: ${p.department ?? word(ROLES, p.role, 'ru')}, ${no(p.number, 'ru')}`,
      en: (p) => `deadline breached: ${p.department ?? word(ROLES, p.role, 'en')}, ${no(p.number, 'en')}`,
    },
    (p, lang) => `${stepLine(p, lang)}; ${lang === 'ru' ? 'срок' : 'due'}: ${p.due}`,
  ),
  'notification.significant': words<CaseParams & { readonly text: string }>(
    {
      ru: (p) => `Социально значимое обращение ${no(p.number, 'ru')}`,
      en: (p) => `socially significant case ${no(p.number, 'en')}`,
    },
    (p) => p.text,
  ),
  'notification.surge': words<{
    readonly dimension: string;
    readonly value: string;
    readonly count: number;
    readonly minutes: number;
    readonly numbers: readonly number[];
  }>(
    {
      ru: (p) => serverMessageText('surge.title', p, 'ru'),
      en: (p) => serverMessageText('surge.title', p, 'en'),
    },
    (p, lang) => serverMessageText('surge.body', p, lang),
  ),
  'notification.channel-broken': words<{ readonly channel: string; readonly code: string; readonly detail: string }>(
    {
      ru: (p) => `Канал не работает: ${p.channel}`,
      en: (p) => `channel broken: ${p.channel}`,
    },
    (p, lang) => serverMessageText('channel.failed', p, lang),
  ),
} as const;

export type NotificationKey = keyof typeof NOTIFICATION_MESSAGES;
export const NOTIFICATION_KEYS = Object.keys(NOTIFICATION_MESSAGES) as NotificationKey[];
export type NotificationParams<K extends NotificationKey> = Parameters<(typeof NOTIFICATION_MESSAGES)[K]['title']>[0];

/** A notification's message: its key and parameters, as stored. */
export interface NotificationMessage<K extends NotificationKey = NotificationKey> {
  readonly key: K;
  readonly params: NotificationParams<K>;
}

/** A notification's title and body in one language; null for a key this build does not know (a newer server's) or
 *  parameters of another shape, so the reader falls back to the text it was sent. */
export function notificationText(
  key: string,
  params: Readonly<Record<string, unknown>> | null | undefined,
  lang: MessageLang,
): { readonly title: string; readonly body: string } | null {
  if (!Object.hasOwn(NOTIFICATION_MESSAGES, key)) return null;
  const entry = NOTIFICATION_MESSAGES[key as NotificationKey] as NotificationWords<Readonly<Record<string, unknown>>>;
  try {
    return { title: entry.title(params ?? {}, lang), body: entry.body(params ?? {}, lang) };
  } catch {
    return null;
  }
}

/** Title and body in both languages, Russian first (one text when both are the same, e.g. a quoted message):
 *  clients without this catalogue read them as they read the rows from before the keys. Null as notificationText. */
export function bilingualNotification(
  key: string,
  params: Readonly<Record<string, unknown>>,
): { readonly title: string; readonly body: string } | null {
  const ru = notificationText(key, params, 'ru');
  const en = notificationText(key, params, 'en');
  if (!ru || !en) return null;
  const pair = (a: string, b: string) => (a === b ? a : `${a} / ${b}`);
  return { title: pair(ru.title, en.title), body: ru.body || en.body ? pair(ru.body, en.body) : '' };
}
