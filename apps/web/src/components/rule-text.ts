// A regulation rule in words of the current language, with the paragraph it comes from, e.g.
// "8 ч рабочего времени от выявления (п. p.10)": how a deadline was computed, for the workspace and the admin.
import type { DeadlineRule, StepRule } from '@otklik/domain';
import { fill, plural } from '../i18n';
import type { Catalogue } from '../i18n/ru';

function amount(rule: Extract<StepRule, { kind: 'duration' }>, t: Catalogue): string {
  const n = rule.amount;
  const locale = t.lang.locale;
  switch (rule.unit) {
    case 'working-minutes':
      return n % 60 === 0 ? plural(t.rules.workingHours, n / 60, locale) : plural(t.rules.workingMinutes, n, locale);
    case 'working-days':
      return plural(t.rules.workingDays, n, locale);
    case 'calendar-days':
      return plural(t.rules.calendarDays, n, locale);
    case 'calendar-hours':
      return plural(t.rules.calendarHours, n, locale);
    case 'idrinsky-24h':
      return t.rules.idrinsky;
  }
}

export function ruleText(rule: StepRule, t: Catalogue): string {
  // Profiles write their sources as "p.10" (or "п. 10"): the catalogue adds its own prefix, so it is taken off here
  // ("п. p.10" was shown).
  const source = fill(t.rules.source, { source: rule.source.replace(/^\s*(?:p\.|п\.)\s*/i, '') });
  switch (rule.kind) {
    case 'duration':
      return `${amount(rule, t)} ${t.rules.from[rule.from]} (${source})`;
    case 'before': {
      const m = rule.workingMinutes;
      const locale = t.lang.locale;
      // In the same words as a duration's working time ("4 ч рабочего времени", "4 working hours").
      const time =
        m % 60 === 0 ? plural(t.rules.workingHours, m / 60, locale) : plural(t.rules.workingMinutes, m, locale);
      return `${fill(t.rules.before, { time, step: t.steps[rule.step] })} (${source})`;
    }
    case 'same-as':
      return `${fill(t.rules.sameAs, { step: t.steps[rule.step] })} (${source})`;
  }
}

/** How a deadline was reached, in the current language: the rule that applied to the clock's step (an override
 *  included), whether it ran a short track or the curator shortened it, then the deadline of the step it follows
 *  ("за 4 ч рабочего времени до срока «Ответ» (п. 17); Ответ: 8 ч рабочего времени от выявления (п. 10)"). */
export function deadlineRuleWords(rule: DeadlineRule, t: Catalogue): string {
  return rule
    .map((part, i) =>
      [
        i === 0 ? ruleText(part.rule, t) : `${t.steps[part.step]}: ${ruleText(part.rule, t)}`,
        ...(part.shortTrack ? [t.rules.shortTrack] : []),
        ...(part.shortened ? [t.rules.shortened] : []),
      ].join('; '),
    )
    .join('; ');
}
