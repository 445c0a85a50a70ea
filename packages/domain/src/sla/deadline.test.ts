// Step deadlines of every preset against hand-computed instants (default schedule Mon–Fri 09–13, 14–18).
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar';
import { parseProfile } from '../profiles/parse';
import { nao2020 } from '../profiles/presets/nao-2020';
import { stepDeadline } from './deadline';
import { preset, t } from './test-helpers';

function due(id: string, step: string, from: string, options = {}): string {
  const { profile, calendar } = preset(id);
  const r = stepDeadline(profile, calendar, step, t(from), options);
  if (!r.ok) throw new Error(r.error.message);
  return calendar.formatInstant(r.value.at);
}

function unknown(id: string, step: string) {
  const { profile, calendar } = preset(id);
  const r = stepDeadline(profile, calendar, step, t('2026-11-24T11:00:00Z'));
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('unknown-step');
    expect(r.error.details?.steps).toEqual(Object.keys(profile.steps));
    expect(r.error.message).toContain(step);
  }
}

describe('CLI examples from the issue', () => {
  it('nao-2020 draft: answer due Wed 11:00 (Tue 11–13, 14–18 = 6 h, Wed 9–11 = 2 h); 4 h back: Wed 9–11, Tue 18→16', () => {
    expect(due('nao-2020', 'draft', '2026-11-24T11:00:00+03:00')).toBe('2026-11-24T16:00:00+03:00');
  });
  it('krasnoufimsk-2021 answer, high: 3 h W = Tue 16:30–18:00 (1.5 h) + Wed 09:00–10:30 (1.5 h)', () => {
    expect(due('krasnoufimsk-2021', 'answer', '2026-11-24T16:30:00+05:00', { category: 'high' })).toBe(
      '2026-11-25T10:30:00+05:00',
    );
  });
  it('krasnoufimsk-2021 final: 8 calendar days from Fri Apr 24 = Sat May 2; May 2–3 off (weekend) → Mon May 4 18:00', () => {
    expect(due('krasnoufimsk-2021', 'final', '2026-04-24T12:00:00+05:00')).toBe('2026-05-04T18:00:00+05:00');
  });
  it('idrinsky-2021 answer: Fri 15:00 + 24 h on working dates (Fri 9 h, skip Sat–Sun, Mon 15 h); 8 W h inside', () => {
    expect(due('idrinsky-2021', 'answer', '2026-11-27T15:00:00+07:00')).toBe('2026-11-30T15:00:00+07:00');
  });
});

// From Tue 2026-11-24 11:00 local (an ordinary working Tuesday: no holiday near it).
describe('konyshevsky-2020 from Tue 11:00 MSK', () => {
  const from = '2026-11-24T11:00:00+03:00';
  it.each([
    ['triage', '2026-11-24T11:30:00+03:00'], // 30 min W (p.7)
    ['return', '2026-11-24T11:30:00+03:00'], // p.8
    ['reroute', '2026-11-24T11:30:00+03:00'], // p.9
    ['contribution', '2026-11-24T13:00:00+03:00'], // 2 h W: 11–13 ends exactly at lunch → 13:00 (p.16)
    ['answer', '2026-11-25T11:00:00+03:00'], // 8 h W: Tue 11–13 (2) + 14–18 (4) + Wed 9–11 (2) (p.10)
    ['draft', '2026-11-24T16:00:00+03:00'], // 4 h W before Wed 11:00: Wed 9–11 (2) + Tue 16–18 (2) (p.11)
    ['approve', '2026-11-24T11:30:00+03:00'], // p.12
    ['revise', '2026-11-24T12:00:00+03:00'], // 1 h W (p.13)
    ['publish', '2026-11-24T11:30:00+03:00'], // p.14
    ['final', '2026-12-03T18:00:00+03:00'], // 7 working days: Nov 25, 26, 27, 30, Dec 1, 2, 3 → end of Dec 3 (p.15)
  ])('%s → %s', (step, expected) => expect(due('konyshevsky-2020', step, from)).toBe(expected));
  it.each(['explain', 'fast-track'])('%s is not in the profile', (step) => unknown('konyshevsky-2020', step));
});

describe('idrinsky-2021 from Tue 11:00 KRAT', () => {
  const from = '2026-11-24T11:00:00+07:00';
  it.each([
    ['triage', '2026-11-24T15:00:00+07:00'], // 3 h W: 11–13 (2) + 14–15 (1) (3.1)
    ['answer', '2026-11-25T11:00:00+07:00'], // 24 h: Tue 11:00 → Wed 11:00, window holds 6 + 2 = 8 W h (3.3)
    ['draft', '2026-11-24T16:00:00+07:00'], // 4 h W: 11–13 (2) + 14–16 (2) (3.2)
    ['revise', '2026-11-24T15:00:00+07:00'], // 3 h W (3.2)
    ['publish', '2026-11-25T11:00:00+07:00'], // within the answer deadline (3.3)
    ['explain', '2026-11-25T16:00:00+07:00'], // 12 h W: Tue 6 h + Wed 9–13 (4) + 14–16 (2) (3.7)
  ])('%s → %s', (step, expected) => expect(due('idrinsky-2021', step, from)).toBe(expected));
  it.each(['return', 'reroute', 'contribution', 'approve', 'final', 'fast-track'])('%s is not in the profile', (step) =>
    unknown('idrinsky-2021', step),
  );
  it('high importance runs in calendar time (3.9): Fri 15:00 + 24 h = Sat 15:00', () => {
    expect(due('idrinsky-2021', 'answer', '2026-11-27T15:00:00+07:00', { category: 'high' })).toBe(
      '2026-11-28T15:00:00+07:00',
    );
  });
});

describe('slavgorod-2020 from Tue 11:00 Barnaul', () => {
  const from = '2026-11-24T11:00:00+07:00';
  it('draft: 24 calendar hours → Wed 11:00 (p.5)', () =>
    expect(due('slavgorod-2020', 'draft', from)).toBe('2026-11-25T11:00:00+07:00'));
  it('draft from Fri 15:00: calendar hours run over the weekend → Sat 15:00', () =>
    expect(due('slavgorod-2020', 'draft', '2026-11-27T15:00:00+07:00')).toBe('2026-11-28T15:00:00+07:00'));
  it('final: 7 working days → Thu Dec 3 18:00 (p.7)', () =>
    expect(due('slavgorod-2020', 'final', from)).toBe('2026-12-03T18:00:00+07:00'));
  it.each([
    'triage',
    'return',
    'reroute',
    'contribution',
    'answer',
    'approve',
    'revise',
    'publish',
    'explain',
    'fast-track',
  ])('%s is not in the profile', (step) => unknown('slavgorod-2020', step));
});

describe('krasnoufimsk-2021 from Tue 11:00 YEKT', () => {
  const from = '2026-11-24T11:00:00+05:00';
  it.each([
    ['triage', {}, '2026-11-24T11:30:00+05:00'], // p.10
    ['return', {}, '2026-11-24T11:30:00+05:00'], // p.11
    ['reroute', {}, '2026-11-24T11:30:00+05:00'], // p.10
    ['contribution', {}, '2026-11-24T13:00:00+05:00'], // 2 h W (p.17)
    ['answer', {}, '2026-11-24T18:00:00+05:00'], // 6 h W: 11–13 (2) + 14–18 (4) ends exactly at 18:00 (p.12)
    ['answer', { category: 'high' }, '2026-11-24T15:00:00+05:00'], // 3 h W: 11–13 + 14–15 (p.12)
    ['answer', { category: 'fast-track' }, '2026-11-24T18:00:00+05:00'], // fast-track answers in 6 h too (p.12)
    ['draft', {}, '2026-11-24T18:00:00+05:00'], // = answer (p.13)
    ['draft', { category: 'high' }, '2026-11-24T15:00:00+05:00'], // = the high answer
    ['approve', {}, '2026-11-24T11:30:00+05:00'], // p.14
    ['revise', {}, '2026-11-24T11:30:00+05:00'], // 30 min (p.15)
    ['publish', {}, '2026-11-24T11:30:00+05:00'], // p.16
    ['final', {}, '2026-12-02T18:00:00+05:00'], // 8 calendar days: Nov 25 … Dec 2 (a Wednesday) → 18:00 (p.12)
    ['fast-track', {}, '2026-12-02T18:00:00+05:00'], // 8 days (p.8)
  ])('%s %o → %s', (step, options, expected) => expect(due('krasnoufimsk-2021', step, from, options)).toBe(expected));
  it('explain is not in the profile', () => unknown('krasnoufimsk-2021', 'explain'));
});

describe('nao-2020 from Tue 11:00 MSK', () => {
  const from = '2026-11-24T11:00:00+03:00';
  it.each([
    ['triage', '2026-11-24T11:30:00+03:00'], // p.14
    ['return', '2026-11-24T11:30:00+03:00'], // p.15
    ['reroute', '2026-11-24T11:30:00+03:00'], // p.14
    ['contribution', '2026-11-24T13:00:00+03:00'], // p.22
    ['answer', '2026-11-25T11:00:00+03:00'], // 8 h W (p.16)
    ['draft', '2026-11-24T16:00:00+03:00'], // 4 h W before the answer (p.17)
    ['approve', '2026-11-24T11:30:00+03:00'], // p.18
    ['revise', '2026-11-24T12:00:00+03:00'], // 1 h W (p.19)
    ['publish', '2026-11-24T11:30:00+03:00'], // p.20
    ['final', '2026-12-03T18:00:00+03:00'], // 7 working days (p.21)
  ])('%s → %s', (step, expected) => expect(due('nao-2020', step, from)).toBe(expected));
  it.each(['explain', 'fast-track'])('%s is not in the profile', (step) => unknown('nao-2020', step));

  it('a listed topic gets 4 h W, and its draft falls on a short track halfway from routing', () => {
    const custom = parseProfile({
      ...nao2020,
      id: 'nao-custom',
      overrides: [{ ...nao2020.overrides![0]!, topics: ['ЖКХ'] }],
    });
    if (!custom.ok) throw new Error('invalid');
    const calendar = createCalendar({ timeZone: 'Europe/Moscow' });
    const from = t('2026-11-24T11:00:00+03:00');
    const at = (step: string, options = {}) => {
      const r = stepDeadline(custom.profile, calendar, step, from, options);
      return r.ok ? calendar.formatInstant(r.value.at) : r.error.code;
    };
    // 4 h W: 11–13 (2) + 14–16 (2).
    expect(at('answer', { topic: 'ЖКХ' })).toBe('2026-11-24T16:00:00+03:00');
    expect(at('answer', { topic: 'дороги' })).toBe('2026-11-25T11:00:00+03:00');
    // Routed at 12:00: 4 h before 16:00 is 11:00, before routing → halfway: 12–13 (60) + 14–16 (120) = 180 / 2 = 90
    // working minutes from 12:00 → 12–13 (60) + 14:00–14:30 (30) = 14:30.
    expect(at('draft', { topic: 'ЖКХ', routedAt: t('2026-11-24T12:00:00+03:00') })).toBe('2026-11-24T14:30:00+03:00');
  });
});

describe('around holidays (2026 production calendar)', () => {
  it('konyshevsky answer from Tue Nov 3 (shortened to 17:00) 15:00: 2 h, Nov 4 off, Thu Nov 5 9–13 (4) + 14–16 (2)', () => {
    expect(due('konyshevsky-2020', 'answer', '2026-11-03T15:00:00+03:00')).toBe('2026-11-05T16:00:00+03:00');
  });
  it('nao draft from Tue Nov 3 15:00: answer Thu Nov 5 16:00 (above); 4 h back: Nov 5 14–16 (2) + 11–13 (2) → 11:00', () => {
    expect(due('nao-2020', 'draft', '2026-11-03T15:00:00+03:00')).toBe('2026-11-05T11:00:00+03:00');
  });
  it('konyshevsky final from Fri Apr 24: Apr 27, 28, 29, 30, (May 1–3 off) May 4, 5, 6 → Wed May 6 18:00', () => {
    expect(due('konyshevsky-2020', 'final', '2026-04-24T12:00:00+03:00')).toBe('2026-05-06T18:00:00+03:00');
  });
});
