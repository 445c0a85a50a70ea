// Validates profile data (a preset or an administrator's custom profile) and names the field of every problem.
// Profiles stored before the clock model existed get the clock model, categories and chain handoff of the preset
// they were based on; without one, the missing fields are reported, never guessed.
import type { z } from 'zod';
import { isTimeZone } from '../calendar/zone';
import type { ParseProfileResult, Profile, ProfileIssue } from './schema';
import { zProfile } from './schema';

const bound = (value: unknown) => (typeof value === 'bigint' ? value.toString() : String(value));

/**
 * A zod issue in the reader's words, Russian first, English second. The schema's own messages are already written
 * so ("должно быть больше нуля / must be positive"); zod's generic English ones ("Invalid input: expected number,
 * received NaN") are replaced by what a person filling the form needs to hear.
 */
export function profileIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.message.includes(' / ')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'введите целое число / enter a whole number';
      if (issue.expected === 'number') return 'введите число, например 30 или 0,25 / enter a number, e.g. 30 or 0.25';
      if (issue.input === undefined) return 'обязательное поле / required';
      return 'неверный тип значения / wrong kind of value';
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin === 'string') return `слишком коротко: не меньше ${min} симв. / too short: at least ${min}`;
      return issue.inclusive ? `не меньше ${min} / at least ${min}` : `больше ${min} / more than ${min}`;
    }
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin === 'string') return `слишком длинно: не больше ${max} симв. / too long: at most ${max}`;
      return issue.inclusive ? `не больше ${max} / at most ${max}` : `меньше ${max} / less than ${max}`;
    }
    case 'invalid_value':
      return 'недопустимое значение / not an allowed value';
    case 'invalid_format':
      return 'неверный формат / invalid format';
    case 'not_multiple_of':
      return `должно быть кратно ${bound(issue.divisor)} / must be a multiple of ${bound(issue.divisor)}`;
    default:
      return 'неверное значение / invalid value';
  }
}

export interface ParseProfileOptions {
  /** The preset a custom profile was copied from: fills the fields older profiles lack. */
  readonly base?: Profile | null;
}

/** Cross-field rules zod's shape cannot express: references between steps must resolve, without cycles. */
function checkReferences(profile: Profile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  for (const [step, rule] of Object.entries(profile.steps)) {
    if (!rule || rule.kind === 'duration') continue;
    // Follow the chain of references; a missing target or a loop makes the deadline undefined.
    const seen = new Set<string>([step]);
    let target: string = rule.step;
    for (;;) {
      if (seen.has(target)) {
        issues.push({
          path: `steps.${step}.step`,
          message: `циклическая ссылка на «${target}» / circular reference to '${target}'`,
        });
        break;
      }
      const next = profile.steps[target as keyof typeof profile.steps];
      if (!next) {
        issues.push({
          path: `steps.${step}.step`,
          message: `шаг «${target}» не задан / step '${target}' is not defined`,
        });
        break;
      }
      if (next.kind === 'duration') break;
      seen.add(target);
      target = next.step;
    }
  }
  for (const [i, rule] of Object.entries(profile.steps)) {
    if (rule?.kind === 'duration' && rule.unit === 'idrinsky-24h' && rule.amount !== 1) {
      issues.push({
        path: `steps.${i}.amount`,
        message: 'для правила 24 часов amount = 1 / the 24-hour rule takes amount 1',
      });
    }
  }
  profile.overrides.forEach((o, i) => {
    if (!o.category && o.high === undefined && !o.topics && !o.listedTopics) {
      issues.push({
        path: `overrides.${i}`,
        message: 'укажите категорию, важность или темы / give a category, the importance or topics',
      });
    }
    if (o.rule.kind !== 'duration' && !profile.steps[o.rule.step]) {
      issues.push({
        path: `overrides.${i}.rule.step`,
        message: `шаг «${o.rule.step}» не задан / step '${o.rule.step}' is not defined`,
      });
    }
  });
  for (const [id, spec] of Object.entries(profile.clocks)) {
    if (!spec || spec.limit === null) continue;
    if (!profile.steps[spec.limit]) {
      issues.push({
        path: `clocks.${id}.limit`,
        message: `шаг «${spec.limit}» не задан в steps / step '${spec.limit}' is not defined in steps`,
      });
    }
  }
  const total = profile.clocks['department-total'];
  const totalRule = total?.limit ? profile.steps[total.limit] : undefined;
  if (totalRule && (totalRule.kind !== 'duration' || !['working-minutes', 'calendar-hours'].includes(totalRule.unit))) {
    issues.push({
      path: 'clocks.department-total.limit',
      message:
        'общий срок подразделения задаётся в рабочих минутах или календарных часах / the department total is counted in working minutes or calendar hours',
    });
  }
  profile.overrides.forEach((o, i) => {
    const rule = o.step === 'department-total' ? o.rule : null;
    if (rule && (rule.kind !== 'duration' || !['working-minutes', 'calendar-hours'].includes(rule.unit))) {
      issues.push({
        path: `overrides.${i}.rule`,
        message:
          'общий срок подразделения задаётся в рабочих минутах или календарных часах / the department total is counted in working minutes or calendar hours',
      });
    }
  });
  if (profile.chain.forwarded && !profile.chain.modes.includes('sequential')) {
    issues.push({
      path: 'chain.forwarded',
      message:
        'пересылка куратором возможна только в последовательной цепочке / forwarding by the curator needs a sequential chain',
    });
  }
  if (!isTimeZone(profile.timeZone)) {
    issues.push({ path: 'timeZone', message: `неизвестный часовой пояс «${profile.timeZone}» / unknown time zone` });
  }
  return issues;
}

/** Fields added with the clock model: taken from the base preset when a stored profile lacks them. */
function withBaseDefaults(data: unknown, base: Profile | null | undefined): { data: unknown; missing: string[] } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { data, missing: [] };
  const d = { ...(data as Record<string, unknown>) };
  const missing: string[] = [];
  if (d.clocks === undefined) {
    if (base) d.clocks = base.clocks;
    else missing.push('clocks');
  }
  if (d.categories === undefined) {
    if (base) d.categories = base.categories;
    else missing.push('categories');
  }
  const chain = d.chain;
  if (chain && typeof chain === 'object' && !Array.isArray(chain) && !('forwarded' in chain)) {
    if (base) d.chain = { ...chain, forwarded: base.chain.forwarded };
    else missing.push('chain.forwarded');
  }
  return { data: d, missing };
}

export function parseProfile(data: unknown, options: ParseProfileOptions = {}): ParseProfileResult {
  const filled = withBaseDefaults(data, options.base);
  if (filled.missing.length > 0) {
    return {
      ok: false,
      errors: filled.missing.map((path) => ({
        path,
        message:
          'поле появилось вместе с моделью сроков; укажите его или профиль-основу / this field came with the clock model: give it, or the preset the profile is based on',
      })),
    };
  }
  const parsed = zProfile.safeParse(filled.data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.flatMap((issue) => {
        const path = issue.path.map(String);
        // An unknown key (e.g. a step name that does not exist) is reported at the key itself.
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({
            path: [...path, key].join('.'),
            message: `неизвестное поле «${key}» / unknown field '${key}'`,
          }));
        }
        return [{ path: path.join('.') || '(root)', message: profileIssueMessage(issue) }];
      }),
    };
  }
  const errors = checkReferences(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, profile: parsed.data };
}
