// Counted phrases follow the language's plural rule; rule sources get one prefix ("п. 10", never "п. p.10").
import { getPreset } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { ruleText } from '../components/rule-text';
import { en } from './en';
import { plural } from './index';
import { ru } from './ru';

describe('plural', () => {
  it('Russian: 1 срочное, 2 и 4 срочных, 5 и 11 срочных, 21 срочное', () => {
    const more = (n: number) => plural(ru.notifications.more, n, 'ru-RU');
    expect(more(1)).toBe('и ещё 1 срочное');
    expect(more(2)).toBe('и ещё 2 срочных');
    expect(more(4)).toBe('и ещё 4 срочных');
    expect(more(5)).toBe('и ещё 5 срочных');
    expect(more(11)).toBe('и ещё 11 срочных');
    expect(more(21)).toBe('и ещё 21 срочное');
    expect(plural(ru.notifications.unread, 1, 'ru-RU')).toBe('1 непрочитанное');
    expect(plural(en.notifications.unread, 3, 'en-GB')).toBe('3 unread');
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
