// The server's own messages (refused requests, unreachable database, notifications) as a key and parameters, and the
// one catalogue that words them in Russian and English. The server throws a key with its parameters and keeps a
// two-language `message` rendered here for its log and for old clients; the web app and the CLI word the same key
// in their reader's language, so nobody has to split a two-language string. The domain's refusals have their own
// catalogue (packages/domain, REFUSALS); the keys of the two never overlap (checked by the tests).

import {
  counted,
  catalogueEntry as entry,
  fixedEntry as fixed,
  isRefusalKey,
  type RefusalParams,
  refusalIn,
} from '@otklik/domain';
import { profileIssueText } from './profile-messages';
import { type ValidationIssue, validationText } from './validation-messages';

/** The plural rule's count (shared with the domain's refusals), for readers of this catalogue. */
export { counted };

export type MessageLang = 'ru' | 'en';
export type MessageParam = string | number | readonly (string | number)[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

// Nominative after a number: "1 обращение, 2 обращения, 5 обращений, 21 обращение".
const CASES_RU = { one: 'обращение', few: 'обращения', many: 'обращений', other: 'обращения' };
const CASES_EN = { one: 'message', other: 'messages' };
// Accusative after "через" / "за": "1 минуту, 2 минуты, 5 минут".
const MINUTES_RU = { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' };
const MINUTES_EN = { one: 'minute', other: 'minutes' };
const HOURS_RU = { one: 'час', few: 'часа', many: 'часов', other: 'часа' };
const HOURS_EN = { one: 'hour', other: 'hours' };
const SECONDS_RU = { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' };
const SECONDS_EN = { one: 'second', other: 'seconds' };
// Genitive after "не более": "1 дня, 2 дней, 5 дней, 21 дня".
const DAYS_RU = { one: 'дня', few: 'дней', many: 'дней', other: 'дня' };
const DAYS_EN = { one: 'day', other: 'days' };

/** A span of minutes in whole hours when it is one ("за 2 часа"), else in minutes ("за 90 минут"). */
function span(minutes: number, lang: MessageLang): string {
  if (minutes > 0 && minutes % 60 === 0) {
    return counted(minutes / 60, lang, lang === 'ru' ? HOURS_RU : HOURS_EN);
  }
  return counted(minutes, lang, lang === 'ru' ? MINUTES_RU : MINUTES_EN);
}

const list = (items: MessageParam) => (Array.isArray(items) ? items.join(', ') : String(items));

/** The things a "not found" is about, in each language (a whole Russian sentence: the verb agrees in gender). */
const THINGS = {
  case: { ru: 'Обращение не найдено', en: 'case not found' },
  organisation: { ru: 'Организация не найдена', en: 'organisation not found' },
  account: { ru: 'Аккаунт не найден', en: 'account not found' },
  person: { ru: 'Сотрудник не найден', en: 'person not found' },
  department: { ru: 'Подразделение не найдено', en: 'department not found' },
  topic: { ru: 'Тема не найдена', en: 'topic not found' },
  place: { ru: 'Место не найдено', en: 'place not found' },
  absence: { ru: 'Отсутствие не найдено', en: 'absence not found' },
  profile: { ru: 'Профиль не найден', en: 'profile not found' },
  attachment: { ru: 'Вложение не найдено', en: 'attachment not found' },
  'attachment-file': { ru: 'Файл вложения не найден', en: 'the attachment file is missing' },
  'api-key': { ru: 'Ключ API не найден', en: 'API key not found' },
  'display-token': { ru: 'Токен экрана не найден', en: 'display token not found' },
} as const satisfies Record<string, Record<MessageLang, string>>;
export type NotFoundThing = keyof typeof THINGS;

const LOGIN_SCOPES = {
  accountAddress: { ru: 'для этого логина с этого адреса', en: 'for this login from this address' },
  address: { ru: 'с этого адреса', en: 'from this address' },
  account: { ru: 'для этого логина', en: 'for this login' },
} as const satisfies Record<string, Record<MessageLang, string>>;
export type LoginScope = keyof typeof LOGIN_SCOPES;

const DIMENSIONS = {
  topic: { ru: 'тема', en: 'topic' },
  location: { ru: 'территория', en: 'location' },
} as const satisfies Record<string, Record<MessageLang, string>>;

/** The kinds of input a refused input is (the first words of its message). */
const INPUTS = {
  input: { ru: 'Неверные данные', en: 'invalid input' },
  batch: { ru: 'Неверный пакет', en: 'invalid batch' },
  message: { ru: 'Неверное сообщение', en: 'invalid message' },
} as const satisfies Record<string, Record<MessageLang, string>>;
export type InputKind = keyof typeof INPUTS;
// An unknown kind (a newer server's) reads as plain "invalid input".
const inputWord = (kind: string, lang: MessageLang) =>
  (Object.hasOwn(INPUTS, kind) ? INPUTS[kind as InputKind] : INPUTS.input)[lang];

/** One language of a message kept from before the keys ("Русский / English"); the whole message when it is not
 *  such a pair. */
function half(message: string, lang: MessageLang): string {
  const halves = message.split(' / ');
  return halves.length === 2 ? halves[lang === 'ru' ? 0 : 1]!.trim() : message;
}

const issueIn = (p: { readonly issue?: ValidationIssue; readonly detail?: string }, lang: MessageLang) =>
  p.issue ? validationText(p.issue, lang) : half(p.detail ?? '', lang);

/** A profile's problem (`regulation.invalid`) in one language: its key through the profile catalogue, else the half
 *  of a two-language `detail`. */
const profileProblem = (
  p: { readonly issue?: { readonly key: string; readonly params?: MessageParams }; readonly detail?: string },
  lang: MessageLang,
) => (p.issue ? profileIssueText(p.issue, lang) : half(p.detail ?? '', lang));

const wordIn = <T extends Record<string, Record<MessageLang, string>>>(table: T, key: string, lang: MessageLang) =>
  Object.hasOwn(table, key) ? table[key as keyof T]![lang] : key;

/** `where` in brackets after a message when it is known: " (text.0)". */
const at = (path: readonly string[]) => (path.length > 0 ? ` (${path.join('.')})` : '');

/** Why a request that could act with someone's session was refused (http/origin.ts). */
const ORIGIN_REASONS = {
  foreign: { ru: 'запрос с чужого адреса', en: 'request from a foreign origin' },
  'cross-site': { ru: 'запрос с другого сайта', en: 'cross-site request' },
  'no-origin': {
    ru: 'нет заголовка Origin: действие с cookie сеанса только из приложения',
    en: 'Origin header required',
  },
} as const satisfies Record<string, Record<MessageLang, string>>;
export type OriginReason = keyof typeof ORIGIN_REASONS;
const originReason = (p: { readonly reason: string; readonly origin?: string }, lang: MessageLang) =>
  p.reason === 'foreign' && p.origin && lang === 'ru'
    ? `${ORIGIN_REASONS.foreign.ru} ${p.origin}`
    : wordIn(ORIGIN_REASONS, p.reason, lang);

/** What went wrong talking to a network (channels/errors.ts codes), for the admin screen and the case history. */
const CHANNEL_FAILURES = {
  'rate-limited': { ru: 'сеть просит подождать (слишком много запросов)', en: 'the network asks to slow down' },
  auth: {
    ru: 'токен недействителен, отозван или истёк: введите новый',
    en: 'the token is invalid, revoked or expired',
  },
  forbidden: { ru: 'нет прав на это действие: проверьте права токена', en: 'no permission for this action' },
  'not-found': { ru: 'сообщение или ветка не найдены (удалены?)', en: 'the message or thread is gone' },
  'bad-request': { ru: 'сеть отклонила запрос', en: 'the network rejected the request' },
  network: { ru: 'сеть недоступна', en: 'the network cannot be reached' },
  server: { ru: 'ошибка на стороне сети', en: 'the network failed' },
  'bad-response': { ru: 'непонятный ответ сети', en: 'unexpected answer from the network' },
  'no-secret-key': { ru: 'не задан ключ OTKLIK_SECRET_KEY', en: 'OTKLIK_SECRET_KEY is not set' },
  'organisation-archived': {
    ru: 'организация в архиве: ничего не собирается и не публикуется',
    en: 'the organisation is archived',
  },
  // Otklik's own reasons not to post (the detail, when there is one, names the file or the network).
  'account-deleted': { ru: 'аккаунт сети удалён', en: 'the account was deleted' },
  'account-disabled': { ru: 'аккаунт сети отключён', en: 'the account is disabled' },
  'attachment-storage': { ru: 'хранилище вложений не настроено', en: 'attachment storage is not configured' },
  'attachment-missing': { ru: 'файл вложения не найден', en: 'the attachment file is missing' },
  'files-not-uploaded': {
    ru: 'файлы из Отклика в эту сеть пока не отправляются: опубликуйте вручную',
    en: 'files are not uploaded to this network yet: publish by hand',
  },
} as const satisfies Record<string, Record<MessageLang, string>>;
export type ChannelFailure = keyof typeof CHANNEL_FAILURES;

/** A channel failure's words in one language ("токен недействителен…"); the code itself when unknown. */
export const channelFailureText = (code: string, lang: MessageLang) => wordIn(CHANNEL_FAILURES, code, lang);
export const isChannelFailure = (code: string): code is ChannelFailure => Object.hasOwn(CHANNEL_FAILURES, code);

/** A problem of a production-calendar file (the open data's CSV): the file's shape, the years asked for, or a year's
 *  own problem (the domain's calendar import issues, prefixed by the year). */
export type CalendarFileProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'missing-columns'; readonly columns: readonly string[] }
  | { readonly code: 'not-a-year'; readonly line: number; readonly value: string }
  | { readonly code: 'no-years' }
  | { readonly code: 'year-absent'; readonly absent: readonly number[]; readonly present: readonly number[] }
  | { readonly code: 'several-years'; readonly present: readonly number[] }
  | { readonly code: 'bad-year'; readonly year: number; readonly value: number }
  | { readonly code: 'month-count'; readonly year: number; readonly count: number }
  | { readonly code: 'bad-day'; readonly year: number; readonly month: number; readonly value: string }
  | { readonly code: 'duplicate-day'; readonly year: number; readonly date: string }
  | { readonly code: 'holiday-working'; readonly year: number; readonly date: string }
  | { readonly code: 'shortened-weekend'; readonly year: number; readonly date: string }
  | {
      readonly code: 'totals-mismatch';
      readonly year: number;
      readonly field: 'workingDays' | 'daysOff' | 'hours40';
      readonly stated: number;
      readonly computed: number;
    };

// Genitive: "«32» — не день января".
const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const TOTALS = {
  workingDays: { ru: 'рабочих дней', en: 'working days' },
  daysOff: { ru: 'выходных и праздничных дней', en: 'days off' },
  hours40: { ru: 'часов при 40-часовой неделе', en: 'hours of a 40-hour week' },
} as const satisfies Record<string, Record<MessageLang, string>>;

function calendarProblemRu(p: CalendarFileProblem): string {
  switch (p.code) {
    case 'empty':
      return 'Файл пуст';
    case 'missing-columns':
      return `Это не производственный календарь из открытых данных: нет столбцов ${p.columns.map((c) => `«${c}»`).join(', ')}`;
    case 'not-a-year':
      return `Строка ${p.line}: «${p.value}» — не год`;
    case 'no-years':
      return 'В файле нет ни одного года';
    case 'year-absent':
      return `В файле нет года ${list(p.absent)}; есть: ${list(p.present)}`;
    case 'several-years':
      return `В файле несколько лет (${list(p.present)}): укажите нужный`;
    case 'bad-year':
      return `${p.year}: Год ${p.value} вне допустимого диапазона`;
    case 'month-count':
      return `${p.year}: Нужно 12 месяцев, а их ${p.count}`;
    case 'bad-day':
      return `${p.year}: «${p.value}» — не день ${MONTHS_GENITIVE[p.month - 1] ?? p.month}`;
    case 'duplicate-day':
      return `${p.year}: ${p.date} указан дважды`;
    case 'holiday-working':
      return `${p.year}: ${p.date} — нерабочий праздник (ТК РФ ст. 112), а в файле он рабочий`;
    case 'shortened-weekend':
      return `${p.year}: ${p.date} — воскресенье, он не может быть сокращённым`;
    case 'totals-mismatch':
      return `${p.year}: В файле ${wordIn(TOTALS, p.field, 'ru')}: ${p.stated}, а по дням выходит ${p.computed}`;
  }
}

function calendarProblemEn(p: CalendarFileProblem): string {
  switch (p.code) {
    case 'empty':
      return 'the file is empty';
    case 'missing-columns':
      return `not the open-data production calendar: missing columns ${list(p.columns)}`;
    case 'not-a-year':
      return `line ${p.line}: "${p.value}" is not a year`;
    case 'no-years':
      return 'the file has no year rows';
    case 'year-absent':
      return `the file has no year ${list(p.absent)}; it has ${list(p.present)}`;
    case 'several-years':
      return `the file has several years (${list(p.present)}): name the one to import`;
    case 'bad-year':
      return `${p.year}: year ${p.value} is out of range`;
    case 'month-count':
      return `${p.year}: expected 12 months, got ${p.count}`;
    case 'bad-day':
      return `${p.year}: "${p.value}" is not a day of month ${p.month}`;
    case 'duplicate-day':
      return `${p.year}: ${p.date} is listed twice`;
    case 'holiday-working':
      return `${p.year}: ${p.date} is a public holiday (Labour Code art. 112) but the file has it as a working day`;
    case 'shortened-weekend':
      return `${p.year}: ${p.date} is a Sunday`;
    case 'totals-mismatch':
      return `${p.year}: the file states ${p.stated} ${wordIn(TOTALS, p.field, 'en')}, its days give ${p.computed}`;
  }
}

/** One problem of a production-calendar file in one language (the CLI prints them a line each). */
export const calendarProblemText = (problem: CalendarFileProblem, lang: MessageLang) =>
  lang === 'ru' ? calendarProblemRu(problem) : calendarProblemEn(problem);

/** A message of either catalogue (a domain refusal's key or this one's) in one language; null for a key neither
 *  has or parameters of another shape, so the reader can fall back to the text it was sent. */
export function messageIn(
  key: string,
  params: Readonly<Record<string, unknown>> | null | undefined,
  lang: MessageLang,
): string | null {
  if (isRefusalKey(key)) {
    try {
      return refusalIn({ key, params: (params ?? {}) as RefusalParams }, lang);
    } catch {
      return null;
    }
  }
  return serverMessageIn(key, params, lang);
}

/** A nested reason (a domain refusal's key or this catalogue's, with its parameters) in one language; its plain
 *  `detail` when there is no key or the key is unknown here. */
function reasonIn(
  p: { readonly reason?: string; readonly reasonParams?: MessageParams; readonly detail?: string },
  lang: MessageLang,
): string {
  if (p.reason !== undefined) {
    const worded = messageIn(p.reason, p.reasonParams, lang);
    if (worded !== null) return worded;
  }
  return p.detail ?? p.reason ?? '';
}

/** Every message of the server. Keys are stable: clients word them from this catalogue. */
export const SERVER_MESSAGES = {
  // Anything not found, by what it is.
  'not-found': entry<{ readonly thing: NotFoundThing }>(
    (p) => wordIn(THINGS, p.thing, 'ru'),
    (p) => wordIn(THINGS, p.thing, 'en'),
  ),
  // A refused input: its kind, the field (dotted path, may be empty) and the validation message.
  // `issue`: zod's issue (validation-messages.ts), worded in the reader's language; `detail`: the text of an issue
  // kept before the issues were sent (an import report or an account's last error from then, "ru / en").
  'input.invalid': entry<{
    readonly input: InputKind;
    readonly path: string;
    readonly issue?: ValidationIssue;
    readonly detail?: string;
  }>(
    (p) => `${inputWord(p.input, 'ru')}: ${p.path ? `${p.path}: ` : ''}${issueIn(p, 'ru')}`,
    (p) => `${inputWord(p.input, 'en')}: ${p.path ? `${p.path}: ` : ''}${issueIn(p, 'en')}`,
  ),
  // Signing in and permissions.
  'auth.sign-in': fixed('Войдите в систему', 'please sign in'),
  'auth.forbidden': fixed('Недостаточно прав для этого действия', 'you are not allowed to do this'),
  'auth.access-denied': fixed('Нет доступа', 'access denied'),
  'auth.region-admin-only': fixed(
    'Только администратор региона управляет организациями',
    'only a region administrator manages organisations',
  ),
  'auth.wrong-login': fixed('Неверный логин или пароль', 'wrong login or password'),
  'auth.rate-limited': entry<{ readonly scope: LoginScope; readonly minutes: number }>(
    (p) =>
      `Слишком много неудачных попыток входа ${wordIn(LOGIN_SCOPES, p.scope, 'ru')}. Повторите через ${counted(p.minutes, 'ru', MINUTES_RU)}.`,
    (p) =>
      `too many failed sign-in attempts ${wordIn(LOGIN_SCOPES, p.scope, 'en')}; try again in ${counted(p.minutes, 'en', MINUTES_EN)}`,
  ),
  'auth.disabled': fixed('Учётная запись или её организация отключена', 'the account or its organisation is disabled'),
  'auth.current-password-wrong': fixed('Текущий пароль неверен', 'the current password is wrong'),
  'auth.directory-unknown': entry<{ readonly who: string }>(
    (p) =>
      `Учётная запись «${p.who}» из каталога не заведена в Otklik: попросите администратора добавить вас ` +
      '(с этим логином или адресом эл. почты)',
    (p) =>
      `the directory account "${p.who}" has no Otklik user: ask an administrator to add you with this login or e-mail`,
  ),
  'auth.directory-ambiguous': entry<{ readonly who: string }>(
    (p) => `Адрес ${p.who} указан у нескольких сотрудников Otklik: администратору нужно это исправить`,
    (p) => `several Otklik users have the address ${p.who}: an administrator must fix that`,
  ),
  'auth.directory-disabled': entry<{ readonly who: string }>(
    (p) => `Учётная запись «${p.who}» в Otklik отключена`,
    (p) => `the Otklik account "${p.who}" is disabled`,
  ),
  'oidc.not-configured': fixed('Вход через OpenID Connect не настроен', 'OpenID Connect sign-in is not configured'),
  'setup.wrong-code': fixed('Неверный или уже использованный код настройки', 'wrong or used setup code'),
  'setup.wrong-code-field': fixed('Неверный код', 'wrong code'),
  'setup.done': fixed('Организация уже создана: войдите', 'already set up, please sign in'),
  // Cases.
  'case.not-visible': fixed('Обращение не найдено или недоступно', 'case not found or not accessible'),
  'case.changed-first': fixed(
    'Обращение уже изменил другой пользователь. Обновите карточку и повторите действие.',
    'Someone else changed this case first; reload it and try again.',
  ),
  'case.id-required': fixed('Не указано обращение', 'caseId is required'),
  'case.external-id-taken': fixed(
    'Сообщение с этим внешним id уже зарегистрировано',
    'a message with this external id is already registered',
  ),
  'case.other-organisation': fixed('Нет доступа к обращениям другой организации', 'other organisation'),
  'case.server-only': entry<{ readonly command: string }>(
    (p) => `Команда «${p.command}» выполняется только сервером`,
    (p) => `'${p.command}' is run by the server only`,
  ),
  'case.join-first': fixed('Сначала откройте обращение', 'join the case first'),
  'case.department-not-in-organisation': fixed('Подразделение не найдено в этой организации', 'department not found'),
  'case.person-not-in-organisation': fixed('Сотрудник не найден в этой организации', 'person not found'),
  'case.earlier-not-in-organisation': fixed(
    'Прежнее обращение не найдено в этой организации',
    'earlier case not found',
  ),
  'regulation.not-found': entry<{ readonly profileId: string }>(
    (p) => `Профиль регламента «${p.profileId}» не найден`,
    (p) => `profile '${p.profileId}' not found`,
  ),
  'regulation.damaged': entry<{ readonly profileId: string }>(
    (p) => `Профиль «${p.profileId}» повреждён`,
    (p) => `the stored profile '${p.profileId}' is invalid`,
  ),
  // Attachments.
  'attachment.case-required': fixed('Укажите обращение (caseId)', 'caseId is required'),
  'attachment.participants-only': fixed(
    'Прикладывать файлы могут куратор, оператор и исполнители обращения',
    'only those taking part may attach files',
  ),
  'attachment.none': fixed('Нет такого вложения', 'no such attachment'),
  'attachment.storage-missing': fixed('Хранилище вложений не настроено', 'attachment storage is not configured'),
  'attachment.type': entry<{ readonly type: string }>(
    (p) => `Тип файла «${p.type || 'не указан'}» не принимается`,
    (p) => `file type '${p.type || 'none'}' not accepted`,
  ),
  'attachment.empty': fixed('Пустой файл', 'the file is empty'),
  'attachment.too-large': entry<{ readonly mb: number }>(
    (p) => `Файл больше ${p.mb} МБ`,
    (p) => `the file is larger than ${p.mb} MB`,
  ),
  // Plain HTTP.
  'http.too-large': entry<{ readonly kb: number }>(
    (p) => `Слишком большой запрос (не более ${p.kb} КБ)`,
    (p) => `request too large (at most ${p.kb} KB)`,
  ),
  'http.not-json': fixed('Тело запроса — не JSON', 'the request body is not valid JSON'),
  'http.use-post': fixed('Используйте POST', 'use POST'),
  'http.get-only': fixed('Только GET', 'GET only'),
  'http.api-key-required': fixed('Нужен заголовок Authorization: Bearer <ключ API>', 'API key required'),
  'http.api-key-unknown': fixed('Неизвестный или отозванный ключ API', 'unknown or revoked key'),
  'http.no-endpoint': entry<{ readonly path: string }>(
    (p) => `Нет такого адреса: ${p.path}`,
    (p) => `no such endpoint: ${p.path}`,
  ),
  'http.no-api-route': entry<{ readonly path: string }>(
    (p) => `Нет такого адреса API: ${p.path}`,
    (p) => `no such API route: ${p.path}`,
  ),
  'http.json-only': fixed('Ожидается Content-Type: application/json', 'JSON only'),
  'http.bad-url': fixed('Неверный адрес запроса', 'malformed request URL'),
  // The database and what it refuses.
  'db.unavailable': fixed(
    'База данных недоступна, повторите через минуту',
    'the database is unavailable, please try again shortly',
  ),
  'db.late': entry<{ readonly seconds: number }>(
    (p) => `База данных не ответила за ${counted(p.seconds, 'ru', SECONDS_RU)}; проверьте результат и повторите`,
    (p) => `the database did not answer in ${counted(p.seconds, 'en', SECONDS_EN)}; check the result and try again`,
  ),
  'db.duplicate': fixed('Такая запись уже существует', 'this record already exists'),
  'db.missing-reference': fixed('Связанная запись не найдена', 'a referenced record does not exist'),
  'db.invalid-value': fixed('Недопустимое значение в запросе', 'the request contains an invalid value'),
  'text.invalid-character': entry<{ readonly path: readonly string[] }>(
    (p) => `Текст содержит недопустимый символ (NUL или неполный символ Unicode)${at(p.path)}`,
    (p) => `the text contains an invalid character (NUL or a broken Unicode character)${at(p.path)}`,
  ),
  internal: entry<{ readonly requestId: string }>(
    (p) => `Внутренняя ошибка сервера (запрос ${p.requestId})`,
    (p) => `internal server error (request ${p.requestId})`,
  ),
  // The directory and its administration.
  'person.login-taken': entry<{ readonly login: string }>(
    (p) => `Логин «${p.login}» уже занят`,
    (p) => `login is taken: ${p.login}`,
  ),
  'topic.exists': entry<{ readonly name: string }>(
    (p) => `Тема «${p.name}» уже есть`,
    (p) => `topic '${p.name}' already exists`,
  ),
  'department.exists': entry<{ readonly name: string }>(
    (p) => `Подразделение «${p.name}» уже есть`,
    (p) => `department '${p.name}' already exists`,
  ),
  'place.exists': entry<{ readonly name: string }>(
    (p) => `Место «${p.name}» уже есть`,
    (p) => `place '${p.name}' already exists`,
  ),
  'absence.self': fixed('Сотрудник не может замещать сам себя', 'a person cannot substitute for themselves'),
  'absence.ends-before-start': fixed('Конец отсутствия раньше начала', 'the absence ends before it starts'),
  'organisation.archived': fixed(
    'Организация в архиве: сообщения не принимаются и не публикуются',
    'the organisation is archived: it takes and publishes nothing',
  ),
  'organisation.archive-own': fixed(
    'Нельзя архивировать собственную организацию: вы потеряете доступ',
    'you cannot archive your own organisation',
  ),
  // `issue`: the first problem parseProfile found (profile-messages.ts), worded in the reader's language; `detail`:
  // its two-language text from a server before the keys.
  'regulation.invalid': entry<{
    readonly path?: string;
    readonly issue?: { readonly key: string; readonly params?: MessageParams };
    readonly detail?: string;
  }>(
    (p) => `Профиль содержит ошибки${p.path !== undefined ? `: ${p.path}: ${profileProblem(p, 'ru')}` : ''}`,
    (p) => `the profile is invalid${p.path !== undefined ? `: ${p.path}: ${profileProblem(p, 'en')}` : ''}`,
  ),
  'regulation.preset-id': entry<{ readonly profileId: string }>(
    (p) => `«${p.profileId}» — встроенный профиль; выберите другой id`,
    (p) => `a preset has the id '${p.profileId}'`,
  ),
  'regulation.id-taken': entry<{ readonly profileId: string }>(
    (p) => `Профиль «${p.profileId}» уже существует`,
    (p) => `profile id '${p.profileId}' is taken`,
  ),
  'regulation.preset-read-only': fixed(
    'Встроенный профиль менять нельзя: создайте копию',
    'presets are read-only; copy it',
  ),
  'regulation.id-fixed': fixed('Нельзя менять id профиля', 'the id cannot change'),
  // The production calendar.
  'calendar.too-many-days': entry<{ readonly max: number }>(
    (p) => `Не более ${counted(p.max, 'ru', DAYS_RU)} за запрос`,
    (p) => `at most ${counted(p.max, 'en', DAYS_EN)} per request`,
  ),
  'calendar.year-not-imported': entry<{ readonly year: number }>(
    (p) => `Год ${p.year} не загружался`,
    (p) => `year ${p.year} was not imported`,
  ),
  // A production-calendar file refused: every problem, a line each.
  'calendar.file-refused': entry<{ readonly problems: readonly CalendarFileProblem[] }>(
    (p) => `Файл не принят:\n${p.problems.map((x) => calendarProblemRu(x)).join('\n')}`,
    (p) => `the file was not accepted:\n${p.problems.map((x) => calendarProblemEn(x)).join('\n')}`,
  ),
  // Network accounts, their webhooks and publication through them.
  'channel.no-connector': entry<{ readonly network: string }>(
    (p) => `Для сети «${p.network}» нет коннектора: храните только ссылку, без токена`,
    (p) => `no connector for the network '${p.network}': store the link only, without a token`,
  ),
  'channel.ok-keys': fixed(
    'Для Одноклассников нужны ключ приложения, секретный ключ и id группы',
    'OK needs the application key, secret key and group id',
  ),
  'channel.token-required': fixed('Нужен токен', 'a token is required'),
  'channel.no-token': fixed('У аккаунта нет токена', 'the account has no token'),
  'channel.secrets-damaged': fixed('Секреты аккаунта повреждены', 'account secrets are damaged'),
  'channel.no-secret-key': fixed(
    'Токены не сохраняются без ключа шифрования: задайте OTKLIK_SECRET_KEY (openssl rand -hex 32) и перезапустите сервер',
    'tokens are not stored without an encryption key: set OTKLIK_SECRET_KEY and restart',
  ),
  'channel.token-undecryptable': fixed(
    'Токен не расшифровывается: ключ OTKLIK_SECRET_KEY сменился? Введите токен заново',
    'the token does not decrypt (was OTKLIK_SECRET_KEY changed?): enter it again',
  ),
  'channel.public-url': fixed('Нужен внешний адрес сервера', 'public URL required'),
  'publication.no-channel': fixed(
    'Сообщение пришло не через подключённый аккаунт: опубликуйте вручную и вставьте ссылку',
    'not collected by a connected account: publish by hand',
  ),
  'publication.channel-disabled': fixed(
    'Аккаунт сети отключён или без токена: опубликуйте вручную',
    'the account is disabled or has no token',
  ),
  'publication.in-progress': fixed(
    'Ответ сейчас публикуется через аккаунт сети; подождите несколько секунд',
    'the answer is being posted through the account right now',
  ),
  'webhook.secret': fixed('Неверная подпись вебхука', 'webhook secret mismatch'),
  'webhook.vk-code': fixed('Не задан код подтверждения VK', 'VK confirmation code not set'),
  'webhook.not-telegram': fixed('Не обновление Telegram', 'not a Telegram update'),
  // Wall displays.
  'display-key.revoked': fixed('Ключ табло отозван администратором', 'the display key was revoked by an administrator'),
  'display-key.unknown': fixed('Ключ табло недействителен', 'the display key is invalid'),
  // Requests another site could have sent with the user's cookie (CSRF), over HTTP and the socket's handshake.
  'http.origin-refused': entry<{ readonly reason: OriginReason; readonly origin?: string }>(
    (p) => `Запрос отклонён: ${originReason(p, 'ru')}`,
    (p) => `request refused: ${originReason(p, 'en')}`,
  ),
  'realtime.origin-refused': entry<{ readonly reason: OriginReason; readonly origin?: string }>(
    (p) => `Соединение отклонено: ${originReason(p, 'ru')}`,
    (p) => `connection refused: ${originReason(p, 'en')}`,
  ),
  'realtime.session-ended': fixed('Сеанс завершён, войдите снова', 'your session ended, please sign in'),
  'realtime.display-read-only': fixed('Табло только показывает обращения', 'the wall display is read-only'),
  'auth.directory-unavailable': fixed(
    'Каталог (LDAP) не отвечает; попробуйте позже или войдите локальной учётной записью',
    'the directory (LDAP) does not answer; try later or sign in with a local account',
  ),
  // A network refused or failed: what it means, then the network's own words (not translated).
  'channel.failed': entry<{ readonly code: string; readonly detail: string }>(
    (p) => `${channelFailureText(p.code, 'ru')}${p.detail ? ` — ${p.detail}` : ''}`,
    (p) => `${channelFailureText(p.code, 'en')}${p.detail ? ` — ${p.detail}` : ''}`,
  ),
  // A collected item the intake refused (the account's last error): its id in the network and why.
  // `issue`: zod's; `detail`: the two-language text kept in rows stored before the issues were.
  'channel.refused-item': entry<{
    readonly externalId: string;
    readonly issue?: ValidationIssue;
    readonly detail?: string;
  }>(
    (p) => `Сообщение ${p.externalId} не принято: ${issueIn(p, 'ru')}`,
    (p) => `message ${p.externalId} was not accepted: ${issueIn(p, 'en')}`,
  ),
  // The network took the answer but the case had changed meanwhile (closed by hand?): the post's address stays.
  // Why: a refusal of the domain or a message of this catalogue (`reason`, its `reasonParams`), else plain `detail`.
  'publication.not-recorded': entry<{
    readonly url: string;
    readonly reason?: string;
    readonly reasonParams?: MessageParams;
    readonly detail?: string;
  }>(
    (p) => `Ответ опубликован (${p.url}), но обращение уже изменилось: ${reasonIn(p, 'ru')}`,
    (p) => `the answer was posted (${p.url}), but the case had changed: ${reasonIn(p, 'en')}`,
  ),
  // A line of an import file (`otklik import`) that was not imported.
  'import.missing-columns': entry<{ readonly columns: readonly string[] }>(
    (p) => `Нет столбцов: ${list(p.columns)}`,
    (p) => `missing columns: ${list(p.columns)}`,
  ),
  'import.not-json': entry<{ readonly detail: string }>(
    (p) => `Файл — не JSON: ${p.detail}`,
    (p) => `the file is not valid JSON: ${p.detail}`,
  ),
  'import.not-array': fixed('Ожидается массив сообщений', 'an array of messages was expected'),
  'import.line-not-json': fixed('Строка — не JSON', 'the line is not valid JSON'),
  // The CSV reader's own words (English, not translated).
  'import.csv': entry<{ readonly detail: string }>(
    (p) => `Ошибка CSV: ${p.detail}`,
    (p) => `CSV: ${p.detail}`,
  ),
  'import.posted-at': entry<{ readonly value: string }>(
    (p) =>
      `posted_at: «${p.value}» — не дата и время; ожидается ДД.ММ.ГГГГ ЧЧ:ММ[:СС] или ГГГГ-ММ-ДД ЧЧ:ММ ` +
      '(время организации), или ISO-8601 со смещением',
    (p) =>
      `posted_at: "${p.value}" is not a date and time; expected DD.MM.YYYY HH:MM[:SS] or YYYY-MM-DD HH:MM ` +
      '(organisation time), or ISO-8601 with an offset',
  ),
  // Anything else that went wrong with a line: its own words.
  'import.failed': entry<{ readonly detail: string }>(
    (p) => `Не импортировано: ${p.detail}`,
    (p) => `not imported: ${p.detail}`,
  ),
  // A new organisation and its first administrator (setup/new-organisation.ts, `otklik init`, the first-run page).
  'setup.name-required': fixed('Укажите название организации', 'the organisation needs a name'),
  'setup.name-too-long': entry<{ readonly max: number }>(
    (p) => `Название не длиннее ${p.max} символов`,
    (p) => `the name has at most ${p.max} characters`,
  ),
  'setup.slug-format': fixed(
    'Короткое имя: латиница в нижнем регистре, цифры, дефис (2–50)',
    'slug: a-z, 0-9, - (2–50)',
  ),
  'setup.slug-taken': entry<{ readonly slug: string }>(
    (p) => `Короткое имя «${p.slug}» уже занято`,
    (p) => `the slug '${p.slug}' is taken`,
  ),
  'setup.unknown-zone': entry<{ readonly zone: string }>(
    (p) => `Неизвестный часовой пояс «${p.zone}»: нужно имя IANA, например Europe/Moscow`,
    (p) => `unknown time zone '${p.zone}': use an IANA name such as Europe/Moscow`,
  ),
  'setup.login-format': fixed('Логин: латиница, цифры, . _ - (2–50)', 'login: letters, digits, . _ - (2–50)'),
  'setup.full-name-required': fixed('Укажите имя', 'the name is required'),
  'setup.unknown-preset': entry<{ readonly presetId: string; readonly presets: readonly string[] }>(
    (p) => `Нет такого профиля «${p.presetId}»; есть: ${list(p.presets)}`,
    (p) => `unknown preset '${p.presetId}'; there are: ${list(p.presets)}`,
  ),
  // Notifications.
  'surge.title': entry<{
    readonly dimension: string;
    readonly value: string;
    readonly count: number;
    readonly minutes: number;
  }>(
    (p) =>
      `Всплеск обращений: ${wordIn(DIMENSIONS, p.dimension, 'ru')} «${p.value}» — ${counted(p.count, 'ru', CASES_RU)} за ${span(p.minutes, 'ru')}`,
    (p) =>
      `surge of messages: ${wordIn(DIMENSIONS, p.dimension, 'en')} '${p.value}' — ${counted(p.count, 'en', CASES_EN)} in ${span(p.minutes, 'en')}`,
  ),
  'surge.body': entry<{ readonly numbers: readonly number[] }>(
    (p) => `Обращения: ${list(p.numbers.map((n) => `№ ${n}`))}`,
    (p) => `cases: ${list(p.numbers.map((n) => `No. ${n}`))}`,
  ),
} as const;

export type ServerMessageKey = keyof typeof SERVER_MESSAGES;
export const SERVER_MESSAGE_KEYS = Object.keys(SERVER_MESSAGES) as ServerMessageKey[];
export type ServerMessageParams<K extends ServerMessageKey> = Parameters<(typeof SERVER_MESSAGES)[K]['ru']>[0];

export function isServerMessageKey(key: string): key is ServerMessageKey {
  return Object.hasOwn(SERVER_MESSAGES, key);
}

/** The message `key` with `params` in one language. */
export const serverMessageText = <K extends ServerMessageKey>(
  key: K,
  params: ServerMessageParams<K>,
  lang: MessageLang,
) => (SERVER_MESSAGES[key][lang] as (p: ServerMessageParams<K>) => string)(params);

/** A message off the wire (a key and parameters of unknown shape) in one language; null for a key this catalogue
 *  does not have (a newer server's), so the reader can fall back to the message it was sent. */
export function serverMessageIn(
  key: string,
  params: Readonly<Record<string, unknown>> | null | undefined,
  lang: MessageLang,
): string | null {
  if (!isServerMessageKey(key)) return null;
  const words = SERVER_MESSAGES[key][lang] as (p: Readonly<Record<string, unknown>>) => string;
  try {
    return words(params ?? {});
  } catch {
    // Parameters of another shape (an older or newer server): the sent message is the better reading.
    return null;
  }
}

/** The message in both languages, Russian first: the server's log and clients without this catalogue read it. */
export function bilingualServerMessage<K extends ServerMessageKey>(key: K, params: ServerMessageParams<K>): string {
  return `${serverMessageText(key, params, 'ru')} / ${serverMessageText(key, params, 'en')}`;
}
