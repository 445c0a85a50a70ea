// parseProfile: the presets are valid data; bad custom profiles are refused with the failing field named.
import { describe, expect, it } from 'vitest';
import { profileIssueText, profileTextIn } from './messages';
import { parseProfile } from './parse';
import { PRESET_IDS, PRESETS } from './presets';
import { konyshevsky2020 } from './presets/konyshevsky-2020';
import { STEP_IDS } from './schema';

const paths = (data: unknown) => {
  const r = parseProfile(data);
  return r.ok ? [] : r.errors.map((e) => e.path);
};

describe('presets', () => {
  it('ships the five presets with their time zones', () => {
    expect(Object.fromEntries(PRESET_IDS.map((id) => [id, PRESETS[id]?.timeZone]))).toEqual({
      'konyshevsky-2020': 'Europe/Moscow',
      'idrinsky-2021': 'Asia/Krasnoyarsk',
      'slavgorod-2020': 'Asia/Barnaul',
      'krasnoufimsk-2021': 'Asia/Yekaterinburg',
      'nao-2020': 'Europe/Moscow',
    });
  });
  it.each(PRESET_IDS)('%s round-trips through parseProfile and cites a paragraph for every step and clock', (id) => {
    const p = PRESETS[id]!;
    expect(parseProfile(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, profile: p });
    for (const rule of Object.values(p.steps)) expect(rule?.source).toMatch(/^(p\.\d+|\d\.\d+)$/);
    for (const clock of Object.values(p.clocks)) expect(clock?.source).toMatch(/^(p\.\d+|\d\.\d+)$/);
    expect(p.atRiskShare).toBe(0.25);
  });
  it('sets the table steps of REGULATIONS.md "Deadlines per preset"', () => {
    const steps = Object.fromEntries(PRESET_IDS.map((id) => [id, Object.keys(PRESETS[id]!.steps).sort()]));
    // konyshevsky and NAO have the same steps; krasnoufimsk adds its fast track.
    const SHARED_STEPS = [
      'answer',
      'approve',
      'contribution',
      'draft',
      'final',
      'publish',
      'reroute',
      'return',
      'revise',
      'triage',
    ];
    expect(steps).toEqual({
      'konyshevsky-2020': SHARED_STEPS,
      'idrinsky-2021': ['answer', 'department-total', 'draft', 'explain', 'publish', 'revise', 'triage'],
      'slavgorod-2020': ['draft', 'final'],
      'krasnoufimsk-2021': [...SHARED_STEPS, 'fast-track'].sort(),
      'nao-2020': SHARED_STEPS,
    });
    expect(STEP_IDS).toHaveLength(13);
  });
});

describe('custom profiles', () => {
  it('accepts a copy of a preset with changed numbers, defaults filled in', () => {
    const { atRiskShare: _drop, ...rest } = konyshevsky2020;
    const r = parseProfile({
      ...rest,
      id: 'my-district',
      steps: {
        ...rest.steps,
        approve: { kind: 'duration', amount: 15, unit: 'working-minutes', from: 'draft-submitted', source: 'п. 5' },
      },
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.profile.atRiskShare).toBe(0.25);
      expect(r.profile.steps.approve).toMatchObject({ amount: 15 });
    }
  });
  /** konyshevsky with one step's rule replaced (or an unknown step added). */
  const withStep = (step: string, rule: unknown) => ({
    ...konyshevsky2020,
    steps: { ...konyshevsky2020.steps, [step]: rule },
  });
  it.each<[string, unknown]>([
    ['id', { ...konyshevsky2020, id: 'Мой профиль' }],
    ['timeZone', { ...konyshevsky2020, timeZone: 'Mars/Olympus' }],
    // An offset is not a zone: it knows no daylight-saving or legal changes of the place.
    ['timeZone', { ...konyshevsky2020, timeZone: '+03:00' }],
    [
      'steps.triage.amount',
      withStep('triage', { kind: 'duration', amount: -5, unit: 'working-minutes', from: 'detected', source: 'p.7' }),
    ],
    [
      'steps.triage.unit',
      withStep('triage', { kind: 'duration', amount: 5, unit: 'fortnights', from: 'detected', source: 'p.7' }),
    ],
    ['steps.lunch', withStep('lunch', { kind: 'same-as', step: 'answer', source: 'p.1' })],
    ['atRiskShare', { ...konyshevsky2020, atRiskShare: 1.5 }],
    ['publisher', { ...konyshevsky2020, publisher: 'head' }],
    ['rejectionGrounds', { ...konyshevsky2020, rejectionGrounds: [] }],
    [
      'steps.approve.source',
      withStep('approve', {
        kind: 'duration',
        amount: 30,
        unit: 'working-minutes',
        from: 'draft-submitted',
        source: '',
      }),
    ],
  ])('names the field of the problem: %s', (path, data) => {
    expect(paths(data)).toEqual([path]);
  });
  it('refuses references to missing steps and circular references', () => {
    const { answer: _a, ...noAnswer } = konyshevsky2020.steps;
    expect(paths({ ...konyshevsky2020, steps: noAnswer })).toEqual(['steps.draft.step', 'clocks.answer.limit']);
    const loop = {
      ...konyshevsky2020.steps,
      approve: { kind: 'same-as', step: 'publish', source: 'x' },
      publish: { kind: 'same-as', step: 'approve', source: 'x' },
    };
    expect(paths({ ...konyshevsky2020, steps: loop })).toEqual(['steps.approve.step', 'steps.publish.step']);
    expect(
      paths({
        ...konyshevsky2020,
        overrides: [
          {
            step: 'answer',
            rule: { kind: 'duration', amount: 1, unit: 'working-days', from: 'detected', source: 'x' },
          },
        ],
      }),
    ).toEqual(['overrides.0']);
  });
  it('reads a profile stored before the clock model: the base preset fills what it lacks, else it says so', () => {
    // What an administrator's copy of konyshevsky-2020 looked like before: no clocks, categories or chain.forwarded;
    // overallStep/triageEndsAt and a `category: 'high'` override.
    const { clocks: _c, categories: _k, chain, ...old } = konyshevsky2020;
    const stored = {
      ...old,
      id: 'old-copy',
      chain: { modes: chain.modes, source: chain.source },
      overallStep: 'answer',
      triageEndsAt: 'triaged',
      overrides: [
        {
          step: 'answer',
          category: 'high',
          rule: { kind: 'duration', amount: 120, unit: 'working-minutes', from: 'detected', source: 'п. 3' },
        },
      ],
    };
    const base = PRESETS['konyshevsky-2020'];
    const r = parseProfile(stored, { base });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.profile.clocks).toEqual(base?.clocks);
      expect(r.profile.chain.forwarded).toBe(true);
      expect(r.profile.categories).toEqual(['ordinary']);
      expect(r.profile.overrides[0]).toMatchObject({ step: 'answer', high: true });
      expect(r.profile.overrides[0]).not.toHaveProperty('category');
    }
    // Without the preset it was based on, nothing is guessed: every missing field is named.
    expect(paths(stored)).toEqual(['clocks', 'categories', 'chain.forwarded']);
  });
  it('refuses a clock model the engine does not run, naming the field', () => {
    const clocks = {
      ...konyshevsky2020.clocks,
      triage: { ...PRESETS['konyshevsky-2020']!.clocks.triage, holder: 'executor' },
    };
    expect(paths({ ...konyshevsky2020, clocks })).toEqual(['clocks.triage.holder']);
    const forwardedParallel = { ...konyshevsky2020, chain: { modes: ['parallel'], forwarded: true } };
    expect(paths(forwardedParallel)).toEqual(['chain.forwarded']);
  });
  it('says what is wrong as a key and parameters, worded in Russian and English', () => {
    const r = parseProfile({ ...konyshevsky2020, timeZone: 'Nowhere/Else' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toEqual({
        path: 'timeZone',
        key: 'profile-issue.unknown-time-zone',
        params: { timeZone: 'Nowhere/Else' },
      });
      expect(profileIssueText(r.errors[0]!, 'ru')).toBe('Неизвестный часовой пояс «Nowhere/Else»');
      expect(profileIssueText(r.errors[0]!, 'en')).toBe("unknown time zone 'Nowhere/Else'");
    }
    expect(parseProfile(null).ok).toBe(false);
  });
});

describe("profile messages in the reader's words", () => {
  const base = konyshevsky2020;
  const problems = (patch: Record<string, unknown>, lang: 'ru' | 'en' = 'ru') => {
    const r = parseProfile({ ...base, id: 'x-custom', ...patch });
    return r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.path, profileIssueText(e, lang)]));
  };

  it('says in Russian and in English what zod says only in English', () => {
    const patch = {
      atRiskShare: Number.NaN,
      steps: { ...base.steps, triage: { ...base.steps.triage!, amount: 1.5 } },
    };
    const ru = problems(patch);
    expect(ru.atRiskShare).toBe('Введите число, например 30 или 0,25');
    expect(ru['steps.triage.amount']).toBe('Введите целое число');
    const en = problems(patch, 'en');
    expect(en.atRiskShare).toBe('enter a number, e.g. 30 or 0.25');
    expect(en['steps.triage.amount']).toBe('enter a whole number');
    expect(problems({ atRiskShare: 1.5 }).atRiskShare).toBe('Меньше 1');
    expect(problems({ atRiskShare: 1.5 }, 'en').atRiskShare).toBe('less than 1');
    expect(problems({ atRiskShare: 0 }).atRiskShare).toBe('Больше 0');
    for (const message of [...Object.values(ru), ...Object.values(problems({ atRiskShare: 0 }))]) {
      expect(message).toMatch(/^[А-ЯЁ]/);
      expect(message).not.toMatch(/ \/ |Invalid|expected|received/);
    }
  });

  it("words the schema's own messages and the cross-field rules from their keys", () => {
    const badSource = { ...base.steps.triage!, source: '' };
    expect(problems({ steps: { ...base.steps, triage: badSource } })['steps.triage.source']).toBe(
      'Укажите пункт документа',
    );
    expect(problems({ id: 'Мой' }, 'en').id).toBe('lowercase letters, digits and hyphens only');
    expect(
      problems({ steps: { ...base.steps, lunch: { kind: 'same-as', step: 'answer', source: 'p.1' } } }, 'en'),
    ).toEqual({
      'steps.lunch': "unknown field 'lunch'",
    });
    const forwardedParallel = { chain: { modes: ['parallel'], forwarded: true } };
    expect(problems(forwardedParallel)['chain.forwarded']).toBe(
      'Пересылка куратором возможна только в последовательной цепочке',
    );
  });

  it('counts characters by the plural rule of the language', () => {
    const words = (min: number, lang: 'ru' | 'en') =>
      profileIssueText({ key: 'profile-issue.too-short', params: { min } }, lang);
    expect([1, 2, 5, 21].map((n) => words(n, 'ru'))).toEqual([
      'Слишком коротко: не меньше 1 символа',
      'Слишком коротко: не меньше 2 символов',
      'Слишком коротко: не меньше 5 символов',
      'Слишком коротко: не меньше 21 символа',
    ]);
    expect([1, 2].map((n) => words(n, 'en'))).toEqual([
      'too short: at least 1 character',
      'too short: at least 2 characters',
    ]);
    // A fractional limit is written as the language writes it.
    expect(profileIssueText({ key: 'profile-issue.at-most', params: { max: 0.25 } }, 'ru')).toBe('Не больше 0,25');
    expect(profileIssueText({ key: 'profile-issue.at-most', params: { max: 0.25 } }, 'en')).toBe('at most 0.25');
    // A key this build does not know (a newer server's) is shown as it is, never thrown on.
    expect(profileIssueText({ key: 'profile-issue.from-the-future', params: {} }, 'ru')).toBe(
      'profile-issue.from-the-future',
    );
  });
});

describe('rejection grounds in both languages', () => {
  const base = konyshevsky2020;
  it("gives each preset's ground labels in Russian and English", () => {
    const obscene = PRESETS['konyshevsky-2020']!.rejectionGrounds.find((g) => g.code === 'obscene')!;
    expect(profileTextIn(obscene.label, 'ru')).toBe('Нецензурные выражения');
    expect(profileTextIn(obscene.label, 'en')).toBe('Obscene language');
  });
  it('still reads a custom profile stored with the old two-language label, and a label in one language', () => {
    const grounds = [
      { code: 'old', label: 'Нецензурные выражения / obscene language', source: 'p.20' },
      { code: 'own', label: 'Реклама', source: 'p.20' },
    ];
    const r = parseProfile({ ...base, id: 'stored-copy', rejectionGrounds: grounds });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [old, own] = r.profile.rejectionGrounds;
    expect(profileTextIn(old!.label, 'ru')).toBe('Нецензурные выражения');
    expect(profileTextIn(old!.label, 'en')).toBe('obscene language');
    expect(profileTextIn(own!.label, 'en')).toBe('Реклама');
    expect(paths({ ...base, rejectionGrounds: [{ code: 'x', label: { ru: 'Спам' }, source: 'p.1' }] })).toEqual([
      'rejectionGrounds.0.label',
    ]);
  });
});
