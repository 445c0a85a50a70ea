// A profile's words from keys and parts: a refused custom profile (`regulation.invalid`) and a clock's rule, in
// Russian and in English, and what was stored before the keys still read.
import { describe, expect, it } from 'vitest';
import { zClock } from './case-clocks';
import { profileIssueText, zDeadlineRule } from './profile-messages';
import { bilingualServerMessage, serverMessageIn } from './server-messages';

describe('regulation.invalid', () => {
  const params = {
    path: 'steps.triage.amount',
    issue: { key: 'profile-issue.too-short', params: { min: 2 } },
  };
  it("words the profile's first problem from its key, in each language, by the plural rule", () => {
    expect(serverMessageIn('regulation.invalid', params, 'ru')).toBe(
      'Профиль содержит ошибки: steps.triage.amount: Слишком коротко: не меньше 2 символов',
    );
    expect(serverMessageIn('regulation.invalid', params, 'en')).toBe(
      'the profile is invalid: steps.triage.amount: too short: at least 2 characters',
    );
    expect(bilingualServerMessage('regulation.invalid', params)).toContain('не меньше 2 символов');
  });
  it("still words a server's answer from before the keys (a two-language detail)", () => {
    const old = { path: 'timeZone', detail: 'неизвестный часовой пояс «X» / unknown time zone' };
    expect(serverMessageIn('regulation.invalid', old, 'en')).toBe(
      'the profile is invalid: timeZone: unknown time zone',
    );
  });
  it('has a word for every key the domain reports', () => {
    expect(profileIssueText({ key: 'profile-issue.step-not-defined', params: { step: 'answer' } }, 'ru')).toBe(
      'Шаг «answer» не задан',
    );
  });
});

describe("a clock's rule", () => {
  const clock = {
    id: 'answer@1',
    step: 'answer',
    kind: 'overall',
    startedAt: 0,
    dueAt: 1,
    confirmed: true,
    status: 'on-track',
    remainingWorkingMinutes: 1,
    totalWorkingMinutes: 1,
    atRiskAt: 0,
    responsible: { role: 'curator', personId: null, departmentId: null },
    holders: [],
    holder: 'case',
    breachAt: 1,
  } as const;
  const parts = [
    {
      step: 'answer',
      rule: { kind: 'duration', amount: 480, unit: 'working-minutes', from: 'detected', source: 'p.10' },
      shortened: true,
    },
  ];
  it('travels as parts, and a clock stored before the parts (its text) is still valid', () => {
    expect(zClock.parse({ ...clock, rule: parts }).rule).toEqual(parts);
    expect(zClock.parse({ ...clock, rule: 'answer: 8 ч / 8 h' }).rule).toBe('answer: 8 ч / 8 h');
    expect(zDeadlineRule.safeParse([{ step: 'answer', rule: { kind: 'nonsense' } }]).success).toBe(false);
  });
});
