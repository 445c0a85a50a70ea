// The `otklik replay` contract (issue 10): the examples of the issue played through the regulation sandbox, with every
// instant worked out by hand from the 2026 production calendar (Mon–Fri 09–13, 14–18) and the regulation in the
// comments; the JSON line shapes, the readable table, refused lines (exit 2) and bad options.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const scenario = (header: object, ...lines: object[]) =>
  `${[header, ...lines].map((l) => JSON.stringify(l)).join('\n')}\n`;
const parse = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

/** An expected clock line of the JSON output: `clock` held by `holder`, with its instants (no breach unless given). */
const clockLine = (
  clock: string,
  holder: string,
  at: { started: string; due: string; stopped: string | null; breached?: string },
) => ({ clock, holder, startedAt: at.started, dueAt: at.due, stoppedAt: at.stopped, breachedAt: at.breached ?? null });

async function replay(profile: string, stdin: string) {
  const r = await runCli(['replay', '--profile', profile, '--json'], stdin);
  return { ...r, lines: r.stdout.trim() === '' ? [] : parse(r.stdout) };
}

/** An instant on Tuesday 24 Nov 2026 in Krasnoufimsk (UTC+5). */
const inKrasnoufimsk = (hhmm: string) => `2026-11-24T${hhmm}:00+05:00`;

/** A health department case of Krasnoufimsk registered at 09:00 and triaged at 09:10, then `later`, replayed. */
const healthCaseInKrasnoufimsk = (...later: object[]) =>
  replay(
    'krasnoufimsk-2021',
    scenario(
      { departments: ['health'] },
      { at: inKrasnoufimsk('09:00'), by: 'operator', do: 'register', category: 'ordinary' },
      { at: inKrasnoufimsk('09:10'), by: 'curator', do: 'triage', topic: 'Здравоохранение', place: 'Красноуфимск' },
      ...later,
    ),
  );

describe('otklik replay: the examples of issue 10', () => {
  it('krasnoufimsk R6: draft, approval and publication on time record no breach', async () => {
    const t = inKrasnoufimsk;
    const r = await healthCaseInKrasnoufimsk(
      { at: t('09:20'), by: 'curator', do: 'route', departments: ['health'] },
      { at: t('15:30'), by: 'health', do: 'draft', kind: 'answer' },
      { at: t('15:55'), by: 'curator', do: 'approve' },
      { at: t('16:20'), by: 'curator', do: 'publish' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      // p.10: 30 min W from reading (detection) → 09:30; stopped by the routing.
      clockLine('triage', 'curator', { started: t('09:00'), due: t('09:30'), stopped: t('09:20') }),
      // p.12–13: prepared within 6 h W of detection: 09–13 (4) + 14–16 (2) → 16:00; the composer's duty starts at
      // their receipt, the routing at 09:20 ("Clocks exactly"), and stops when the draft is sent at 15:30.
      clockLine('draft', 'health', { started: t('09:20'), due: t('16:00'), stopped: t('15:30') }),
      // p.14: 30 min W → 16:00.
      clockLine('approve', 'curator', { started: t('15:30'), due: t('16:00'), stopped: t('15:55') }),
      // p.16: 30 min W → 16:25.
      clockLine('publish', 'curator', { started: t('15:55'), due: t('16:25'), stopped: t('16:20') }),
      // curator 09:00–09:20 (20) + 15:30–16:20 (50); health 09:20–13:00 (220) + 14:00–15:30 (90).
      { holders: { curator: 70, health: 310 } },
    ]);
  });

  it('slavgorod: the executor on time and a slow specialist — no breach (p.5 bounds the draft)', async () => {
    const t = (hhmm: string, day = '24') => `2026-11-${day}T${hhmm}:00+07:00`;
    const r = await replay(
      'slavgorod-2020',
      scenario(
        { departments: ['zhkh'] },
        { at: t('09:00'), by: 'operator', do: 'register' },
        { at: t('09:30'), by: 'operator', do: 'triage', category: 'ordinary', topic: 'ЖКХ', place: 'Славгород' },
        { at: t('10:00'), by: 'curator', do: 'route', departments: ['zhkh'] },
        { at: t('15:00'), by: 'zhkh', do: 'draft' },
        { at: t('11:00', '25'), by: 'curator', do: 'approve' },
        { at: t('11:30', '25'), by: 'curator', do: 'publish' },
      ),
    );
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      // p.5: 24 (calendar) hours from receipt 10:00 → Wed 10:00; stopped when the draft reached the specialist.
      clockLine('draft', 'zhkh', { started: t('10:00'), due: t('10:00', '25'), stopped: t('15:00') }),
      // operator 09:00–09:30; curator 09:30–10:00 (30) + Tue 15–18 (180) + Wed 09:00–11:30 (150); zhkh 10–13, 14–15.
      { holders: { operator: 30, curator: 360, zhkh: 240 } },
    ]);
  });

  it('idrinsky: posted Fri 17:00, registered Mon 09:00 — the answer is due Mon 17:00 (3.1, 3.3)', async () => {
    const t = (hhmm: string, day = '30') => `2026-11-${day}T${hhmm}:00+07:00`;
    const r = await replay(
      'idrinsky-2021',
      scenario(
        { departments: ['culture'] },
        { at: t('09:00'), by: 'operator', do: 'register', postedAt: t('17:00', '27') },
        { at: t('09:30'), by: 'curator', do: 'triage', category: 'ordinary', topic: 'Культура', place: 'Идринское' },
        { at: t('10:00'), by: 'curator', do: 'route', departments: ['culture'] },
        { at: t('12:00'), by: 'culture', do: 'draft' },
        { at: t('13:00'), by: 'curator', do: 'publish' },
      ),
    );
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      // 3.1: 3 W h from posting: Fri 17–18 (1) + Mon 09–11 (2) → Mon 11:00; stopped by the routing at 10:00.
      clockLine('triage', 'curator', { started: t('17:00', '27'), due: t('11:00'), stopped: t('10:00') }),
      // 3.3: Fri 17:00–24:00 (7 h), Sat–Sun skipped, Mon 00:00–17:00 (17 h) → Mon 17:00 (8 W h inside: Fri 1 + Mon 7).
      clockLine('answer', 'curator', { started: t('17:00', '27'), due: t('17:00'), stopped: t('13:00') }),
      // 3.2: the structure's own time ≤ 23 W h from receipt: Mon 10–13, 14–18 (7) + Tue (8) + Wed (8) → Wed 18:00;
      // it ends when the operator accepts the answer (here by publishing it, 13:00).
      clockLine('department-total', 'culture', {
        started: t('10:00'),
        due: '2026-12-02T18:00:00+07:00',
        stopped: t('13:00'),
      }),
      // 3.2: 4 W h from receipt: 10–13 (3) + 14–15 (1) → 15:00.
      clockLine('draft', 'culture', { started: t('10:00'), due: t('15:00'), stopped: t('12:00') }),
      // The operator (curator role) held it from the posting: Fri 17–18 (60) + Mon 09–10 (60) + 12–13 (60).
      { holders: { curator: 180, culture: 120 } },
    ]);
  });

  it('NAO chain with a silent first department: the breaches are the first department’s', async () => {
    const t = (hhmm: string, day = '24') => `2026-11-${day}T${hhmm}:00+03:00`;
    const r = await replay(
      'nao-2020',
      scenario(
        { departments: ['roads', 'zhkh'] },
        { at: t('09:00'), by: 'operator', do: 'register' },
        { at: t('09:10'), by: 'curator', do: 'triage', category: 'ordinary', topic: 'Дороги', place: 'Нарьян-Мар' },
        { at: t('09:20'), by: 'curator', do: 'route', departments: ['roads', 'zhkh'], mode: 'sequential' },
        { at: t('10:00', '25'), by: 'curator', do: 'close' },
      ),
    );
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      // p.14: 30 min W → 09:30, stopped by the routing.
      clockLine('triage', 'curator', { started: t('09:00'), due: t('09:30'), stopped: t('09:20') }),
      // p.16: 8 h W from 09:00 → 18:00; roads had the case then.
      clockLine('answer', 'roads', { started: t('09:00'), due: t('18:00'), stopped: null, breached: t('18:00') }),
      // p.22: roads' part, 2 h W from 09:20 → 11:20. zhkh never received the case: no clock of its own.
      clockLine('contribution', 'roads', { started: t('09:20'), due: t('11:20'), stopped: null, breached: t('11:20') }),
      { breach: 'contribution', at: t('11:20'), holder: 'roads', notify: 'deputy:roads' },
      { breach: 'answer', at: t('18:00'), holder: 'roads', notify: 'deputy:roads' },
      // curator 09:00–09:20; roads 09:20–13:00 (220) + 14–18 (240) + Wed 09–10 (60).
      { holders: { curator: 20, roads: 520 } },
    ]);
  });

  it('konyshevsky: a late return is recorded as a breach of `return` by the returning department', async () => {
    const t = (hhmm: string) => `2026-11-24T${hhmm}:00+03:00`;
    const r = await replay(
      'konyshevsky-2020',
      scenario(
        { departments: ['roads', 'zhkh'] },
        { at: t('10:00'), by: 'operator', do: 'register' },
        { at: t('10:05'), by: 'operator', do: 'triage', category: 'ordinary', topic: 'ЖКХ', place: 'Конышёвка' },
        { at: t('10:10'), by: 'curator', do: 'route', departments: ['roads'] },
        { at: t('11:00'), by: 'roads', do: 'return', reason: 'вопрос ЖКХ, не дорог' },
        { at: t('11:20'), by: 'curator', do: 'reroute', departments: ['zhkh'], reason: 'по компетенции' },
        { at: t('14:00'), by: 'zhkh', do: 'draft' },
        { at: t('14:20'), by: 'curator', do: 'approve' },
        { at: t('14:40'), by: 'zhkh', do: 'publish' },
      ),
    );
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      // p.7: 30 min W → 10:30; passed to the curator at 10:05.
      clockLine('triage', 'operator', { started: t('10:00'), due: t('10:30'), stopped: t('10:05') }),
      // p.10: 8 h W: Tue 10–13 (3) + 14–18 (4) + Wed 09–10 (1) → Wed 10:00; zhkh published it.
      clockLine('answer', 'zhkh', { started: t('10:00'), due: '2026-11-25T10:00:00+03:00', stopped: t('14:40') }),
      // p.11: 4 h W before Wed 10:00: Wed 09–10 (1) + Tue 15–18 (3) → Tue 15:00; roads' ended by its return.
      clockLine('draft', 'roads', { started: t('10:10'), due: t('15:00'), stopped: t('11:00') }),
      // p.8: the return window is 30 min W from receipt → 10:40; the return at 11:00 is late.
      clockLine('return', 'roads', { started: t('10:10'), due: t('10:40'), stopped: t('11:00'), breached: t('11:00') }),
      // p.9: re-routed within 30 min W of the return → 11:30.
      clockLine('reroute', 'curator', { started: t('11:00'), due: t('11:30'), stopped: t('11:20') }),
      clockLine('draft', 'zhkh', { started: t('11:20'), due: t('15:00'), stopped: t('14:00') }),
      // p.12: approval 30 min W → 14:30; p.14: the executor publishes within 30 min W → 14:50.
      clockLine('approve', 'curator', { started: t('14:00'), due: t('14:30'), stopped: t('14:20') }),
      clockLine('publish', 'zhkh', { started: t('14:20'), due: t('14:50'), stopped: t('14:40') }),
      { breach: 'return', at: t('11:00'), holder: 'roads', notify: 'deputy:roads' },
      // operator 10:00–10:05; curator 10:05–10:10, 11:00–11:20, 14:00–14:20; roads 10:10–11:00;
      // zhkh 11:20–13:00 (100) + 14:20–14:40 (20).
      { holders: { operator: 5, curator: 45, roads: 50, zhkh: 120 } },
    ]);
  });

  it('krasnoufimsk: routed after the draft’s limit — the draft starts at routing, breached then, the curator’s', async () => {
    const t = inKrasnoufimsk;
    const r = await healthCaseInKrasnoufimsk(
      { at: t('16:30'), by: 'curator', do: 'route', departments: ['health'] },
      { at: t('16:50'), by: 'health', do: 'draft', kind: 'answer' },
      { at: t('17:00'), by: 'curator', do: 'approve' },
      { at: t('17:10'), by: 'curator', do: 'publish' },
    );
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      // p.10: 30 min W from 09:00 → 09:30, breached then; the curator routes at 16:30.
      clockLine('triage', 'curator', {
        started: t('09:00'),
        due: t('09:30'),
        stopped: t('16:30'),
        breached: t('09:30'),
      }),
      // p.12: 6 h W from detection: 09–13 (4) + 14–16 (2) → 16:00. The clock starts at the routing (16:30), already
      // past its limit: breached at 16:30 (never before it existed), against the curator who had the case.
      clockLine('draft', 'curator', {
        started: t('16:30'),
        due: t('16:00'),
        stopped: t('16:50'),
        breached: t('16:30'),
      }),
      // p.14: 30 min W from 16:50 → 17:20; p.16: 30 min W from 17:00 → 17:30.
      clockLine('approve', 'curator', { started: t('16:50'), due: t('17:20'), stopped: t('17:00') }),
      clockLine('publish', 'curator', { started: t('17:00'), due: t('17:30'), stopped: t('17:10') }),
      { breach: 'triage', at: t('09:30'), holder: 'curator', notify: 'supervisor:curator' },
      { breach: 'draft', at: t('16:30'), holder: 'curator', notify: 'supervisor:curator' },
      // curator 09:00–13:00 (240) + 14:00–16:30 (150) + 16:50–17:10 (20) = 410; health 16:30–16:50 (20).
      { holders: { curator: 410, health: 20 } },
    ]);
  });

  it('krasnoufimsk: a re-categorisation that puts the draft in the past is a breach from that moment', async () => {
    const t = inKrasnoufimsk;
    const r = await replay(
      'krasnoufimsk-2021',
      scenario(
        { departments: ['roads'] },
        { at: t('09:00'), by: 'operator', do: 'register' },
        { at: t('09:10'), by: 'curator', do: 'triage', category: 'ordinary', topic: 'Дороги', place: 'Красноуфимск' },
        { at: t('09:20'), by: 'curator', do: 'route', departments: ['roads'] },
        { at: t('12:30'), by: 'curator', do: 'recategorise', high: true, reason: 'резонанс в комментариях' },
        { at: t('12:40'), by: 'curator', do: 'close' },
      ),
    );
    expect(r.code).toBe(0);
    // High importance (p.12): 3 h W from 09:00 → 12:00, already past at 12:30: breached from 12:30, not 12:00.
    expect(r.lines).toContainEqual({
      clock: 'draft',
      holder: 'roads',
      startedAt: t('09:20'),
      dueAt: t('12:00'),
      stoppedAt: null,
      breachedAt: t('12:30'),
    });
    expect(r.lines).toContainEqual({ breach: 'draft', at: t('12:30'), holder: 'roads', notify: 'deputy:roads' });
  });
});

describe('otklik replay: refused lines, bad options, the table and --help', () => {
  const t = (hhmm: string) => `2026-11-24T${hhmm}:00+03:00`;
  it('a refused line prints {"line","error"} and the replay goes on; exit 2 at the end', async () => {
    const stdin = [
      JSON.stringify({ departments: ['roads'] }),
      JSON.stringify({ at: t('10:00'), by: 'operator', do: 'register' }),
      'not json',
      JSON.stringify({ at: t('10:05'), by: 'mayor', do: 'triage' }),
      JSON.stringify({ at: t('10:05'), by: 'operator', do: 'fly' }),
      JSON.stringify({ at: '10:05', by: 'operator', do: 'triage' }),
      JSON.stringify({ at: t('10:05'), by: 'roads', do: 'route', departments: ['roads'] }),
      JSON.stringify({
        at: t('10:05'),
        by: 'operator',
        do: 'triage',
        topic: 'Дороги',
        place: 'центр',
        category: 'ordinary',
      }),
      JSON.stringify({ at: t('09:00'), by: 'curator', do: 'route', departments: ['roads'] }),
      JSON.stringify({ at: t('10:10'), by: 'curator', do: 'route', departments: ['roads'] }),
    ].join('\n');
    const r = await runCli(['replay', '--profile', 'konyshevsky-2020', '--json'], `${stdin}\n`);
    expect(r.code).toBe(2);
    const lines = parse(r.stdout);
    const errors = lines.filter((l) => 'error' in l);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 9]);
    // Every message in the replay's language: Russian by default (OTKLIK_LANG unset), one language, no " / ".
    expect(errors.map((e) => e.error)).toEqual([
      'строка не в формате JSON',
      'by: «mayor» — не operator, не curator и не подразделение сценария (roads)',
      expect.stringMatching(/^do — одна из команд: register, triage, route, .*, close$/),
      'at: неверный момент «10:05»: нужен ISO-8601 со смещением от UTC, например 2026-11-24T16:00:00+03:00',
      // The decider's refusal, worded by the domain's refusal catalogue.
      'Команда «route» доступна ролям: куратор',
      `at: ${t('09:00')} раньше предыдущей команды (${t('10:05')})`,
    ]);
    // The good lines still played: the draft of roads (4 h W before Wed 10:00 → Tue 15:00) runs.
    expect(lines).toContainEqual(expect.objectContaining({ clock: 'draft', holder: 'roads', dueAt: t('15:00') }));
    expect(lines.at(-1)).toHaveProperty('holders');
    // The same lines in English, through OTKLIK_LANG as through --lang.
    for (const en of [
      await runCli(['replay', '--profile', 'konyshevsky-2020', '--json'], `${stdin}\n`, { OTKLIK_LANG: 'en' }),
      await runCli(['replay', '--profile', 'konyshevsky-2020', '--json', '--lang', 'en'], `${stdin}\n`),
    ]) {
      expect(
        parse(en.stdout)
          .filter((l) => 'error' in l)
          .map((e) => e.error),
      ).toEqual([
        'not valid JSON',
        'by: "mayor" is not operator, curator or one of the departments (roads)',
        expect.stringMatching(/^do must be one of register, triage, route, .*, close$/),
        'at: malformed instant "10:05": expected ISO-8601 with a UTC offset, e.g. 2026-11-24T16:00:00+03:00',
        "'route' needs one of these roles: curator",
        `at: ${t('09:00')} is before the previous command (${t('10:05')})`,
      ]);
    }
  });

  it('without --json: a readable table, and refused lines on stderr', async () => {
    const stdin = scenario(
      { departments: ['roads'] },
      { at: t('10:00'), by: 'operator', do: 'register' },
      { at: t('11:00'), by: 'operator', do: 'close' },
    );
    const r = await runCli(['replay', '--profile', 'konyshevsky-2020'], stdin);
    expect(r.code).toBe(0);
    // triage 30 min W from 10:00 → 10:30, breached (still open at 11:00); the answer runs.
    expect(r.stdout).toMatch(
      /triage\s+operator\s+2026-11-24T10:00:00\+03:00\s+2026-11-24T10:30:00\+03:00\s+—\s+2026-11-24T10:30:00\+03:00/,
    );
    expect(r.stdout).toMatch(/triage\s+2026-11-24T10:30:00\+03:00\s+operator\s+supervisor:operator/);
    const bad = await runCli(
      ['replay', '--profile', 'konyshevsky-2020'],
      `${JSON.stringify({ departments: ['a'] })}\n{}\n`,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^строка 2: /m);
  });

  it('--lang en words the decider’s refusals in English; another language is a bad option', async () => {
    const stdin = scenario(
      { departments: ['roads'] },
      { at: t('10:00'), by: 'operator', do: 'register' },
      { at: t('10:05'), by: 'curator', do: 'approve' },
    );
    const en = await runCli(['replay', '--profile', 'nao-2020', '--json', '--lang', 'en'], stdin);
    expect(en.code).toBe(2);
    expect(parse(en.stdout)).toContainEqual({ line: 3, error: "'approve' is not possible in state 'detected'" });
    const ru = await runCli(['replay', '--profile', 'nao-2020'], stdin);
    expect(ru.stderr).toContain('строка 3: Команда «approve» невозможна в состоянии «detected»\n');
    const enTable = await runCli(['replay', '--profile', 'nao-2020', '--lang', 'en'], stdin);
    expect(enTable.stderr).toContain("line 3: 'approve' is not possible in state 'detected'\n");
    expect(enTable.stdout).toMatch(/^Clocks$/m);
    const de = await runCli(['replay', '--profile', 'nao-2020', '--lang', 'de'], stdin);
    expect(de.code).toBe(2);
    expect(de.stderr).toBe('otklik replay: --lang: ru или en, а не «de»\n');
    const deEn = await runCli(['replay', '--profile', 'nao-2020', '--lang', 'de'], stdin, { OTKLIK_LANG: 'en' });
    expect(deEn.stderr).toBe('otklik replay: --lang takes ru or en, not "de"\n');
  });

  it('reads a custom profile file (a copy of a preset, the clock model from the preset it names)', async () => {
    const { PRESETS } = await import('@otklik/domain');
    const { clocks: _c, categories: _k, ...copy } = PRESETS['nao-2020']!;
    const dir = mkdtempSync(join(tmpdir(), 'otklik-replay-'));
    const file = join(dir, 'nao-copy.json');
    // The answer in 2 working hours instead of 8 (the administration's own act).
    writeFileSync(
      file,
      JSON.stringify({
        ...copy,
        id: 'nao-fast',
        basedOn: 'nao-2020',
        steps: {
          ...copy.steps,
          answer: { kind: 'duration', amount: 120, unit: 'working-minutes', from: 'detected', source: 'п. 1' },
        },
      }),
    );
    const r = await replay(
      file,
      scenario({ departments: ['roads'] }, { at: t('10:00'), by: 'operator', do: 'register' }),
    );
    expect(r.code).toBe(0);
    expect(r.lines).toContainEqual(expect.objectContaining({ clock: 'answer', dueAt: t('12:00') }));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...copy, id: 'nao-broken' }));
    const b = await runCli(['replay', '--profile', broken], '');
    expect(b.code).toBe(2);
    // What is wrong with the file, in the replay's language (OTKLIK_LANG, or --lang).
    expect(b.stderr).toContain('clocks: Поле появилось вместе с моделью сроков; укажите его или профиль-основу');
    const en = await runCli(['replay', '--profile', broken, '--lang', 'en'], '');
    expect(en.stderr).toContain('clocks: this field came with the clock model: give it, or the preset');
    expect(en.stderr).not.toMatch(/[а-яё]/i);
  });

  it.each([
    [
      ['--profile', 'nope'],
      /профиль «nope» не найден; есть: konyshevsky-2020, /,
      /unknown profile "nope"; known presets: konyshevsky-2020, /,
    ],
    [[], /укажите --profile/, /missing --profile/],
    [['--profile', 'nao-2020', '--jsn'], /неизвестный параметр --jsn/, /unknown option --jsn/],
    [['--profile', 'nao-2020', 'extra'], /лишний аргумент «extra»/, /unexpected argument "extra"/],
    [['--profile', '/nonexistent/p.json'], /файла профиля «\/nonexistent\/p.json» нет/, /no such profile file/],
  ])("%j: one line on stderr in the CLI's language, exit 2", async (args, ru, en) => {
    for (const [lang, message] of [
      ['ru', ru],
      ['en', en],
    ] as const) {
      const r = await runCli(['replay', ...args], '', { OTKLIK_LANG: lang });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it("a profile file that is not JSON, and an empty scenario, are told in the replay's language", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-replay-'));
    const file = join(dir, 'not-json.json');
    writeFileSync(file, '{');
    const ru = await runCli(['replay', '--profile', file], '');
    expect(ru.stderr).toBe(`otklik replay: не удаётся прочитать файл профиля «${file}»: не JSON\n`);
    const en = await runCli(['replay', '--profile', file, '--lang', 'en'], '');
    expect(en.stderr).toBe(`otklik replay: cannot read the profile file "${file}": not valid JSON\n`);
    const empty = await runCli(['replay', '--profile', 'nao-2020'], '\n');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^otklik replay: пустой сценарий: первая строка называет подразделения/);
  });

  it('a bad first line stops at once', async () => {
    const r = await runCli(['replay', '--profile', 'nao-2020', '--json'], '{"departments":[]}\n');
    expect(r.code).toBe(2);
    expect(parse(r.stdout)).toEqual([
      {
        line: 1,
        error:
          'первая строка называет подразделения, например {"departments":["roads"]}: ' +
          'departments: назовите хотя бы одно подразделение',
      },
    ]);
  });

  it('--help documents the scenario, the output and an example', async () => {
    const r = await runCli(['replay', '--help']);
    expect(r.code).toBe(0);
    for (const word of [
      '--profile',
      '--json',
      '--lang',
      'register',
      'forward',
      'recategorise',
      'holders',
      'notify',
      'Example',
    ]) {
      expect(r.stdout).toContain(word);
    }
  });
});
