// Validation messages worded once, in the reader's language. A schema's own message is a key of VALIDATION_MESSAGES
// ('validation.id'); every other check keeps zod's own issue (code, limits, format), which the reader words with zod's
// Russian or English locale. A refused input travels as that issue (`ValidationIssue`, plain JSON), never as text in
// two languages. Here, in the domain, because the domain's own refusal of an invalid command words it too; the
// contract re-exports it for the server, the web app and the CLI.
import { z } from 'zod';
import { SCENARIO_COMMANDS } from '../sandbox/commands-list';
import { counted } from '../workflow/refusals';

export type ValidationLang = 'ru' | 'en';

/** The fields of a zod issue a reader needs to word it (no input, nothing that is not JSON). */
export interface ValidationIssue {
  readonly code: string;
  /** A key of VALIDATION_MESSAGES, or zod's own message (English) for its built-in checks. */
  readonly message: string;
  readonly expected?: string;
  /** The type of the refused value ('number', 'undefined', …) for `invalid_type`. */
  readonly received?: string;
  readonly origin?: string;
  readonly maximum?: number | string;
  readonly minimum?: number | string;
  readonly inclusive?: boolean;
  readonly exact?: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly includes?: string;
  readonly divisor?: number | string;
  readonly keys?: readonly string[];
  readonly values?: readonly (string | number | boolean | null)[];
}

type Words = (issue: ValidationIssue) => string;
const fixed = (ru: string, en: string): Record<ValidationLang, Words> => ({ ru: () => ru, en: () => en });
const limit = (n: number | string | undefined) => Number(n ?? 0);
// "50 000" / "50,000".
const big = (n: number | string | undefined, lang: ValidationLang) =>
  limit(n)
    .toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB')
    .replace(/\u00a0/g, ' ');
// Genitive after "не более" / "длиннее": "1 символа, 5 символов, 21 символа".
const CHARS_RU = { one: 'символа', few: 'символов', many: 'символов', other: 'символа' };
const CHARS_EN = { one: 'character', other: 'characters' };
const MESSAGES_RU = { one: 'сообщения', few: 'сообщений', many: 'сообщений', other: 'сообщения' };
const MESSAGES_EN = { one: 'message', other: 'messages' };
const ATTACHMENTS_RU = { one: 'вложения', few: 'вложений', many: 'вложений', other: 'вложения' };
const ATTACHMENTS_EN = { one: 'attachment', other: 'attachments' };

/** The schemas' own messages. A limit in the words comes from the issue (`maximum`), not from a copy of it. */
export const VALIDATION_MESSAGES = {
  // Identifiers, names, numbers and dates (the server's inputs, the realtime events).
  'validation.id': fixed('Неверный идентификатор', 'invalid id'),
  'validation.required': fixed('Обязательное поле', 'required'),
  'validation.name-required': fixed('Заполните название', 'enter a name'),
  'validation.too-long': {
    ru: (i) => `Слишком длинно (не более ${counted(limit(i.maximum), 'ru', CHARS_RU)})`,
    en: (i) => `too long (at most ${counted(limit(i.maximum), 'en', CHARS_EN)})`,
  },
  'validation.text-too-long': {
    ru: (i) => `Текст длиннее ${big(i.maximum, 'ru')} символов`,
    en: (i) => `the text is longer than ${big(i.maximum, 'en')} characters`,
  },
  'validation.draft-too-long': {
    ru: (i) => `Черновик длиннее ${big(i.maximum, 'ru')} знаков`,
    en: (i) => `the draft is longer than ${big(i.maximum, 'en')} characters`,
  },
  'validation.number-too-large': fixed('Слишком большое число', 'the number is too large'),
  'validation.date-after-9999': fixed('Дата после 9999 года', 'a date after the year 9999'),
  'validation.unknown-role': fixed('Неизвестная роль', 'unknown role'),
  'validation.system-role': fixed('Роль «system» только для сервера', 'the system role is reserved'),
  'validation.roles-required': fixed('Укажите хотя бы одну роль', 'name at least one role'),
  'validation.supervisor-required': fixed('Укажите хотя бы одного руководителя', 'name at least one supervisor'),
  'validation.choose-preset': fixed('Выберите профиль регламента', 'choose a regulation profile'),
  'validation.time-zone-required': fixed('Укажите часовой пояс', 'enter a time zone'),
  'validation.login-format': fixed('Логин: латиница, цифры, . _ - (2–50)', 'login: letters, digits, . _ - (2–50)'),
  'validation.email': fixed('Неверный адрес почты', 'invalid e-mail address'),
  // Signing in and the first run.
  'validation.login-required': fixed('Введите логин', 'enter your login'),
  'validation.password-required': fixed('Введите пароль', 'enter your password'),
  'validation.current-password-required': fixed('Введите текущий пароль', 'enter your current password'),
  'validation.setup-code-required': fixed('Введите код из журнала сервера', 'enter the code from the server log'),
  // The production calendar.
  'validation.not-before-2000': fixed('Не раньше 2000 года', 'not before 2000'),
  'validation.not-after-2100': fixed('Не позже 2100 года', 'not after 2100'),
  'validation.file-name-control': fixed('Имя файла без управляющих символов', 'no control characters in the file name'),
  'validation.file-empty': fixed('Файл пуст', 'the file is empty'),
  'validation.date-format': fixed('Дата в виде ГГГГ-ММ-ДД', 'a date as YYYY-MM-DD'),
  'validation.no-such-date': fixed('Такой даты нет в календаре', 'no such date in the calendar'),
  'validation.start-before-end': fixed('Начало должно быть раньше конца', 'the start must be before the end'),
  // Messages taken in (the intake API) and network accounts.
  'validation.http-url': fixed('Ссылка должна начинаться с http(s)://', 'the link must start with http(s)://'),
  'validation.posted-at': fixed(
    'Время публикации: ISO-8601 со смещением (2026-12-01T10:00:00+03:00)',
    'posted at: ISO-8601 with an offset (2026-12-01T10:00:00+03:00)',
  ),
  'validation.external-id-required': fixed('Нужен внешний id', 'externalId is required'),
  'validation.too-many-attachments': {
    ru: (i) => `Не более ${counted(limit(i.maximum), 'ru', ATTACHMENTS_RU)}`,
    en: (i) => `at most ${counted(limit(i.maximum), 'en', ATTACHMENTS_EN)}`,
  },
  'validation.batch-empty': fixed('Пустой пакет', 'the batch is empty'),
  'validation.batch-too-large': {
    ru: (i) => `Не более ${counted(limit(i.maximum), 'ru', MESSAGES_RU)}`,
    en: (i) => `at most ${counted(limit(i.maximum), 'en', MESSAGES_EN)}`,
  },
  'validation.page-url': fixed('Ссылка на страницу: https://…', 'page link: https://…'),
  'validation.api-base-url': fixed('Адрес API: http(s)://…', 'API base URL: http(s)://…'),
  'validation.token-too-short': fixed('Токен слишком короткий', 'the token is too short'),
  // Case commands (the domain's schemas).
  'validation.evidence-required': fixed('Нужно хотя бы одно доказательство', 'at least one piece of evidence'),
  'validation.author-link': fixed(
    'Ссылка на автора — адрес его страницы вида https://…',
    "the author link must be a link to the author's page, https://…",
  ),
  'validation.topic-required': fixed('Тема обязательна', 'the topic is required'),
  'validation.location-required': fixed('Место обязательно', 'the location is required'),
  'validation.executor-required': fixed('Нужен хотя бы один исполнитель', 'at least one executor'),
  'validation.link-required': fixed('Ссылка обязательна', 'the link is required'),
  'validation.rejection-ground-required': fixed('Укажите основание отказа', 'the rejection ground is required'),
  'validation.say-what-changes': fixed('Укажите, что изменить', 'say what changes'),
  'validation.author-consent': fixed('Нужно согласие автора', 'the author must consent'),
  'validation.earlier-case-required': fixed('Укажите хотя бы одно обращение', 'name at least one earlier case'),
  'validation.publication-url': fixed(
    'Адрес публикации — ссылка вида https://… (например, https://vk.com/wall-1_2)',
    'the publication address must be a link such as https://vk.com/wall-1_2',
  ),
  // Required texts: Russian agrees the adjective with the noun's gender ("причина обязательна", "текст обязателен").
  'validation.reason-required': fixed('Причина обязательна', 'the reason is required'),
  'validation.return-reason-required': fixed('Причина возврата обязательна', 'the reason for the return is required'),
  'validation.revision-reason-required': fixed(
    'Причина доработки обязательна',
    'the reason for the revision is required',
  ),
  'validation.text-required': fixed('Текст обязателен', 'the text is required'),
  'validation.explanation-text-required': fixed(
    'Текст разъяснения обязателен',
    'the text of the explanation is required',
  ),
  'validation.full-name-required': fixed('ФИО обязательно', 'the full name is required'),
  'validation.address-required': fixed('Адрес обязателен', 'the address is required'),
  'validation.phone-required': fixed('Телефон обязателен', 'the phone is required'),
  'validation.registration-number-required': fixed(
    'Регистрационный номер обязателен',
    'the registration number is required',
  ),
  'validation.publication-address-required': fixed(
    'Адрес публикации обязателен',
    'the publication address is required',
  ),
  'validation.author-link-required': fixed('Ссылка на автора обязательна', 'the link to the author is required'),
  // A scenario of the regulation sandbox (`otklik replay`).
  'validation.scenario-department-id': fixed(
    'id подразделения: латиница, цифры, "-" и "_"',
    'department ids are letters, digits, "-" and "_"',
  ),
  'validation.scenario-people-not-departments': fixed(
    '"operator" и "curator" — люди, а не подразделения',
    '"operator" and "curator" are people, not departments',
  ),
  'validation.scenario-departments-required': fixed(
    'назовите хотя бы одно подразделение',
    'name at least one department',
  ),
  'validation.scenario-at-required': fixed(
    'at обязателен (момент ISO-8601 со смещением от UTC)',
    'at is required (an ISO-8601 instant with its offset)',
  ),
  'validation.scenario-command': {
    ru: () => `do — одна из команд: ${SCENARIO_COMMANDS.join(', ')}`,
    en: () => `do must be one of ${SCENARIO_COMMANDS.join(', ')}`,
  },
  // Reports.
  'validation.month': fixed('Месяц в виде ГГГГ-ММ, например 2026-10', 'month as YYYY-MM, e.g. 2026-10'),
} as const satisfies Record<string, Record<ValidationLang, Words>>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
export const VALIDATION_MESSAGE_KEYS = Object.keys(VALIDATION_MESSAGES) as ValidationMessageKey[];
export const isValidationMessageKey = (key: string): key is ValidationMessageKey =>
  Object.hasOwn(VALIDATION_MESSAGES, key);

const plain = (v: unknown): string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
const numeric = (v: unknown): number | string | undefined =>
  typeof v === 'number' ? v : v === undefined ? undefined : String(v);

/** A zod issue as the plain fields a reader words it from (what the server sends with a refused input). */
export function validationIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const i = issue as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { code: issue.code, message: issue.message };
  for (const k of ['expected', 'received', 'origin', 'format', 'prefix', 'suffix', 'includes'] as const) {
    if (typeof i[k] === 'string') out[k] = i[k];
  }
  for (const k of ['maximum', 'minimum', 'divisor'] as const) if (i[k] !== undefined) out[k] = numeric(i[k]);
  for (const k of ['inclusive', 'exact'] as const) if (typeof i[k] === 'boolean') out[k] = i[k];
  if (i.pattern !== undefined) out.pattern = String(i.pattern);
  if (Array.isArray(i.keys)) out.keys = i.keys.map(String);
  if (Array.isArray(i.values)) out.values = i.values.map(plain);
  return out as unknown as ValidationIssue;
}

// A value of the type zod said it received, for its locales, which name the type of `input`.
const SAMPLES: Record<string, unknown> = {
  string: '',
  number: 0,
  nan: Number.NaN,
  boolean: false,
  bigint: 0n,
  symbol: Symbol('received'),
  function: () => undefined,
  null: null,
  undefined: undefined,
  array: [],
  date: new Date(0),
  map: new Map(),
  set: new Set(),
  promise: Promise.resolve(),
  object: {},
};

const LOCALES = { ru: z.locales.ru().localeError, en: z.locales.en().localeError };

/** How zod itself words a built-in issue in English: a message that differs is a schema's own text. */
const zodWording = (issue: ValidationIssue, lang: ValidationLang): string => {
  const raw = { ...issue, input: issue.received ? SAMPLES[issue.received] : undefined };
  const m = LOCALES[lang](raw as unknown as z.core.$ZodRawIssue) as string | { message: string } | undefined;
  return typeof m === 'string' ? m : (m?.message ?? issue.message);
};

/** A refused input's issue in one language: a schema's key through this catalogue, a built-in check through zod's
 *  locale; a schema's own text that is neither (a schema not yet given a key) as it was written. */
export function validationText(issue: ValidationIssue, lang: ValidationLang): string {
  if (isValidationMessageKey(issue.message)) return VALIDATION_MESSAGES[issue.message][lang](issue);
  if (zodWording(issue, 'en') !== issue.message) return issue.message;
  return zodWording(issue, lang);
}
