// The production calendar in the browser, on the real clock (December 2026 when this was written): while the next
// 60 days reach 2027, a year with no decree, the board and the calendar screen warn; the administrator loads a 2027
// open-data CSV (an illustrative one, see apps/server/src/calendar/testdata/README.md), sees its totals, and the
// warning goes. The expectations follow from today's date alone, so the test stays true in other years.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasBrowser, screenshot } from './support/browser';
import { repoRoot } from './support/server';
import { browserSuite } from './support/suite';

const POLL = { timeout: 20_000, interval: 200 };
const FILE = join(repoRoot, 'apps/server/src/calendar/testdata/production-calendar-2027-illustrative.csv');
// The demo organisations are in Russia (UTC+2…+12): a day of margin either side covers every local date.
const today = Date.now();
const horizonEnd = today + 61 * 86_400_000;
const reaches2027 = horizonEnd >= Date.parse('2027-01-01T00:00:00Z') && today < Date.parse('2027-12-31T00:00:00Z');
/** After the import, no other unconfirmed year (2028) is within reach yet. */
const onlyIn2027 = horizonEnd < Date.parse('2028-01-01T00:00:00Z');

describe.skipIf(!hasBrowser || !reaches2027)('production calendar (while the next 60 days reach 2027)', () => {
  const suite = browserSuite({ page: 'admin' });

  it('the board warns that 2027 is not confirmed, with a link to the import', async () => {
    await suite.page.goto(`${suite.server.url}/board`);
    const warning = suite.page.getByTestId('calendar-warning');
    await expect.poll(() => warning.textContent(), POLL).toMatch(/2027.*не загружен/);
    expect(await warning.getByRole('link', { name: 'Загрузить календарь' }).getAttribute('href')).toBe(
      '/admin/calendar',
    );
  });

  it('the administrator loads 2027 from the open-data CSV, sees its totals, and the warning goes', async () => {
    await suite.page.goto(`${suite.server.url}/admin/calendar`);
    await expect.poll(() => suite.page.getByTestId('calendar-warning').count(), POLL).toBe(1);
    await suite.page.getByLabel('Файл CSV').setInputFiles(FILE);
    await suite.page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect
      .poll(() => suite.page.getByRole('status').filter({ hasText: 'рабочих дней 247' }).count(), POLL)
      .toBe(1);
    await expect.poll(() => suite.page.locator('.imported-years li').first().textContent(), POLL).toMatch(/^2027: 247/);
    await screenshot(suite.page, 'production-calendar-imported', true);
    if (onlyIn2027) {
      await expect.poll(() => suite.page.getByTestId('calendar-warning').count(), POLL).toBe(0);
      await suite.page.goto(`${suite.server.url}/board`);
      await suite.page.getByRole('heading', { name: 'Доска обращений' }).waitFor();
      // Give the status request time to answer before checking that no warning appears.
      await suite.page.waitForLoadState('networkidle');
      expect(await suite.page.getByTestId('calendar-warning').count()).toBe(0);
    }
  });

  it('a file that is not the open data is refused with the reason', async () => {
    await suite.page.goto(`${suite.server.url}/admin/calendar`);
    await suite.page.getByLabel('Файл CSV').setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('year,jan\n2027,"1,2"\n'),
    });
    await suite.page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect
      .poll(() => suite.page.getByRole('alert').first().textContent(), POLL)
      .toMatch(/Это не производственный календарь из открытых данных: нет столбцов «Год\/Месяц»/);
    // The reader's language only: the server sends the problems as catalogue keys, not a two-language text.
    expect(await suite.page.getByRole('alert').first().textContent()).not.toMatch(/missing columns/);
  });
});
