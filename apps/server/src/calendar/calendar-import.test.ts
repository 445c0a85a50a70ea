// The production calendar as data, through the API: in December 2026 the next 60 days reach January 2027, which has
// no decree, so the calendar warns and January deadlines are unconfirmed; an administrator imports a 2027 file
// (an illustrative one, see testdata/README.md) and the same deadline becomes confirmed, the warning goes, and the
// year's own transfers move deadlines. Deadlines are worked out by hand in the comments.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { people } from '../db/schema';
import { describeEachDatabase } from '../test/databases';
import { type Caller, signIn } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const at = (iso: string) => Date.parse(iso);

describeEachDatabase('production calendar import', (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => at('2026-12-01T10:00:00+03:00') });
  let admin: Caller;
  let orgAdmin: Caller;
  let curator: Caller;
  beforeAll(async () => {
    orgAdmin = await signIn(fx.deps, fx.org.people.admin.login);
    // The production calendar is the region administrator's: the fixture's administrator is made one here.
    await fx.deps.db.update(people).set({ regionAdministrator: true }).where(eq(people.id, fx.org.people.admin.id));
    admin = await signIn(fx.deps, fx.org.people.admin.login);
    curator = await signIn(fx.deps, fx.org.people.curator.login);
  });

  it('warns, then an imported 2027 confirms January deadlines and applies its own transfers', async () => {
    expect(await curator.calendar.status()).toEqual({
      unconfirmed: { from: '2027-01-01', years: [2027] },
      imported: [],
    });
    // konyshevsky p.10: answer within 8 working hours. Wed 30 Dec 14:00–18:00 is 4 h; 31 Dec (decree 1466) and
    // 1–10 Jan are days off; Mon 11 Jan 09:00–13:00 the other 4 h.
    const answer = { step: 'answer' as const, from: at('2026-12-30T14:00:00+03:00') };
    expect(await curator.calendar.preview(answer)).toMatchObject({
      at: at('2027-01-11T13:00:00+03:00'),
      confirmed: false,
    });
    // p.15: the final answer within 7 working days from Wed 3 Nov 2027: Thu 4 Nov is a holiday; under the Labour
    // Code Fri 5 Nov works: 5, 8, 9, 10, 11, 12, 15 Nov → 15 Nov 18:00.
    const final = { step: 'final' as const, from: at('2027-11-03T12:00:00+03:00') };
    expect((await curator.calendar.preview(final)).at).toBe(at('2027-11-15T18:00:00+03:00'));

    await expect(
      curator.calendar.importOpenData({
        fileName: 'x.csv',
        text: fixture('production-calendar-2027-illustrative.csv'),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The years serve every organisation of the installation: an organisation's own administrator may not load them.
    await expect(
      orgAdmin.calendar.importOpenData({
        fileName: 'x.csv',
        text: fixture('production-calendar-2027-illustrative.csv'),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { outcomes } = await admin.calendar.importOpenData({
      fileName: 'production-calendar-2027-illustrative.csv',
      text: fixture('production-calendar-2027-illustrative.csv'),
    });
    // By hand: 365 − 118 days off = 247 working days; 247 × 8 − 4 shortened days = 1972 hours.
    expect(outcomes).toEqual([
      { year: 2027, totals: { workingDays: 247, daysOff: 118, hours40: 1972 }, replaced: false },
    ]);

    const status = await curator.calendar.status();
    expect(status.unconfirmed).toBeNull();
    expect(status.imported).toMatchObject([{ year: 2027, workingDays: 247, hours40: 1972 }]);
    expect(await curator.calendar.preview(answer)).toMatchObject({
      at: at('2027-01-11T13:00:00+03:00'),
      confirmed: true,
    });
    // The imported year moves a January weekend holiday to Fri 5 Nov: 8, 9, 10, 11, 12, 15, 16 Nov → 16 Nov 18:00.
    expect((await curator.calendar.preview(final)).at).toBe(at('2027-11-16T18:00:00+03:00'));
    const days = await curator.calendar.days({ from: '2027-11-04', to: '2027-11-05' });
    expect(days.days.map((d) => [d.date, d.kind, d.confirmed])).toEqual([
      ['2027-11-04', 'holiday', true],
      ['2027-11-05', 'transferred-day-off', true],
    ]);

    // Removing it brings the fallback back.
    await admin.calendar.removeImportedYear({ year: 2027 });
    expect((await curator.calendar.status()).unconfirmed).toEqual({ from: '2027-01-01', years: [2027] });
  });

  it('2026 from decree 1466 prints 247 working days and 1972 hours', async () => {
    const { outcomes } = await admin.calendar.importOpenData({
      fileName: 'production-calendar-2026.csv',
      text: fixture('production-calendar-2026.csv'),
    });
    expect(outcomes).toEqual([
      { year: 2026, totals: { workingDays: 247, daysOff: 118, hours40: 1972 }, replaced: false },
    ]);
    await admin.calendar.removeImportedYear({ year: 2026 });
  });

  it('refuses a broken file with every problem named, and stores nothing', async () => {
    const good = fixture('production-calendar-2027-illustrative.csv');
    // 1 January listed as a working day; the file's own total of working days left at 247.
    const broken = good.replace('"2027","1,2,3,', '"2027","2,3,');
    await expect(admin.calendar.importOpenData({ fileName: 'b.csv', text: broken })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/2027-01-01.*Labour Code art\. 112[\s\S]*248/),
    });
    await expect(
      admin.calendar.importOpenData({ fileName: 'c.csv', text: 'year,jan\n2027,"1,2"\n' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Год/Месяц') });
    // A NUL byte (in the name or the text) is refused before it reaches the database.
    await expect(admin.calendar.importOpenData({ fileName: 'a\u0000.csv', text: good })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      admin.calendar.importOpenData({ fileName: 'a.csv', text: good.replace('2027', '20\u000027') }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Two years in one file: the administrator names the one to import.
    const [header, row] = good.trim().split('\n');
    const twoYears = `${header}\n${row}\n${fixture('production-calendar-2026.csv').trim().split('\n')[1]}\n`;
    await expect(admin.calendar.importOpenData({ fileName: 'd.csv', text: twoYears })).rejects.toMatchObject({
      message: expect.stringContaining('2027, 2026'),
    });
    expect((await curator.calendar.status()).imported).toEqual([]);
    const only = await admin.calendar.importOpenData({ fileName: 'd.csv', text: twoYears, years: [2026] });
    expect(only.outcomes.map((o) => o.year)).toEqual([2026]);
    await admin.calendar.removeImportedYear({ year: 2026 });
  });
});
