// A domain refusal (its key and parameters, off the tRPC error's data) worded through the current catalogue: the
// parameters that name things of the product (a command, a status, roles, a step…) in the reader's words, a counted
// one by the language's plural rule. An unknown key gives null: the caller falls back to the server's message.
import { languageHalves, type ValidationIssue, validationText } from '@otklik/contract';
import type { Catalogue } from './ru';

/** The plural forms of a counted refusal; `by` names the parameter that counts. */
interface CountedWords {
  readonly by: string;
  readonly one: string;
  readonly few: string;
  readonly many: string;
  readonly other: string;
}
export type RefusalWords = string | CountedWords;

const wordOf = (words: Readonly<Record<string, string>>, value: string): string =>
  Object.hasOwn(words, value) ? (words[value] ?? value) : value;

function paramText(name: string, value: unknown, t: Catalogue): string {
  if (Array.isArray(value)) return value.map((v) => paramText(name, v, t)).join(', ');
  const v = String(value);
  switch (name) {
    case 'command':
      return wordOf(t.commands, v);
    case 'status':
      return wordOf(t.status, v);
    case 'roles':
      return wordOf(t.roles, v);
    case 'step':
    case 'steps':
      return wordOf(t.steps, v);
    case 'category':
      return wordOf(t.category, v);
    case 'mode':
      return wordOf(t.forms.modes, v);
    case 'weekday':
      // ISO weekday 1–7: 2024-01-01 was a Monday.
      return new Intl.DateTimeFormat(t.lang.locale, { weekday: 'long', timeZone: 'UTC' }).format(
        Date.UTC(2024, 0, Number(v)),
      );
    case 'min':
    case 'max':
      // Years (a calendar's range) and lengths: no group separator ("1900", not "1 900").
      return v;
    case 'detail': {
      // The calendar's words, or a two-language message of a refusal stored before the issues were passed on.
      const halves = languageHalves(v);
      return halves ? (t.lang.code === 'en' ? halves[1] : halves[0]).trim() : v;
    }
    default:
      return typeof value === 'number' ? value.toLocaleString(t.lang.locale) : v;
  }
}

function fillParams(template: string, params: Readonly<Record<string, unknown>>, t: Catalogue): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? paramText(name, params[name], t) : whole,
  );
}

/** The refusal `key` with `params` in the catalogue's language; null when the catalogue does not know the key. */
export function refusalText(
  key: string,
  refusalParams: Readonly<Record<string, unknown>>,
  t: Catalogue,
): string | null {
  // A refused command's zod issue (command.invalid) is its `detail`, worded in the reader's language.
  const issue = refusalParams.issue;
  const params =
    issue !== null && typeof issue === 'object'
      ? { ...refusalParams, detail: validationText(issue as ValidationIssue, t.lang.code as 'ru' | 'en') }
      : refusalParams;
  const table: Readonly<Record<string, RefusalWords>> = t.refusals;
  if (!Object.hasOwn(table, key)) return null;
  const words = table[key];
  if (words === undefined) return null;
  if (typeof words === 'string') return fillParams(words, params, t);
  const count = Number(params[words.by]);
  const category = new Intl.PluralRules(t.lang.locale).select(count);
  const form = category === 'one' || category === 'few' || category === 'many' ? words[category] : words.other;
  return fillParams(form, params, t);
}
