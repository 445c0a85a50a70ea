// The board with 10,000 open cases: the server's board answer is replaced (in the browser, by request interception)
// with 10,000 generated rows; only the rows on screen exist in the DOM, every one with its live countdown, scrolling
// to the middle shows the right case, and search filters all of them. How fast it renders and ticks is measured by
// the board render benchmark (tests/bench/board-render.bench.ts), not asserted here.
import { beforeAll, expect, it } from 'vitest';
import { boardRows, serveBoardRows } from './support/board-rows';
import { screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

const N = 10_000;
/** Generous: the machine running the suite may be busy; the benchmark reports the real figure. */
const SLOW = { timeout: 120_000 };

describeInBrowser('board with 10,000 open cases', { page: 'curator' }, (suite) => {
  beforeAll(async () => {
    // The organisation's own id, so every row gets its working calendar and a live countdown.
    const org = await (await suite.api('curator')).api.directory.organisation.query();
    const rows = boardRows(N, Date.now(), org.id);
    await serveBoardRows(suite.page, () => rows);
  });

  it('renders only the visible rows and counts all of them', async () => {
    await suite.page.goto(`${suite.server.url}/board`);
    await expect.poll(() => suite.page.locator('.board-total').textContent(), SLOW).toContain(`${N}`);
    const domRows = await suite.page.locator('tr[data-case-id]').count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(60);
    expect(await suite.page.locator('tr[data-case-id] .ok-countdown').count()).toBe(domRows);
    await screenshot(suite.page, 'board-10k');
  });

  it('scrolls to the middle and shows the case there, still with few DOM rows', async () => {
    await suite.page.getByTestId('board-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect
      .poll(() => suite.page.locator('tr[data-case-id] .board-number').allTextContents(), SLOW)
      .toContainEqual(expect.stringMatching(/^№10(49|50|51)\d\d$/));
    expect(await suite.page.locator('tr[data-case-id]').count()).toBeLessThan(60);
  });

  it('filters 10,000 rows by search at once', async () => {
    await suite.page.getByLabel('Поиск').fill('№105000');
    await expect.poll(() => suite.page.locator('tr[data-case-id]').count(), SLOW).toBe(1);
    // The URL follows the search box a moment later (the box itself never waits for it).
    await expect.poll(() => new URL(suite.page.url()).searchParams.get('q'), SLOW).toBe('№105000');
  });
});
