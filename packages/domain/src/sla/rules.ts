// Resolves which rule governs a step (category and topic overrides first) and describes a rule in words.
import type { Category, Profile, StartEvent, StepId, StepRule } from '../profiles/schema';

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

const FROM_WORDS: Record<StartEvent, string> = {
  detected: 'от выявления / from detection',
  posted: 'от размещения сообщения / from posting',
  received: 'от поступления исполнителю / from receipt by the executor',
  returned: 'от возврата куратору / from the return',
  'draft-submitted': 'от поступления проекта / from the draft’s submission',
  approved: 'от согласования / from approval',
  'revision-requested': 'от направления на доработку / from the revision request',
  'intermediate-published': 'от промежуточного ответа / from the intermediate answer',
};

/** What a clock's holder kind means, in words. */
export const HOLDER_WORDS: Record<import('../profiles/schema').HolderKind, string> = {
  operator: 'оператор / operator',
  curator: 'куратор / curator',
  executor: 'исполнитель подразделения / the department’s executor',
  composer: 'исполнитель, готовящий ответ / the composing executor',
  publisher: 'публикующий / the publisher',
  case: 'тот, у кого обращение / whoever holds the case',
  department: 'подразделение (только пока обращение у него) / the department, while it has the case',
};

function amountWords(rule: Extract<StepRule, { kind: 'duration' }>): string {
  const n = rule.amount;
  switch (rule.unit) {
    case 'working-minutes':
      return n % 60 === 0
        ? `${n / 60} ч рабочего времени / ${n / 60} working hours`
        : `${n} мин рабочего времени / ${n} working minutes`;
    case 'working-days':
      return `${n} рабочих дн. / ${n} working days`;
    case 'calendar-days':
      return `${n} календарных дн. (с переносом на рабочий день) / ${n} calendar days (rolled to a working day)`;
    case 'calendar-hours':
      return `${n} ч календарного времени / ${n} calendar hours`;
    case 'idrinsky-24h':
      return '24 ч по рабочим дням, не менее 8 рабочих часов / 24 hours on working days, at least 8 working hours';
  }
}

export function describeRule(step: StepId, rule: StepRule): string {
  switch (rule.kind) {
    case 'duration':
      return `${step}: ${amountWords(rule)} ${FROM_WORDS[rule.from]} (${rule.source})`;
    case 'before': {
      const h = rule.workingMinutes % 60 === 0 ? `${rule.workingMinutes / 60} ч` : `${rule.workingMinutes} мин`;
      return `${step}: за ${h} рабочего времени до срока «${rule.step}»; если это раньше направления — середина между направлением и сроком / ${rule.workingMinutes} working minutes before '${rule.step}'; halfway from routing on a short track (${rule.source})`;
    }
    case 'same-as':
      return `${step}: в срок «${rule.step}» / due with '${rule.step}' (${rule.source})`;
  }
}
