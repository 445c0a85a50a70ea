// The sandbox's own words, Russian and English: what is wrong with a written instant (also `otklik deadline`'s) and
// with a scenario line. The decider's refusals have their own catalogue (workflow/refusals); a zod failure is worded
// by describeIssues. The reader (the CLI) picks the language, as it does for the refusals.
import { entry, fixed, type RefusalLang } from '../workflow/refusals';
import type { InstantProblem } from './instant';

const SANDBOX_MESSAGES = {
  'instant.format': entry<{ readonly text: string }>(
    (p) => `неверный момент «${p.text}»: нужен ISO-8601 со смещением от UTC, например 2026-11-24T16:00:00+03:00`,
    (p) => `malformed instant "${p.text}": expected ISO-8601 with a UTC offset, e.g. 2026-11-24T16:00:00+03:00`,
  ),
  'instant.no-such-date': entry<{ readonly text: string }>(
    (p) => `неверный момент «${p.text}»: такой даты или времени нет`,
    (p) => `malformed instant "${p.text}": no such date or time`,
  ),
  'scenario.not-json': fixed('строка не в формате JSON', 'not valid JSON'),
  'scenario.first-line': entry<{ readonly detail: string }>(
    (p) => `первая строка называет подразделения, например {"departments":["roads"]}: ${p.detail}`,
    (p) => `the first line names the departments, e.g. {"departments":["roads"]}: ${p.detail}`,
  ),
  'scenario.empty': fixed(
    'пустой сценарий: первая строка называет подразделения, например {"departments":["roads"]}',
    'empty scenario: the first line names the departments, e.g. {"departments":["roads"]}',
  ),
  'scenario.closed': fixed(
    'сценарий закрыт: после "close" команд нет',
    'the scenario is closed: no command after "close"',
  ),
  'scenario.before-previous': entry<{ readonly at: string; readonly previous: string }>(
    (p) => `at: ${p.at} раньше предыдущей команды (${p.previous})`,
    (p) => `at: ${p.at} is before the previous command (${p.previous})`,
  ),
  'scenario.unknown-actor': entry<{ readonly by: string; readonly departments: readonly string[] }>(
    (p) => `by: «${p.by}» — не operator, не curator и не подразделение сценария (${p.departments.join(', ')})`,
    (p) => `by: "${p.by}" is not operator, curator or one of the departments (${p.departments.join(', ')})`,
  ),
  'scenario.close-no-command': fixed('close — не команда решателя', 'close takes no command'),
} as const;

type SandboxMessages = typeof SANDBOX_MESSAGES;
export type SandboxMessageKey = keyof SandboxMessages;
type ParamsOf<K extends SandboxMessageKey> = Parameters<SandboxMessages[K]['ru']>[0];

/** One of the sandbox's messages in `lang`. */
export function sandboxText<K extends SandboxMessageKey>(key: K, params: ParamsOf<K>, lang: RefusalLang): string {
  return (SANDBOX_MESSAGES[key][lang] as (p: typeof params) => string)(params);
}

/** What is wrong with the written instant `text`, in `lang` (`field` names it when the instant is one of a line's). */
export function instantProblemText(text: string, problem: InstantProblem, lang: RefusalLang, field?: string): string {
  const words = sandboxText(problem === 'format' ? 'instant.format' : 'instant.no-such-date', { text }, lang);
  return field ? `${field}: ${words}` : words;
}
