import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { createDeps } from '../../deps';
import { routeSingle } from '../../test/case-steps';
import { createOrgFixture, signIn } from '../../test/fixtures';
import { cliDataDir } from '../../test/temp-dirs';

// Tue 24 Nov 2026 10:00 Moscow; the report is taken on Mon 30 Nov 09:00 Moscow.
const TUE_10_MSK = Date.UTC(2026, 10, 24, 7, 0);
const REPORT_AT = '2026-11-30T09:00:00+03:00';

async function capture(fn: () => Promise<number>) {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await fn();
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('otklik report', () => {
  const dir = cliDataDir('otklik-report-');

  it('prints the same numbers as the API, as JSON and as CSV for Excel', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir.dataDir });
    let clock = TUE_10_MSK;
    let apiSummary: unknown;
    let slug = '';
    try {
      await migrateDatabase(database);
      const deps = createDeps({ database, now: () => clock });
      const org = await createOrgFixture(deps);
      slug = org.slug;
      const operator = await signIn(deps, org.people.operator.login);
      const curator = await signIn(deps, org.people.curator.login);
      // Two cases: one answered, one left open past its deadline (so `--now` matters).
      for (const [i, text] of ['Яма у школы', 'Не горит фонарь'].entries()) {
        clock = TUE_10_MSK + i * 30 * 60_000;
        const { caseId } = await operator.cases.register({
          network: 'vk',
          link: `https://vk.com/wall-1_${i}`,
          author: { name: 'Житель' },
          text,
          attachments: [],
          visibility: 'public',
        });
        await operator.cases.command({
          caseId,
          expectedVersion: 1,
          command: { type: 'triage', topic: 'Дороги', location: 'центр', category: 'ordinary', processable: true },
        });
        await curator.cases.command({
          caseId,
          expectedVersion: 2,
          command: routeSingle(org.departments.roads, org.people.roadsExecutor.id),
        });
      }
      clock = Date.parse(REPORT_AT);
      const head = await signIn(deps, org.people.head.login);
      const { summary } = await head.reports.monthlySummary({ month: '2026-11' });
      const { drill: _drill, ...rest } = summary;
      apiSummary = rest;
    } finally {
      await database.close();
    }

    dir.use();
    const { run } = await import('./report');
    const json = await capture(() =>
      run(['--month', '2026-11', '--org', slug, '--format', 'json', '--now', REPORT_AT]),
    );
    expect(json.err).toBe('');
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.out) as { summary: { totals: { received: number; overdue: number } } };
    expect(printed.summary).toEqual(apiSummary);
    // Both cases are still with roads past their deadlines by Monday: 2 received, overdue steps counted.
    expect(printed.summary.totals.received).toBe(2);
    expect(printed.summary.totals.overdue).toBeGreaterThan(0);

    const csv = await capture(() => run(['--month', '2026-11', '--org', slug, '--now', REPORT_AT]));
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFF')).toBe(true);
    // One language in the file: the CLI's (Russian by default, OTKLIK_LANG=en for English).
    expect(csv.out).toContain('Подразделение;Получено;');
    expect(csv.out).not.toMatch(/received|department/i);
    vi.stubEnv('OTKLIK_LANG', 'en');
    const english = await capture(() => run(['--month', '2026-11', '--org', slug, '--now', REPORT_AT])).finally(() =>
      vi.unstubAllEnvs(),
    );
    expect(english.code).toBe(0);
    expect(english.out).toContain('Department;Received;');
    expect(english.out).toContain(': monthly summary, 2026-11');
    expect(english.out).not.toMatch(/Получено|Подразделение|сводка/);
    expect(csv.out).toContain('Дороги и транспорт;2;');
    expect(csv.out).toContain('\r\n');
  });

  it.each([
    [['--org', 'x'], /--month/],
    [['--month', '2026-13', '--org', 'x'], /ГГГГ-ММ/],
    [['--month', '2026-10'], /--org/],
    [['--month', '2026-10', '--org', 'x', '--format', 'xlsx'], /^otklik report: --format: csv или json, а не «xlsx»$/m],
    [['--month', '2026-10', '--org', 'x', '--delimiter', '|'], /--delimiter: ';' или ',', а не «\|»/],
    [['--month', '2026-10', '--org', 'x', '--now', '2026-11-01 09:00'], /с часовым поясом/],
    [['--month', '2026-10', '--org', 'x', '--bogus'], /bogus/],
    [['--month', '2026-10', '--org', 'no-such-org'], /организация «no-such-org» не найдена/],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    dir.use();
    const { run } = await import('./report');
    const r = await capture(() => run(argv));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('words its option errors in English only with OTKLIK_LANG=en', async () => {
    dir.use();
    const { run } = await import('./report');
    vi.stubEnv('OTKLIK_LANG', 'en');
    const format = await capture(() => run(['--month', '2026-10', '--org', 'x', '--format', 'xlsx'])).finally(() =>
      vi.unstubAllEnvs(),
    );
    expect(format.code).toBe(2);
    expect(format.err).toBe('otklik report: --format must be csv or json, got "xlsx"\n');
  });
});
