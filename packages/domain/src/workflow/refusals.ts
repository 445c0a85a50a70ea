// The decider's refusals as a key and parameters, and the one catalogue that words them in Russian and English.
// `DomainError.message` is rendered here (for the server log, the CLI and old clients); the web app words the same
// key and parameters through its own catalogue, so no reader has to split a two-language string.
import { CALENDAR_MESSAGES } from '../calendar/errors';
import { type ValidationIssue, validationText } from '../validation/messages';
import type { DomainError, DomainErrorCode, Role } from './types';

export type RefusalLang = 'ru' | 'en';
export type RefusalParam = string | number | readonly string[];
export type RefusalParams = Readonly<Record<string, RefusalParam>>;

const ROLE_WORDS: Record<Role, Record<RefusalLang, string>> = {
  operator: { ru: 'оператор', en: 'operator' },
  curator: { ru: 'куратор', en: 'curator' },
  executor: { ru: 'исполнитель', en: 'executor' },
  'department-head': { ru: 'руководитель подразделения', en: 'department head' },
  head: { ru: 'глава', en: 'head' },
  administrator: { ru: 'администратор', en: 'administrator' },
  observer: { ru: 'наблюдатель', en: 'observer' },
  system: { ru: 'система', en: 'system' },
};

const roleList = (roles: readonly Role[], lang: RefusalLang) => roles.map((r) => ROLE_WORDS[r][lang]).join(', ');

/** The form of a counted word by the language's plural rule (Intl.PluralRules: Russian one/few/many). Also the
 *  server's message catalogue (@otklik/contract) words its counts and entries with these. */
export function counted(
  n: number,
  lang: RefusalLang,
  forms: { one: string; few?: string; many?: string; other: string },
) {
  const category = new Intl.PluralRules(lang === 'ru' ? 'ru-RU' : 'en-GB').select(n);
  const word = category === 'one' ? forms.one : category === 'few' || category === 'many' ? forms[category] : undefined;
  return `${n} ${word ?? forms.other}`;
}

/** One half of a message that is already "Русский / English" (a zod or calendar message passed on as a parameter);
 *  the whole message when it is not such a pair. */
function half(message: string, lang: RefusalLang): string {
  const halves = message.split(' / ');
  if (halves.length !== 2) return message;
  return (lang === 'ru' ? halves[0] : halves[1])!.trim();
}

export interface Entry<P> {
  readonly ru: (p: P) => string;
  readonly en: (p: P) => string;
}
export const entry = <P = Record<string, never>>(ru: (p: P) => string, en: (p: P) => string): Entry<P> => ({ ru, en });
export const fixed = (ru: string, en: string) =>
  entry(
    () => ru,
    () => en,
  );

type Command = { readonly command: string };
// "не короче 1 символа, 2 символов, 5 символов, 21 символа" (genitive after a comparison).
const CHARACTERS_RU = { one: 'символа', few: 'символов', many: 'символов', other: 'символа' };
const CHARACTERS_EN = { one: 'character', other: 'characters' };
type InProfile = { readonly profile: string };

/** Every refusal of the domain. Keys are stable: the web app's catalogues (apps/web/src/i18n) use the same ones. */
export const REFUSALS = {
  // The command as a whole: role, state, input the schema refused.
  'command.role': entry<Command & { readonly roles: readonly Role[] }>(
    (p) => `Команда «${p.command}» доступна ролям: ${roleList(p.roles, 'ru')}`,
    (p) => `'${p.command}' needs one of these roles: ${roleList(p.roles, 'en')}`,
  ),
  'command.state': entry<Command & { readonly status: string }>(
    (p) => `Команда «${p.command}» невозможна в состоянии «${p.status}»`,
    (p) => `'${p.command}' is not possible in state '${p.status}'`,
  ),
  // `issue`: zod's issue, worded in the reader's language; `detail`: anything else that refused the command (the
  // calendar's own words), or the two-language text of a refusal stored before the issues were passed on.
  'command.invalid': entry<{ readonly path: string; readonly detail?: string; readonly issue?: ValidationIssue }>(
    (p) => (p.issue ? validationText(p.issue, 'ru') : half(p.detail ?? '', 'ru')),
    (p) => (p.issue ? validationText(p.issue, 'en') : half(p.detail ?? '', 'en')),
  ),
  // What the profile has.
  'profile.no-ending': entry<InProfile & { readonly ending: string }>(
    (p) => `В профиле ${p.profile} нет исхода «${p.ending}»`,
    (p) => `profile ${p.profile} has no '${p.ending}' ending`,
  ),
  'profile.no-mode': entry<InProfile & { readonly mode: string }>(
    (p) => `Профиль ${p.profile} не предусматривает режим «${p.mode}»`,
    (p) => `profile ${p.profile} has no '${p.mode}' mode`,
  ),
  'profile.no-category': entry<InProfile & { readonly category: string }>(
    (p) => `В профиле ${p.profile} нет категории «${p.category}»`,
    (p) => `profile ${p.profile} has no '${p.category}' category`,
  ),
  'profile.no-intermediate': entry<InProfile>(
    (p) => `Профиль ${p.profile} не предусматривает промежуточных ответов`,
    (p) => `profile ${p.profile} has no intermediate answers`,
  ),
  'profile.no-explanation': entry<InProfile>(
    (p) => `Профиль ${p.profile} не предусматривает разъяснений`,
    (p) => `profile ${p.profile} has no explanations`,
  ),
  'profile.no-step': entry<InProfile & { readonly step: string; readonly steps: readonly string[] }>(
    (p) => `В профиле ${p.profile} нет шага «${p.step}»; есть: ${p.steps.join(', ')}`,
    (p) => `Profile ${p.profile} has no step '${p.step}'; it has: ${p.steps.join(', ')}`,
  ),
  // Registration and triage.
  'register.posted-in-future': fixed('Время публикации в будущем', 'posting time is in the future'),
  'triage.required': fixed('Укажите тему, место и категорию', 'topic, location and category are required'),
  'topic.not-in-directory': fixed(
    'Тема не из справочника тем организации',
    'the topic is not in the organisation’s topic directory',
  ),
  'topic.directory-empty': fixed('Справочник тем пуст', 'the topic directory is empty'),
  'reject.unknown-ground': entry<{ readonly grounds: readonly string[] }>(
    (p) => `Основание не из профиля; допустимы: ${p.grounds.join(', ')}`,
    (p) => `unknown ground; the profile has: ${p.grounds.join(', ')}`,
  ),
  'repeat.self': fixed('Обращение не может повторять само себя', 'a case cannot repeat itself'),
  // Routing, returns and moves.
  'route.single-one': fixed('Один исполнитель для режима single', 'single mode takes one executor'),
  'route.chain-min': entry<{ readonly min: number }>(
    (p) =>
      `Для цепочки нужно не меньше ${counted(p.min, 'ru', { one: 'подразделения', few: 'подразделений', many: 'подразделений', other: 'подразделения' })}`,
    (p) => `a chain needs at least ${counted(p.min, 'en', { one: 'department', other: 'departments' })}`,
  ),
  'route.department-twice': fixed('Подразделения повторяются', 'a department is listed twice'),
  'route.executor-not-of-department': fixed(
    'Исполнитель должен быть активным исполнителем этого подразделения',
    'the executor must be an active executor of the department',
  ),
  'change.nothing': fixed('Ничего не меняется', 'nothing changes'),
  'return.not-received': fixed(
    'Вернуть может исполнитель, получивший сообщение',
    'only an executor who received the message may return it',
  ),
  'return.not-this-department': fixed(
    'Это подразделение не может вернуть сообщение',
    'this department cannot return the message',
  ),
  'forward.nothing': fixed('Некому пересылать', 'nothing to forward'),
  'forward.other-next': fixed(
    'Следующий в очереди — другое подразделение; обновите карточку',
    'another department is next; reload the case',
  ),
  // Parts, drafts and the combined answer.
  'contribution.none-for-executor': fixed(
    'Нет ожидающей части для этого исполнителя',
    'no pending part for this executor',
  ),
  'contribution.none-for-department': fixed(
    'Нет ожидающей части этого подразделения',
    'no pending part of this department',
  ),
  'compose.not-composer': fixed(
    'Общий ответ готовит последний исполнитель (последовательно) или куратор (параллельно)',
    'the combined answer is composed by the last executor (sequential) or the curator (parallel)',
  ),
  'draft.not-composer': fixed('Проект направляет назначенный исполнитель', 'the assigned executor submits the draft'),
  'draft.intermediate-given': fixed('Промежуточный ответ уже дан', 'an intermediate answer was already given'),
  'draft.evidence-required': fixed(
    'Для категории «решаемые» нужны фото, видео или документ',
    'a fast-track answer needs evidence',
  ),
  // Publication.
  'publish.by-curator': fixed('Публикует куратор', 'the curator publishes (profile)'),
  'publish.by-executor': fixed('Публикует исполнитель', 'the executor publishes (konyshevsky p.14)'),
  'publish.not-requested': fixed(
    'Система публикует только запрошенное публикующим',
    'the system posts only what a publisher requested',
  ),
  'publish.private-reply': fixed('На личное сообщение отвечают лично', 'a private message gets a private reply'),
  'publish.other-network': entry<{ readonly hosts: readonly string[] }>(
    (p) => `Ссылка должна вести в ту же сеть, что и сообщение (${p.hosts.join(', ')})`,
    (p) => `the link must be in the message's own network (${p.hosts.join(', ')})`,
  ),
  'publish.channel-same-thread': fixed(
    'Через аккаунт публикуется только в той же ветке',
    'a channel posts in the same thread',
  ),
  'publication.not-pending': fixed('Эта публикация уже не ожидается', 'no such pending publication'),
  // Deadlines and clocks.
  'deadline.no-clock': entry<{ readonly step: string }>(
    (p) => `Нет активного срока «${p.step}»`,
    (p) => `no active '${p.step}' clock`,
  ),
  'deadline.in-past': fixed('Срок должен быть в будущем', 'the deadline must be in the future'),
  'deadline.too-long': entry<{ readonly limit: string }>(
    (p) => `Срок позже установленного профилем (${p.limit})`,
    (p) => `later than the profile allows (${p.limit})`,
  ),
  'clock.nothing-to-record': entry<{ readonly clockId: string }>(
    (p) => `Нечего записывать для ${p.clockId}`,
    (p) => `nothing to record for ${p.clockId}`,
  ),
  // Substitutes.
  'substitute.own-department': fixed(
    'Руководитель может заменить исполнителя только своего подразделения',
    'a department head reassigns only in their own department',
  ),
  'substitute.not-assigned': fixed('Подразделение не назначено', 'the department is not assigned'),
  'substitute.already-executor': fixed('Это уже назначенный исполнитель', 'already the executor'),
  'substitute.not-executor': fixed(
    'Замещающий должен быть активным исполнителем',
    'the substitute must be an active executor',
  ),
  'substitute.other-department': fixed(
    'Замещающий должен быть исполнителем того же подразделения',
    'the substitute must be an executor of the same department',
  ),
  // The password rule of local accounts (access/password-policy.ts).
  'password.too-short': entry<{ readonly min: number }>(
    (p) => `Пароль должен быть не короче ${counted(p.min, 'ru', CHARACTERS_RU)}`,
    (p) => `the password must have at least ${counted(p.min, 'en', CHARACTERS_EN)}`,
  ),
  'password.too-long': entry<{ readonly max: number }>(
    (p) => `Пароль длиннее ${counted(p.max, 'ru', CHARACTERS_RU)}`,
    (p) => `the password is longer than ${counted(p.max, 'en', CHARACTERS_EN)}`,
  ),
  'password.too-common': fixed(
    'Этот пароль слишком распространён, выберите другой',
    'this password is too common, choose another',
  ),
  'password.is-login': fixed('Пароль не должен содержать логин', 'the password must not contain the login'),
  // The original message on its network.
  'message.unchanged': fixed('Текст не изменился', 'the text did not change'),
  'message.deletion-recorded': fixed('Удаление уже записано', 'the deletion is already recorded'),
  // The calendar's refusals of impossible input (calendar/errors.ts), passed on as the decider's.
  ...CALENDAR_MESSAGES,
} as const;

export type RefusalKey = keyof typeof REFUSALS;
export const REFUSAL_KEYS = Object.keys(REFUSALS) as RefusalKey[];
export type RefusalParamsOf<K extends RefusalKey> = Parameters<(typeof REFUSALS)[K]['ru']>[0];

export function isRefusalKey(key: string): key is RefusalKey {
  return Object.hasOwn(REFUSALS, key);
}

/** The refusal `key` with `params` in one language. */
export function refusalText<K extends RefusalKey>(key: K, params: RefusalParamsOf<K>, lang: RefusalLang): string {
  const words = REFUSALS[key][lang] as (p: RefusalParamsOf<K>) => string;
  return words(params);
}

/** A refusal as a reader receives it (a DomainError, or its key and parameters off the wire) in one language. */
export function refusalIn(
  error: { readonly key: RefusalKey; readonly params: RefusalParams },
  lang: RefusalLang,
): string {
  const words = REFUSALS[error.key][lang] as (p: RefusalParams) => string;
  return words(error.params);
}

/** A refusal in both languages, Russian first (one sentence when both are the same, e.g. a passed-on message). */
export function bilingualRefusal(error: { readonly key: RefusalKey; readonly params: RefusalParams }): string {
  const ru = refusalIn(error, 'ru');
  const en = refusalIn(error, 'en');
  return ru === en ? ru : `${ru} / ${en}`;
}

/** A typed refusal: `code` for whoever branches on it, `key` and `params` for whoever words it, `message` in both
 *  languages (Russian first) for logs and readers without a catalogue. */
export function refusal<K extends RefusalKey>(
  code: DomainErrorCode,
  key: K,
  params: RefusalParamsOf<K>,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return {
    code,
    key,
    params: params as RefusalParams,
    message: bilingualRefusal({ key, params: params as RefusalParams }),
    ...(details ? { details } : {}),
  };
}
