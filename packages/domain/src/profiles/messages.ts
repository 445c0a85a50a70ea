// What is wrong with a regulation profile (parseProfile's issues) as a key and parameters, and the one catalogue that
// words them in Russian and English; and a text a profile carries in both languages (a rejection ground's label).
// The web's profile editor, the server's answer (`regulation.invalid`) and the CLI word the same key in their
// reader's language; the contract re-exports this (packages/contract/src/profile-messages.ts).
import { counted, type Entry, entry } from '../workflow/refusals';

export type ProfileLang = 'ru' | 'en';
export type ProfileIssueParams = Readonly<Record<string, string | number>>;

// Genitive after "не меньше" / "не больше": "1 символа, 2 символов, 5 символов, 21 символа".
const CHARS_RU = { one: 'символа', few: 'символов', many: 'символов', other: 'символа' };
const CHARS_EN = { one: 'character', other: 'characters' };

const num = (v: string | number | undefined) => Number(v ?? 0);
/** A limit as the language writes a number ("0,25" / "0.25"). */
const bound = (v: string | number | undefined, lang: ProfileLang) =>
  num(v)
    .toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 6 })
    .replace(/\u00a0/g, ' ');
const str = (v: string | number | undefined) => String(v ?? '');

type P = ProfileIssueParams;
const fixed = (ru: string, en: string) =>
  entry<P>(
    () => ru,
    () => en,
  );

/** Every issue parseProfile reports. Keys are stable: readers word them from this catalogue. */
export const PROFILE_ISSUES = {
  // zod's own checks, as a person filling the form needs to hear them.
  'profile-issue.whole-number': fixed('Введите целое число', 'enter a whole number'),
  'profile-issue.number': fixed('Введите число, например 30 или 0,25', 'enter a number, e.g. 30 or 0.25'),
  'profile-issue.required': fixed('Обязательное поле', 'required'),
  'profile-issue.wrong-type': fixed('Неверный тип значения', 'wrong kind of value'),
  'profile-issue.too-short': entry<P>(
    (p) => `Слишком коротко: не меньше ${counted(num(p.min), 'ru', CHARS_RU)}`,
    (p) => `too short: at least ${counted(num(p.min), 'en', CHARS_EN)}`,
  ),
  'profile-issue.too-long': entry<P>(
    (p) => `Слишком длинно: не больше ${counted(num(p.max), 'ru', CHARS_RU)}`,
    (p) => `too long: at most ${counted(num(p.max), 'en', CHARS_EN)}`,
  ),
  'profile-issue.at-least': entry<P>(
    (p) => `Не меньше ${bound(p.min, 'ru')}`,
    (p) => `at least ${bound(p.min, 'en')}`,
  ),
  'profile-issue.more-than': entry<P>(
    (p) => `Больше ${bound(p.min, 'ru')}`,
    (p) => `more than ${bound(p.min, 'en')}`,
  ),
  'profile-issue.at-most': entry<P>(
    (p) => `Не больше ${bound(p.max, 'ru')}`,
    (p) => `at most ${bound(p.max, 'en')}`,
  ),
  'profile-issue.less-than': entry<P>(
    (p) => `Меньше ${bound(p.max, 'ru')}`,
    (p) => `less than ${bound(p.max, 'en')}`,
  ),
  'profile-issue.not-allowed': fixed('Недопустимое значение', 'not an allowed value'),
  'profile-issue.invalid-format': fixed('Неверный формат', 'invalid format'),
  'profile-issue.multiple-of': entry<P>(
    (p) => `Должно быть кратно ${bound(p.divisor, 'ru')}`,
    (p) => `must be a multiple of ${bound(p.divisor, 'en')}`,
  ),
  'profile-issue.invalid': fixed('Неверное значение', 'invalid value'),
  'profile-issue.unknown-field': entry<P>(
    (p) => `Неизвестное поле «${str(p.field)}»`,
    (p) => `unknown field '${str(p.field)}'`,
  ),
  // The schema's own messages (schema.ts names these keys).
  'profile-issue.source-required': fixed('Укажите пункт документа', 'cite the paragraph of the source'),
  'profile-issue.positive': fixed('Должно быть больше нуля', 'must be positive'),
  'profile-issue.id-format': fixed(
    'Только строчные латинские буквы, цифры и дефис',
    'lowercase letters, digits and hyphens only',
  ),
  // Rules across fields.
  'profile-issue.circular-reference': entry<P>(
    (p) => `Циклическая ссылка на «${str(p.step)}»`,
    (p) => `circular reference to '${str(p.step)}'`,
  ),
  'profile-issue.step-not-defined': entry<P>(
    (p) => `Шаг «${str(p.step)}» не задан`,
    (p) => `step '${str(p.step)}' is not defined`,
  ),
  'profile-issue.idrinsky-amount': fixed('Для правила 24 часов amount = 1', 'the 24-hour rule takes amount 1'),
  'profile-issue.override-condition': fixed(
    'Укажите категорию, важность или темы',
    'give a category, the importance or topics',
  ),
  'profile-issue.department-total-unit': fixed(
    'Общий срок подразделения задаётся в рабочих минутах или календарных часах',
    'the department total is counted in working minutes or calendar hours',
  ),
  'profile-issue.forwarding-sequential': fixed(
    'Пересылка куратором возможна только в последовательной цепочке',
    'forwarding by the curator needs a sequential chain',
  ),
  'profile-issue.unknown-time-zone': entry<P>(
    (p) => `Неизвестный часовой пояс «${str(p.timeZone)}»`,
    (p) => `unknown time zone '${str(p.timeZone)}'`,
  ),
  'profile-issue.clock-model-field': fixed(
    'Поле появилось вместе с моделью сроков; укажите его или профиль-основу',
    'this field came with the clock model: give it, or the preset the profile is based on',
  ),
} as const satisfies Record<string, Entry<P>>;

export type ProfileIssueKey = keyof typeof PROFILE_ISSUES;
export const PROFILE_ISSUE_KEYS = Object.keys(PROFILE_ISSUES) as ProfileIssueKey[];
export const isProfileIssueKey = (key: string): key is ProfileIssueKey => Object.hasOwn(PROFILE_ISSUES, key);

/** One problem of a profile: the field (dotted path) and what is wrong with it, as a key and parameters. */
export interface ProfileIssue {
  readonly path: string;
  readonly key: ProfileIssueKey;
  readonly params: ProfileIssueParams;
}

/** A profile issue in one language; an unknown key (a newer server's) as the key itself. */
export function profileIssueText(
  issue: { readonly key: string; readonly params?: Readonly<Record<string, unknown>> | null },
  lang: ProfileLang,
): string {
  if (!isProfileIssueKey(issue.key)) return issue.key;
  return PROFILE_ISSUES[issue.key][lang]((issue.params ?? {}) as P);
}

/** A text a profile gives in both languages (a rejection ground's label). Profiles stored before the two were kept
 *  apart hold one string, "Русский / English"; an administrator's own text may be one language only. */
export type ProfileText = string | { readonly ru: string; readonly en: string };

/** A profile's text in one language: its half of an old "Русский / English" string, the whole of a one-language one. */
export function profileTextIn(text: ProfileText, lang: ProfileLang): string {
  if (typeof text !== 'string') return text[lang];
  const halves = text.split(' / ');
  return halves.length === 2 ? halves[lang === 'ru' ? 0 : 1]!.trim() : text;
}
