// Resolves which rule governs a step (category and topic overrides first) and describes a rule in words of one
// language (the CLI's; the web app words rules through its own catalogue, components/rule-text.ts).
import type { Category, HolderKind, Profile, StartEvent, StepId, StepRule } from '../profiles/schema';
import { counted } from '../workflow/refusals';
import type { DeadlineRule } from './types';

export interface RuleContext {
  readonly category?: Category | null;
  /** krasnoufimsk p.8.3, idrinsky 3.9: high importance, on top of the category. */
  readonly high?: boolean;
  readonly topic?: string | null;
  /** The case's topic is one the organisation marked as listed (NAO p.16). */
  readonly topicListed?: boolean;
}

/** Topic names of older profiles are compared as the directory spells them, ignoring case, ё and spacing. */
export function sameTopicName(a: string, b: string): boolean {
  const norm = (x: string) => x.trim().toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

/** The rule for `step` under this classification: the first matching override, else the profile's own step rule. */
export function resolveRule(profile: Profile, step: StepId, ctx: RuleContext = {}): StepRule | undefined {
  for (const o of profile.overrides) {
    if (o.step !== step) continue;
    if (o.category && o.category !== (ctx.category ?? 'ordinary')) continue;
    if (o.high !== undefined && o.high !== (ctx.high ?? false)) continue;
    if (o.listedTopics || o.topics) {
      const listed = o.listedTopics === true && ctx.topicListed === true;
      const named = o.topics !== undefined && ctx.topic != null && o.topics.some((t) => sameTopicName(t, ctx.topic!));
      if (!listed && !named) continue;
    }
    return o.rule;
  }
  return profile.steps[step];
}

/** Steps this profile sets a limit for, in the order of the life of a message. */
export function profileSteps(profile: Profile): StepId[] {
  return Object.keys(profile.steps) as StepId[];
}

type Lang = 'ru' | 'en';
type Words = Readonly<Record<Lang, string>>;

const FROM_WORDS: Record<StartEvent, Words> = {
  detected: { ru: 'от выявления', en: 'from detection' },
  posted: { ru: 'от размещения сообщения', en: 'from posting' },
  received: { ru: 'от поступления исполнителю', en: 'from receipt by the executor' },
  returned: { ru: 'от возврата куратору', en: 'from the return' },
  'draft-submitted': { ru: 'от поступления проекта', en: 'from the draft’s submission' },
  approved: { ru: 'от согласования', en: 'from approval' },
  'revision-requested': { ru: 'от направления на доработку', en: 'from the revision request' },
  'intermediate-published': { ru: 'от промежуточного ответа', en: 'from the intermediate answer' },
};

/** What a clock's holder kind means, in each language. */
export const HOLDER_WORDS: Record<HolderKind, Words> = {
  operator: { ru: 'оператор', en: 'operator' },
  curator: { ru: 'куратор', en: 'curator' },
  executor: { ru: 'исполнитель подразделения', en: 'the department’s executor' },
  composer: { ru: 'исполнитель, готовящий ответ', en: 'the composing executor' },
  publisher: { ru: 'публикующий', en: 'the publisher' },
  case: { ru: 'тот, у кого обращение', en: 'whoever holds the case' },
  department: { ru: 'подразделение (только пока обращение у него)', en: 'the department, while it has the case' },
};

// "8 часов, 1 час, 2 часа", "30 минут", "3 рабочих дня", "8 календарных дней" (after a number, nominative).
// Each unit's forms: Russian one|few|many|other, English one|other.
const UNITS = {
  hours: ['час|часа|часов|часа', 'hour|hours'],
  minutes: ['минута|минуты|минут|минуты', 'minute|minutes'],
  workingDays: ['рабочий день|рабочих дня|рабочих дней|рабочего дня', 'working day|working days'],
  calendarDays: ['календарный день|календарных дня|календарных дней|календарного дня', 'calendar day|calendar days'],
} as const;
/** A unit's plural forms in `lang`, for `counted`. */
function unit(name: keyof typeof UNITS, lang: Lang) {
  const forms = UNITS[name][lang === 'ru' ? 0 : 1].split('|');
  return lang === 'ru'
    ? { one: forms[0]!, few: forms[1]!, many: forms[2]!, other: forms[3]! }
    : { one: forms[0]!, other: forms[1]! };
}

/** Working time: whole hours when it is ("8 часов рабочего времени"), else minutes. */
function workingTime(minutes: number, lang: Lang): string {
  const span =
    minutes % 60 === 0
      ? counted(minutes / 60, lang, unit('hours', lang))
      : counted(minutes, lang, unit('minutes', lang));
  return lang === 'ru' ? `${span} рабочего времени` : `${span} of working time`;
}

function amountWords(rule: Extract<StepRule, { kind: 'duration' }>, lang: Lang): string {
  const n = rule.amount;
  switch (rule.unit) {
    case 'working-minutes':
      return workingTime(n, lang);
    case 'working-days':
      return counted(n, lang, unit('workingDays', lang));
    case 'calendar-days':
      return `${counted(n, lang, unit('calendarDays', lang))} ${lang === 'ru' ? '(с переносом на рабочий день)' : '(rolled to a working day)'}`;
    case 'calendar-hours':
      return lang === 'ru'
        ? `${counted(n, lang, unit('hours', 'ru'))} календарного времени`
        : `${counted(n, lang, unit('hours', 'en'))} of calendar time`;
    case 'idrinsky-24h':
      return lang === 'ru'
        ? '24 часа по рабочим дням, не менее 8 рабочих часов'
        : '24 hours on working days, at least 8 working hours';
  }
}

/** A step's rule in one language, with the paragraph it comes from: "answer: 8 часов рабочего времени от выявления
 *  (p.10)". */
export function describeRule(step: StepId, rule: StepRule, lang: Lang): string {
  switch (rule.kind) {
    case 'duration':
      return `${step}: ${amountWords(rule, lang)} ${FROM_WORDS[rule.from][lang]} (${rule.source})`;
    case 'before':
      return lang === 'ru'
        ? `${step}: за ${workingTime(rule.workingMinutes, 'ru')} до срока «${rule.step}»; если это раньше направления — середина между направлением и сроком (${rule.source})`
        : `${step}: ${workingTime(rule.workingMinutes, 'en')} before '${rule.step}'; halfway from routing on a short track (${rule.source})`;
    case 'same-as':
      return lang === 'ru'
        ? `${step}: в срок «${rule.step}» (${rule.source})`
        : `${step}: due with '${rule.step}' (${rule.source})`;
  }
}

/** How a deadline was reached, in one language: each part's rule, and whether it ran a short track or the curator
 *  shortened it ("draft: …; короткий срок: середина; answer: …"). A clock stored before the parts were kept (a
 *  two-language text) gives its half in this language. */
export function deadlineRuleText(rule: DeadlineRule | string, lang: Lang): string {
  if (typeof rule === 'string') {
    const halves = rule.split(' / ');
    return halves.length === 2 ? halves[lang === 'ru' ? 0 : 1]!.trim() : rule;
  }
  return rule
    .map((part) =>
      [
        describeRule(part.step, part.rule, lang),
        ...(part.shortTrack ? [lang === 'ru' ? 'короткий срок: середина' : 'short track: halfway'] : []),
        ...(part.shortened ? [lang === 'ru' ? 'сокращён куратором' : 'shortened by the curator'] : []),
      ].join('; '),
    )
    .join('; ');
}
