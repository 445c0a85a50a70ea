// Every refusal of the domain is a key of one catalogue, worded in Russian and in English, never two languages in one
// sentence; real refusals of the decider carry the key, the parameters and the catalogue's wording.
import { describe, expect, it } from 'vitest';
import { REFUSAL_KEYS, REFUSALS, type RefusalKey, type RefusalParamsOf, refusalIn, refusalText } from './refusals';
import { A, CaseRun, single, triage } from './test-harness';

declare global {
  interface ImportMeta {
    glob(
      pattern: string | string[],
      options: { query: '?raw'; import: 'default'; eager: true },
    ): Record<string, string>;
  }
}

/** Parameters for every key: a key without a sample is a compile error here. */
const SAMPLES: { readonly [K in RefusalKey]: RefusalParamsOf<K> } = {
  'command.role': { command: 'route', roles: ['curator', 'department-head'] },
  'command.state': { command: 'approve', status: 'triaged' },
  'command.invalid': { path: 'reason', detail: 'причина обязательна / reason is required' },
  'profile.no-ending': { profile: 'slavgorod-2020', ending: 'converted' },
  'profile.no-mode': { profile: 'krasnoufimsk-2021', mode: 'sequential' },
  'profile.no-category': { profile: 'nao-2020', category: 'fast-track' },
  'profile.no-intermediate': { profile: 'idrinsky-2021' },
  'profile.no-explanation': { profile: 'nao-2020' },
  'profile.no-step': { profile: 'nao-2020', step: 'explain', steps: ['triage', 'answer'] },
  'register.posted-in-future': {},
  'triage.required': {},
  'topic.not-in-directory': {},
  'topic.directory-empty': {},
  'reject.unknown-ground': { grounds: ['obscene', 'threats'] },
  'repeat.self': {},
  'route.single-one': {},
  'route.chain-min': { min: 2 },
  'route.department-twice': {},
  'route.executor-not-of-department': {},
  'change.nothing': {},
  'return.not-received': {},
  'return.not-this-department': {},
  'forward.nothing': {},
  'forward.other-next': {},
  'contribution.none-for-executor': {},
  'contribution.none-for-department': {},
  'compose.not-composer': {},
  'draft.not-composer': {},
  'draft.intermediate-given': {},
  'draft.evidence-required': {},
  'publish.by-curator': {},
  'publish.by-executor': {},
  'publish.not-requested': {},
  'publish.private-reply': {},
  'publish.other-network': { hosts: ['vk.com', 'vk.ru'] },
  'publish.channel-same-thread': {},
  'publication.not-pending': {},
  'deadline.no-clock': { step: 'draft' },
  'deadline.in-past': {},
  'deadline.too-long': { limit: '2026-11-24 15:00' },
  'clock.nothing-to-record': { clockId: 'draft#1' },
  'substitute.own-department': {},
  'substitute.not-assigned': {},
  'substitute.already-executor': {},
  'substitute.not-executor': {},
  'substitute.other-department': {},
  'password.too-short': { min: 10 },
  'password.too-long': { max: 200 },
  'password.too-common': {},
  'password.is-login': {},
  'message.unchanged': {},
  'message.deletion-recorded': {},
  'calendar.count-not-whole': { value: '-1' },
  'calendar.minutes-not-finite': { value: 'NaN' },
  'calendar.instant-not-finite': {},
  'calendar.no-working-time': {},
  'calendar.out-of-range': { min: 1900, max: 2200 },
  'calendar.invalid-date': { date: '24.11.2026' },
  'calendar.no-such-date': { date: '2026-02-30' },
  'calendar.invalid-month': { month: '2026-13' },
  'calendar.bad-shortening': {},
  'calendar.day-off-and-working': { date: '2026-12-31' },
  'calendar.bad-weekday-interval': { start: 600, end: 540, weekday: 1 },
  'calendar.bad-date-interval': { start: 600, end: 540, date: '2026-12-26' },
  'calendar.unknown-zone': { timeZone: 'Mars/Olympus_Mons' },
};

const CYRILLIC = /[а-яё]/i;

describe('the refusal catalogue', () => {
  it.each(REFUSAL_KEYS)('%s is worded in Russian and in English, one language each', (key) => {
    const params = SAMPLES[key] as never;
    const ru = refusalText(key, params, 'ru');
    const en = refusalText(key, params, 'en');
    expect(ru).toMatch(CYRILLIC);
    expect(en).not.toMatch(CYRILLIC);
    expect(ru).not.toContain(' / ');
    expect(en).not.toContain(' / ');
  });

  it('counts with the Russian plural rule', () => {
    const chain = (min: number) => refusalText('route.chain-min', { min }, 'ru');
    expect(chain(1)).toBe('Для цепочки нужно не меньше 1 подразделения');
    expect(chain(2)).toBe('Для цепочки нужно не меньше 2 подразделений');
    expect(chain(5)).toBe('Для цепочки нужно не меньше 5 подразделений');
    expect(chain(11)).toBe('Для цепочки нужно не меньше 11 подразделений');
    expect(chain(21)).toBe('Для цепочки нужно не меньше 21 подразделения');
    expect(refusalText('route.chain-min', { min: 1 }, 'en')).toBe('a chain needs at least 1 department');
    expect(refusalText('route.chain-min', { min: 2 }, 'en')).toBe('a chain needs at least 2 departments');
    const short = (min: number) => refusalText('password.too-short', { min }, 'ru');
    expect([1, 2, 5, 10, 11, 21].map(short)).toEqual([
      'Пароль должен быть не короче 1 символа',
      'Пароль должен быть не короче 2 символов',
      'Пароль должен быть не короче 5 символов',
      'Пароль должен быть не короче 10 символов',
      'Пароль должен быть не короче 11 символов',
      'Пароль должен быть не короче 21 символа',
    ]);
  });

  it('every key the domain names is in the catalogue, and no refusal is written outside it', () => {
    const sources = import.meta.glob(['../**/*.ts', '!../**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const named = new Set<string>();
    for (const [file, text] of Object.entries(sources)) {
      if (file.endsWith('/refusals.ts')) continue;
      // refusal(code, 'key', …), invalid(path, 'key'), forbidden('key'), seat(ok, 'key').
      for (const m of text.matchAll(
        /\b(?:refusal\(\s*'[a-z-]+',|invalid\([^;]*?,|forbidden\(|seat\([^;]*?,)\s*'([^']+)'/g,
      )) {
        named.add(m[1]!);
      }
      // A DomainError is built only by refusal(): no object literal with a domain code and a message of its own.
      expect(text, file).not.toMatch(/code: '(?:forbidden|wrong-state|invalid-input|not-in-profile|unknown-step)'/);
    }
    expect(named.size).toBeGreaterThan(30);
    for (const key of named) expect(Object.hasOwn(REFUSALS, key), key).toBe(true);
  });
});

describe('refusals of the decider', () => {
  it('carry the key, the parameters and the message in both languages', () => {
    const c = new CaseRun('nao-2020').registered('2026-11-24T10:00:00+03:00');
    const state = c.fail({ type: 'approve' }, A.curator, '2026-11-24T10:05:00+03:00');
    expect(state).toMatchObject({
      code: 'wrong-state',
      key: 'command.state',
      params: { command: 'approve', status: 'detected' },
    });
    expect(state.message).toBe(
      "Команда «approve» невозможна в состоянии «detected» / 'approve' is not possible in state 'detected'",
    );
    expect(refusalIn(state, 'en')).toBe("'approve' is not possible in state 'detected'");

    const role = c.fail(single(), A.operator, '2026-11-24T10:05:00+03:00');
    expect(role).toMatchObject({
      code: 'forbidden',
      key: 'command.role',
      params: { command: 'route', roles: ['curator'] },
    });
    expect(refusalIn(role, 'ru')).toBe('Команда «route» доступна ролям: куратор');

    c.do(triage(), A.operator, '2026-11-24T10:10:00+03:00');
    const chain = c.fail({ ...single(), mode: 'sequential' }, A.curator, '2026-11-24T10:15:00+03:00');
    expect(chain).toMatchObject({ code: 'invalid-input', key: 'route.chain-min', params: { min: 2 } });
    expect(chain.details).toEqual({ path: 'assignments' });
    expect(chain.message).toBe('Для цепочки нужно не меньше 2 подразделений / a chain needs at least 2 departments');
  });
});
