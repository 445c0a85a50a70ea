// Counted phrases follow the language's plural rule; rule sources get one prefix ("п. 10", never "п. p.10").
import { getPreset } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { deadlineRuleWords, ruleText } from '../components/rule-text';
import { en } from './en';
import { plural } from './index';
import { type Catalogue, ru } from './ru';

/** Counts that show every Russian plural form: one (1, 21), few (2), many (5, 11). */
const RUSSIAN_COUNTS = [1, 2, 5, 11, 21];
/** A phrase at each of RUSSIAN_COUNTS, listed as "a, b, …". */
const russianForms = (say: (n: number) => string) => RUSSIAN_COUNTS.map(say).join(', ');

describe('plural', () => {
  it('Russian: 1 срочное, 2 и 4 срочных, 5 и 11 срочных, 21 срочное', () => {
    const more = (n: number) => plural(ru.notifications.more, n, 'ru-RU');
    expect(more(1)).toBe('и ещё 1 срочное');
    expect(more(2)).toBe('и ещё 2 срочных');
    expect(more(4)).toBe('и ещё 4 срочных');
    expect(more(5)).toBe('и ещё 5 срочных');
    expect(more(11)).toBe('и ещё 11 срочных');
    expect(more(21)).toBe('и ещё 21 срочное');
    expect(plural(en.notifications.unread, 3, 'en-GB')).toBe('3 unread');
  });

  it('Russian: 1 непрочитанное, 2 непрочитанных, 5, 11 непрочитанных, 21 непрочитанное', () => {
    expect(russianForms((n) => plural(ru.notifications.unread, n, 'ru-RU'))).toBe(
      '1 непрочитанное, 2 непрочитанных, 5 непрочитанных, 11 непрочитанных, 21 непрочитанное',
    );
  });

  it('a surge counts its messages: 1 обращение, 2 обращения, 5 и 11 обращений, 21 обращение', () => {
    expect(russianForms((n) => plural(ru.head.surgeCases, n, 'ru-RU'))).toBe(
      '1 обращение, 2 обращения, 5 обращений, 11 обращений, 21 обращение',
    );
    expect(plural(en.head.surgeCases, 1, 'en-GB')).toBe('1 message');
    expect(plural(en.head.surgeCases, 21, 'en-GB')).toBe('21 messages');
  });

  it('the password rule counts characters: 10 символов, 21 символа', () => {
    expect(plural(ru.account.rule, 10, 'ru-RU')).toMatch(/^Не короче 10 символов,/);
    expect(plural(ru.account.rule, 21, 'ru-RU')).toMatch(/^Не короче 21 символа,/);
    expect(plural(en.account.rule, 1, 'en-GB')).toMatch(/^At least 1 character,/);
  });
});

describe('rule amounts', () => {
  const days = (n: number, unit: 'working-days' | 'calendar-days', t: Catalogue = ru) =>
    ruleText({ kind: 'duration', amount: n, unit, from: 'detected', source: 'p.1' }, t);
  it('Russian: 1 рабочий день, 2 рабочих дня, 5 и 11 рабочих дней, 21 рабочий день', () => {
    expect(russianForms((n) => days(n, 'working-days'))).toBe(
      '1 рабочий день от выявления (п. 1), 2 рабочих дня от выявления (п. 1), 5 рабочих дней от выявления (п. 1), ' +
        '11 рабочих дней от выявления (п. 1), 21 рабочий день от выявления (п. 1)',
    );
    expect(days(8, 'calendar-days')).toBe('8 календарных дней (с переносом на рабочий день) от выявления (п. 1)');
  });
  it('English: 1 working hour, 7 working days', () => {
    const hour = ruleText(
      { kind: 'duration', amount: 60, unit: 'working-minutes', from: 'detected', source: 'p.13' },
      en,
    );
    expect(hour).toBe('1 working hour from detection (p. 13)');
    expect(days(7, 'working-days', en)).toBe('7 working days from detection (p. 1)');
  });
});

describe('rule sources', () => {
  it('nao-2020 p.17 reads "п. 17" in Russian and "p. 17" in English', () => {
    const draft = getPreset('nao-2020')!.steps.draft!;
    expect(ruleText(draft, ru)).toContain('(п. 17)');
    expect(ruleText(draft, ru)).not.toContain('p.17');
    expect(ruleText(draft, en)).toContain('(p. 17)');
  });
});

describe("a deadline's rule as the clock says it was reached", () => {
  const draft = getPreset('nao-2020')!.steps.draft!;
  const answer = getPreset('nao-2020')!.steps.answer!;
  const parts = [
    { step: 'draft', rule: draft, shortTrack: true },
    { step: 'answer', rule: answer, shortened: true },
  ] as const;
  it('words each part, its short track and the shortening in the current language', () => {
    expect(deadlineRuleWords(parts, ru)).toBe(
      'за 4 ч рабочего времени до срока «ответ» (п. 17); короткий срок: середина между началом и сроком; ' +
        'ответ: 8 ч рабочего времени от выявления (п. 16); сокращён куратором',
    );
    expect(deadlineRuleWords(parts, en)).toBe(
      "4 working hours before the 'answer' deadline (p. 17); short track: halfway from the start to the deadline; " +
        'answer: 8 working hours from detection (p. 16); shortened by the curator',
    );
  });
});
