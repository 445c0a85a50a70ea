// Validates profile data (a preset or an administrator's custom profile) and names the field of every problem.
// Profiles stored before the clock model existed get the clock model, categories and chain handoff of the preset
// they were based on; without one, the missing fields are reported, never guessed.
import type { z } from 'zod';
import { isTimeZone } from '../calendar/zone';
import { isProfileIssueKey, type ProfileIssue, type ProfileIssueKey, type ProfileIssueParams } from './messages';
import type { ParseProfileResult, Profile } from './schema';
import { zProfile } from './schema';

const bound = (value: unknown): string | number =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? value.toString() : String(value);

const issue = (path: string, key: ProfileIssueKey, params: ProfileIssueParams = {}): ProfileIssue => ({
  path,
  key,
  params,
});

/**
 * A zod issue as a key of the profile catalogue (messages.ts) and its parameters. The schema's own messages are
 * already keys; zod's generic ones ("Invalid input: expected number, received NaN") become what a person filling the
 * form needs to hear.
 */
export function profileIssueOf(path: string, zodIssue: z.core.$ZodIssue): ProfileIssue {
  if (isProfileIssueKey(zodIssue.message)) return issue(path, zodIssue.message);
  switch (zodIssue.code) {
    case 'invalid_type':
      if (zodIssue.expected === 'int') return issue(path, 'profile-issue.whole-number');
      if (zodIssue.expected === 'number') return issue(path, 'profile-issue.number');
      if (zodIssue.input === undefined) return issue(path, 'profile-issue.required');
      return issue(path, 'profile-issue.wrong-type');
    case 'too_small': {
      const min = bound(zodIssue.minimum);
      if (zodIssue.origin === 'string') return issue(path, 'profile-issue.too-short', { min });
      return issue(path, zodIssue.inclusive ? 'profile-issue.at-least' : 'profile-issue.more-than', { min });
    }
    case 'too_big': {
      const max = bound(zodIssue.maximum);
      if (zodIssue.origin === 'string') return issue(path, 'profile-issue.too-long', { max });
      return issue(path, zodIssue.inclusive ? 'profile-issue.at-most' : 'profile-issue.less-than', { max });
    }
    case 'invalid_value':
      return issue(path, 'profile-issue.not-allowed');
    case 'invalid_format':
      return issue(path, 'profile-issue.invalid-format');
    case 'not_multiple_of':
      return issue(path, 'profile-issue.multiple-of', { divisor: bound(zodIssue.divisor) });
    default:
      return issue(path, 'profile-issue.invalid');
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
        issues.push(issue(`steps.${step}.step`, 'profile-issue.circular-reference', { step: target }));
        break;
      }
      const next = profile.steps[target as keyof typeof profile.steps];
      if (!next) {
        issues.push(issue(`steps.${step}.step`, 'profile-issue.step-not-defined', { step: target }));
        break;
      }
      if (next.kind === 'duration') break;
      seen.add(target);
      target = next.step;
    }
  }
  for (const [i, rule] of Object.entries(profile.steps)) {
    if (rule?.kind === 'duration' && rule.unit === 'idrinsky-24h' && rule.amount !== 1) {
      issues.push(issue(`steps.${i}.amount`, 'profile-issue.idrinsky-amount'));
    }
  }
  profile.overrides.forEach((o, i) => {
    if (!o.category && o.high === undefined && !o.topics && !o.listedTopics) {
      issues.push(issue(`overrides.${i}`, 'profile-issue.override-condition'));
    }
    if (o.rule.kind !== 'duration' && !profile.steps[o.rule.step]) {
      issues.push(issue(`overrides.${i}.rule.step`, 'profile-issue.step-not-defined', { step: o.rule.step }));
    }
  });
  for (const [id, spec] of Object.entries(profile.clocks)) {
    if (!spec || spec.limit === null) continue;
    if (!profile.steps[spec.limit]) {
      issues.push(issue(`clocks.${id}.limit`, 'profile-issue.step-not-defined', { step: spec.limit }));
    }
  }
  const total = profile.clocks['department-total'];
  const totalRule = total?.limit ? profile.steps[total.limit] : undefined;
  if (totalRule && (totalRule.kind !== 'duration' || !['working-minutes', 'calendar-hours'].includes(totalRule.unit))) {
    issues.push(issue('clocks.department-total.limit', 'profile-issue.department-total-unit'));
  }
  profile.overrides.forEach((o, i) => {
    const rule = o.step === 'department-total' ? o.rule : null;
    if (rule && (rule.kind !== 'duration' || !['working-minutes', 'calendar-hours'].includes(rule.unit))) {
      issues.push(issue(`overrides.${i}.rule`, 'profile-issue.department-total-unit'));
    }
  });
  if (profile.chain.forwarded && !profile.chain.modes.includes('sequential')) {
    issues.push(issue('chain.forwarded', 'profile-issue.forwarding-sequential'));
  }
  if (!isTimeZone(profile.timeZone)) {
    issues.push(issue('timeZone', 'profile-issue.unknown-time-zone', { timeZone: profile.timeZone }));
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
      errors: filled.missing.map((path) => issue(path, 'profile-issue.clock-model-field')),
    };
  }
  const parsed = zProfile.safeParse(filled.data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.flatMap((zodIssue) => {
        const path = zodIssue.path.map(String);
        // An unknown key (e.g. a step name that does not exist) is reported at the key itself.
        if (zodIssue.code === 'unrecognized_keys') {
          return zodIssue.keys.map((key) =>
            issue([...path, key].join('.'), 'profile-issue.unknown-field', { field: key }),
          );
        }
        return [profileIssueOf(path.join('.') || '(root)', zodIssue)];
      }),
    };
  }
  const errors = checkReferences(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, profile: parsed.data };
}
