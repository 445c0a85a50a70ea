// The `otklik deadline` contract: exact output lines, --json, --batch streaming, and bad input → exit 2.
// Expected deadlines are worked out by hand from the 2026 production calendar in the comments.
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsReadme } from './run-cli';

/** The deadlines `otklik deadline --batch` prints for `requests` (one a line) in the process time zone `tz`. */
async function batchDeadlines(requests: readonly object[], tz: string): Promise<string[]> {
  const r = await runCli(['deadline', '--batch'], `${requests.map((x) => JSON.stringify(x)).join('\n')}\n`, { TZ: tz });
  expect(r.code).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).deadline);
}

describe('otklik deadline: the examples of the issues', () => {
  it.each([
    // Tue 16:00 + 2 h of working time = 18:00 the same day: the end of the working period itself.
    [
      ['--profile', 'konyshevsky-2020', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '120'],
      '2026-11-24T18:00:00+03:00',
    ],
    // Thu 11 June is shortened to 17:00 (30 min left), 12 June holiday, 13–14 weekend: 30 more from Mon 09:00.
    [
      ['--profile', 'konyshevsky-2020', '--from', '2026-06-11T16:30:00+03:00', '--work-minutes', '60'],
      '2026-06-15T09:30:00+03:00',
    ],
    // p.12: 8 calendar days from Fri 24 April = Sat 2 May, a day off (1–3 May), so the end of Mon 4 May.
    [
      ['--profile', 'krasnoufimsk-2021', '--from', '2026-04-24T12:00:00+05:00', '--step', 'final'],
      '2026-05-04T18:00:00+05:00',
    ],
    // 3.3: Fri 15:00 → 24:00 is 9 h, Sat–Sun skipped, Mon 00:00 → 15:00 is 15 h; 3 + 5 working hours = 8.
    [
      ['--profile', 'idrinsky-2021', '--from', '2026-11-27T15:00:00+07:00', '--step', 'answer'],
      '2026-11-30T15:00:00+07:00',
    ],
    // p.16–17: answer = Tue 11:00 + 8 h W = Wed 11:00; draft 4 h W earlier = Tue 16:00.
    [['--profile', 'nao-2020', '--from', '2026-11-24T11:00:00+03:00', '--step', 'draft'], '2026-11-24T16:00:00+03:00'],
    // p.12: high importance, 3 h W: Tue 16:30–18:00 is 1.5 h, Wed 09:00–10:30 the rest.
    [
      [
        '--profile',
        'krasnoufimsk-2021',
        '--from',
        '2026-11-24T16:30:00+05:00',
        '--step',
        'answer',
        '--category',
        'high',
      ],
      '2026-11-25T10:30:00+05:00',
    ],
    // p.8.3: high importance is a flag on fast-track too; p.12: 3 h W for the draft: Tue 16:30–18:00, Wed 09:00–10:30.
    [
      [
        '--profile',
        'krasnoufimsk-2021',
        '--from',
        '2026-11-24T16:30:00+05:00',
        '--step',
        'draft',
        '--category',
        'fast-track',
        '--high',
      ],
      '2026-11-25T10:30:00+05:00',
    ],
    // 3.2: the structure's total, 23 W h from Tue 11:00: Tue 11–13, 14–18 (6) + Wed (8) + Thu (8) = 22, Fri 09–10.
    [
      ['--profile', 'idrinsky-2021', '--from', '2026-11-24T11:00:00+07:00', '--step', 'department-total'],
      '2026-11-27T10:00:00+07:00',
    ],
  ])('%j → %s', async (args, expected) => {
    const r = await runCli(['deadline', ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${expected}\n`);
  });
});

describe('otklik deadline: output forms', () => {
  it('--json names the deadline, rule, profile, time zone and confirmation', async () => {
    const r = await runCli([
      'deadline',
      '--profile',
      'idrinsky-2021',
      '--from',
      '2026-11-24T02:00:00Z',
      '--work-minutes',
      '60',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // 02:00Z is 09:00 in Krasnoyarsk (UTC+7): one working hour later is 10:00 local.
    expect(out).toMatchObject({
      deadline: '2026-11-24T10:00:00+07:00',
      profile: 'idrinsky-2021',
      timeZone: 'Asia/Krasnoyarsk',
      confirmed: true,
    });
    expect(typeof out.rule).toBe('string');
  });

  it.each([
    // Russian plural forms: 1 минута, 2–4 минуты, 5+ минут; 21 again one; 1 день, 2 дня, 5 дней.
    [['--work-minutes', '1'], '1 рабочая минута', '1 working minute'],
    [['--work-minutes', '-240'], '-240 рабочих минут', '-240 working minutes'],
    [['--work-minutes', '21'], '21 рабочая минута', '21 working minutes'],
    [['--work-days', '3'], '3 рабочих дня (до конца последнего)', '3 working days (end of the last one)'],
    [
      ['--calendar-days', '5'],
      '5 календарных дней (до конца рабочего дня)',
      '5 calendar days (rolled to the end of a working day)',
    ],
  ])("--json words a counted rule in the CLI's language: %j", async (flags, ru, en) => {
    const args = ['deadline', '--profile', 'nao-2020', '--from', '2026-11-24T11:00:00+03:00', ...flags, '--json'];
    const [r, e] = await Promise.all([runCli(args), runCli(args, undefined, { OTKLIK_LANG: 'en' })]);
    expect(JSON.parse(r.stdout).rule).toBe(ru);
    expect(JSON.parse(e.stdout).rule).toBe(en);
  });

  it("--json words a step's rule in the CLI's language (OTKLIK_LANG), counted by the plural rule", async () => {
    const args = [
      'deadline',
      '--profile',
      'nao-2020',
      '--from',
      '2026-11-24T11:00:00+03:00',
      '--step',
      'draft',
      '--json',
    ];
    const ru = JSON.parse((await runCli(args)).stdout);
    const en = JSON.parse((await runCli(args, undefined, { OTKLIK_LANG: 'en' })).stdout);
    // p.17: 4 working hours before the answer deadline; p.16: the answer 8 working hours from detection.
    expect(ru.rule).toBe(
      'draft: за 4 часа рабочего времени до срока «answer»; если это раньше направления — середина между направлением ' +
        'и сроком (p.17); answer: 8 часов рабочего времени от выявления (p.16)',
    );
    expect(en.rule).toBe(
      "draft: 4 hours of working time before 'answer'; halfway from routing on a short track (p.17); answer: 8 hours " +
        'of working time from detection (p.16)',
    );
    expect(en.deadline).toBe('2026-11-24T16:00:00+03:00');
  });

  it('a year without a decree is reported as not confirmed', async () => {
    const r = await runCli([
      'deadline',
      '--profile',
      'nao-2020',
      '--from',
      '2027-03-01T10:00:00+03:00',
      '--work-minutes',
      '60',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ deadline: '2027-03-01T11:00:00+03:00', confirmed: false });
  });

  it('--batch answers every line in order and reports bad lines without stopping', async () => {
    const lines = [
      { profile: 'konyshevsky-2020', from: '2026-11-24T16:00:00+03:00', workMinutes: 120 },
      'this is not json',
      { profile: 'nope', from: '2026-11-24T16:00:00+03:00', workMinutes: 1 },
      // Fri 27 Nov + 1 working day: counting starts the next day, Mon 30 Nov ends at 18:00.
      { profile: 'nao-2020', from: '2026-11-27T10:00:00+03:00', workDays: 1 },
      { profile: 'nao-2020', from: '2026-11-27T10:00:00+03:00', workDays: 1, calendarDays: 2 },
      // Sat 28 Nov + 2 calendar days = Mon 30 Nov, a working day: its end.
      { profile: 'slavgorod-2020', from: '2026-11-28T10:00:00+07:00', calendarDays: 2 },
    ];
    const stdin = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
    const r = await runCli(['deadline', '--batch'], `${stdin}\n`);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(6);
    expect(out[0].deadline).toBe('2026-11-24T18:00:00+03:00');
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringContaining('JSON') });
    expect(out[2]).toMatchObject({ line: 3, error: expect.stringContaining('профиль «nope» не найден') });
    expect(out[3].deadline).toBe('2026-11-30T18:00:00+03:00');
    expect(out[4]).toMatchObject({ line: 5, error: expect.stringContaining('несовместимые параметры') });
    expect(out[5].deadline).toBe('2026-11-30T18:00:00+07:00');
    expect(r.code).toBe(2);
  });

  it('--help documents every option (through `pnpm --silent otklik`, as the README runs it)', async () => {
    const r = await runCliAsReadme(['deadline', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--profile',
      '--from',
      '--work-minutes',
      '--work-days',
      '--calendar-days',
      '--step',
      '--category',
      '--json',
      '--batch',
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });
});

describe('otklik deadline: working minutes back (±N)', () => {
  // Tue 24 Nov 16:00 − 4 h of working time: 16:00 → 14:00 is 2 h, lunch 13–14 skipped, 13:00 → 11:00 the rest.
  it.each([[['--work-minutes', '-240']], [['--work-minutes=-240']]])('%j', async (flag) => {
    const r = await runCli([
      'deadline',
      '--profile',
      'konyshevsky-2020',
      '--from',
      '2026-11-24T16:00:00+03:00',
      ...flag,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2026-11-24T11:00:00+03:00\n');
  });

  it('back over a weekend in another zone, from flags and in a batch alike', async () => {
    // Mon 30 Nov 10:00 (UTC+5) − 2 h: 1 h back to 09:00, then Fri 27 Nov 18:00 → 17:00.
    const args = ['--profile', 'krasnoufimsk-2021', '--from', '2026-11-30T10:00:00+05:00'];
    const r = await runCli(['deadline', ...args, '--work-minutes', '-120']);
    expect(r.stdout).toBe('2026-11-27T17:00:00+05:00\n');
    const line = { profile: 'krasnoufimsk-2021', from: '2026-11-30T10:00:00+05:00', workMinutes: -120 };
    const b = await runCli(['deadline', '--batch'], `${JSON.stringify(line)}\n`);
    expect(JSON.parse(b.stdout).deadline).toBe('2026-11-27T17:00:00+05:00');
  });

  it('a flag with no value still says so', async () => {
    const r = await runCli([
      'deadline',
      '--profile',
      'nao-2020',
      '--from',
      '2026-11-24T16:00:00+03:00',
      '--work-minutes',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'otklik deadline: у параметра --work-minutes нет значения, например --work-minutes 120 (или --work-minutes -240 — ' +
        'минуты назад)',
    ]);
  });
});

describe('otklik deadline: the offset of the organisation is the one in force at each instant', () => {
  // Moscow went from UTC+3 to UTC+4 on Sun 27 Mar 2011 and back to UTC+3 on Sun 26 Oct 2014. Years without a decree
  // use the Labour Code art. 112 holidays (none near these dates), so these are plain Mon–Fri 09–18 weeks.
  const requests = [
    // Fri 25 Mar 2011 17:30 (+03) + 60 min: 30 min that Friday, then Mon 28 Mar 09:00 — now +04 — + 30 min.
    { profile: 'nao-2020', from: '2011-03-25T17:30:00+03:00', workMinutes: 60 },
    // Fri 24 Oct 2014 17:00 (+04) + 120 min: 1 h that Friday, then Mon 27 Oct 09:00 — now +03 — + 1 h.
    { profile: 'konyshevsky-2020', from: '2014-10-24T17:00:00+04:00', workMinutes: 120 },
    // And back: Mon 27 Oct 2014 10:00 (+03) − 120 min → Fri 24 Oct 17:00 (+04).
    { profile: 'konyshevsky-2020', from: '2014-10-27T10:00:00+03:00', workMinutes: -120 },
    // The same instants written in UTC give the same answers.
    { profile: 'konyshevsky-2020', from: '2014-10-24T13:00:00Z', workMinutes: 120 },
  ];
  const expected = [
    '2011-03-28T09:30:00+04:00',
    '2014-10-27T10:00:00+03:00',
    '2014-10-24T17:00:00+04:00',
    '2014-10-27T10:00:00+03:00',
  ];

  it.each(['UTC', 'Europe/Moscow', 'America/New_York'])('TZ=%s', async (tz) => {
    expect(await batchDeadlines(requests, tz)).toEqual(expected);
  });
});

describe('otklik deadline: the server process time zone never changes a result', () => {
  // The same requests under exotic process zones (UTC+13:45 with DST, UTC−3:30) must give the same lines.
  const requests = [
    { profile: 'konyshevsky-2020', from: '2026-06-11T16:30:00+03:00', workMinutes: 60 },
    { profile: 'idrinsky-2021', from: '2026-11-27T15:00:00+07:00', step: 'answer' },
    { profile: 'krasnoufimsk-2021', from: '2026-04-24T12:00:00+05:00', step: 'final' },
    { profile: 'nao-2020', from: '2026-12-30T17:00:00+03:00', workMinutes: 120 },
  ];
  // Hand-computed: the first three as above; 30 Dec 17:00 + 2 h: 1 h left that day (not shortened: 31 Dec is a
  // transferred day off, not a holiday), 31 Dec off, 1–8 Jan 2027 holidays (art. 112), 9–10 Jan weekend: 11 Jan 10:00.
  const expected = [
    '2026-06-15T09:30:00+03:00',
    '2026-11-30T15:00:00+07:00',
    '2026-05-04T18:00:00+05:00',
    '2027-01-11T10:00:00+03:00',
  ];

  it.each(['Pacific/Chatham', 'America/St_Johns', 'UTC'])('TZ=%s', async (tz) => {
    expect(await batchDeadlines(requests, tz)).toEqual(expected);
  });
});

describe('otklik deadline: bad input is one line on stderr and exit code 2', () => {
  it.each([
    [
      ['--profile', 'nope', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '1'],
      /профиль «nope» не найден; есть: konyshevsky-2020/,
    ],
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24 16:00', '--work-minutes', '1'],
      /неверный момент «2026-11-24 16:00»/,
    ],
    [
      ['--profile', 'nao-2020', '--from', '2026-02-30T10:00:00+03:00', '--work-minutes', '1'],
      /такой даты или времени нет/,
    ],
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00', '--work-minutes', '1'],
      /нужен ISO-8601 со смещением от UTC/,
    ],
    [['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00'], /workMinutes|--work-minutes/],
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '1', '--work-days', '1'],
      /несовместимые параметры: --work-minutes и --work-days/,
    ],
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', 'ten'],
      /--work-minutes: ожидается целое число, а не «ten»/,
    ],
    [['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--step', 'nonsense'], /nonsense/],
    // A step the regulation does not have: the domain's refusal, in the CLI's language (Russian unless OTKLIK_LANG).
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--step', 'explain'],
      /В профиле nao-2020 нет шага «explain»; есть: triage, /,
    ],
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--step', 'answer', '--category', 'urgent'],
      /category/,
    ],
    // Beyond the calendar's years: the calendar's refusal, in the CLI's language like the domain's.
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--work-days', '9999999'],
      /Дата вне поддерживаемых лет 1971–2399/,
    ],
    [['--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '1'], /укажите --profile/],
    [['--profile', 'nao-2020', '--frm', 'x'], /frm/],
    [['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '1', '--high'], /high/],
  ])('%j', async (args, message) => {
    const r = await runCli(['deadline', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
  it.each([
    [['--profile', 'nope', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '1'], 'unknown profile "nope"'],
    [['--profile', 'nao-2020', '--from', '2026-02-30T10:00:00+03:00', '--work-minutes', '1'], 'no such date or time'],
    [['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00', '--work-minutes', '1'], 'with a UTC offset'],
    [['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', 'ten'], 'a whole number'],
    [['--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '1'], 'missing --profile'],
    [['--profile', 'nao-2020', '--frm', 'x'], 'unknown option --frm'],
    [
      ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00', '--work-minutes', '1', '--work-days', '1'],
      'conflicting options: --work-minutes and --work-days',
    ],
  ])('OTKLIK_LANG=en: %j', async (args, message) => {
    const r = await runCli(['deadline', ...args], undefined, { OTKLIK_LANG: 'en' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/[а-яё]/i);
  });

  it("words a batch line's problem in the CLI's language, zod's type check included", async () => {
    const line = `${JSON.stringify({ profile: 'nao-2020', from: '2026-11-24T16:00:00+03:00', workMinutes: 'x' })}\n`;
    const [ru, en] = await Promise.all([
      runCli(['deadline', '--batch'], line),
      runCli(['deadline', '--batch'], line, { OTKLIK_LANG: 'en' }),
    ]);
    expect(JSON.parse(ru.stdout)).toEqual({ line: 1, error: expect.stringMatching(/^workMinutes: .*ожидалось число/) });
    expect(JSON.parse(en.stdout)).toEqual({ line: 1, error: expect.stringMatching(/^workMinutes: .*expected number/) });
    expect(en.stdout).not.toMatch(/[а-яё]/i);
  });

  it("words the domain's and the calendar's refusals in the CLI's language (OTKLIK_LANG=en)", async () => {
    const from = ['--profile', 'nao-2020', '--from', '2026-11-24T16:00:00+03:00'];
    const [step, span] = await Promise.all([
      runCli(['deadline', ...from, '--step', 'explain'], undefined, { OTKLIK_LANG: 'en' }),
      runCli(['deadline', ...from, '--work-days', '9999999'], undefined, { OTKLIK_LANG: 'en' }),
    ]);
    expect(step.code).toBe(2);
    expect(step.stderr).toMatch(/explain/);
    expect(step.stderr).not.toMatch(/[а-яё]/i);
    expect(span.code).toBe(2);
    expect(span.stderr).toMatch(/1971–2399/);
    expect(span.stderr).not.toMatch(/[а-яё]/i);
  });
});
