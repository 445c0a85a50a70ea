// A deadline's rule in words of one language (the CLI's): counted words by the plural rule, and a clock stored
// before the rule's parts were kept still read.
import { describe, expect, it } from 'vitest';
import type { DurationUnit } from '../profiles/schema';
import { deadlineRuleText, describeRule, HOLDER_WORDS } from './rules';

const rule = (amount: number, unit: DurationUnit) =>
  ({ kind: 'duration', amount, unit, from: 'detected', source: 'p.1' }) as const;

describe('describeRule', () => {
  it('counts by the plural rule of the language', () => {
    const ru = [1, 2, 5, 11, 21].map((n) => describeRule('final', rule(n, 'working-days'), 'ru'));
    expect(ru).toEqual([
      'final: 1 рабочий день от выявления (p.1)',
      'final: 2 рабочих дня от выявления (p.1)',
      'final: 5 рабочих дней от выявления (p.1)',
      'final: 11 рабочих дней от выявления (p.1)',
      'final: 21 рабочий день от выявления (p.1)',
    ]);
    expect(describeRule('final', rule(1, 'working-days'), 'en')).toBe('final: 1 working day from detection (p.1)');
    expect(describeRule('final', rule(7, 'working-days'), 'en')).toBe('final: 7 working days from detection (p.1)');
    // Working minutes in whole hours are hours: "1 час", "2 часа", "5 часов"; else minutes.
    expect([60, 120, 300, 90].map((m) => describeRule('answer', rule(m, 'working-minutes'), 'ru'))).toEqual([
      'answer: 1 час рабочего времени от выявления (p.1)',
      'answer: 2 часа рабочего времени от выявления (p.1)',
      'answer: 5 часов рабочего времени от выявления (p.1)',
      'answer: 90 минут рабочего времени от выявления (p.1)',
    ]);
    expect(describeRule('answer', rule(60, 'working-minutes'), 'en')).toBe(
      'answer: 1 hour of working time from detection (p.1)',
    );
    expect(describeRule('final', rule(8, 'calendar-days'), 'ru')).toBe(
      'final: 8 календарных дней (с переносом на рабочий день) от выявления (p.1)',
    );
    expect(describeRule('draft', rule(24, 'calendar-hours'), 'en')).toBe(
      'draft: 24 hours of calendar time from detection (p.1)',
    );
  });

  it('says the same-as rule in each language', () => {
    const sameAs = { kind: 'same-as', step: 'answer', source: '3.3' } as const;
    expect(describeRule('explain', sameAs, 'ru')).toBe('explain: в срок «answer» (3.3)');
    expect(describeRule('explain', sameAs, 'en')).toBe("explain: due with 'answer' (3.3)");
  });

  it('words a holder kind in each language', () => {
    expect(HOLDER_WORDS.case).toEqual({ ru: 'тот, у кого обращение', en: 'whoever holds the case' });
  });
});

describe('deadlineRuleText', () => {
  it('joins the parts and their marks', () => {
    const parts = [{ step: 'answer', rule: rule(480, 'working-minutes'), shortened: true }] as const;
    expect(deadlineRuleText(parts, 'ru')).toBe(
      'answer: 8 часов рабочего времени от выявления (p.1); сокращён куратором',
    );
    expect(deadlineRuleText(parts, 'en')).toBe(
      'answer: 8 hours of working time from detection (p.1); shortened by the curator',
    );
  });

  it('reads a clock stored before the parts: the half of its text in the language, else the whole text', () => {
    expect(deadlineRuleText('answer: в срок «draft» / due with draft', 'en')).toBe('due with draft');
    expect(deadlineRuleText('answer: в срок «draft» / due with draft', 'ru')).toBe('answer: в срок «draft»');
    const interleaved = 'answer: 8 ч рабочего времени / 8 working hours от выявления / from detection (p.10)';
    expect(deadlineRuleText(interleaved, 'ru')).toBe(interleaved);
  });
});
