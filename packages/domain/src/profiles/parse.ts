// Validates profile data (a preset or an administrator's custom profile) and names the field of every problem.
import type { ParseProfileResult, ProfileIssue } from './schema';
import { zProfile } from './schema';

/** Cross-field rules zod's shape cannot express: references between steps must resolve, without cycles. */
function checkReferences(profile: import('./schema').Profile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  if (!profile.steps[profile.overallStep]) {
    issues.push({
      path: 'overallStep',
      message: `шаг «${profile.overallStep}» не задан в steps / step '${profile.overallStep}' is not defined in steps`,
    });
  }
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
    if (!o.category && !o.topics) {
      issues.push({ path: `overrides.${i}`, message: 'укажите категорию или темы / give a category or topics' });
    }
    if (o.rule.kind !== 'duration' && !profile.steps[o.rule.step]) {
      issues.push({
        path: `overrides.${i}.rule.step`,
        message: `шаг «${o.rule.step}» не задан / step '${o.rule.step}' is not defined`,
      });
    }
  });
  if (!isValidTimeZone(profile.timeZone)) {
    issues.push({ path: 'timeZone', message: `неизвестный часовой пояс «${profile.timeZone}» / unknown time zone` });
  }
  return issues;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function parseProfile(data: unknown): ParseProfileResult {
  const parsed = zProfile.safeParse(data);
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
        return [{ path: path.join('.') || '(root)', message: issue.message }];
      }),
    };
  }
  const errors = checkReferences(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, profile: parsed.data };
}
