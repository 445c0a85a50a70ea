// The board with 10,000 open cases: the server's board answer is replaced (in the browser, by request interception)
// with 10,000 generated rows; only the rows on screen exist in the DOM, every one with its live countdown, scrolling
// to the middle shows the right case, and search filters all of them. How fast it renders and ticks is measured by
// the board render benchmark (tests/bench/board-render.bench.ts), not asserted here.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api';
import { boardRows, serveBoardRows } from './support/board-rows';
import { hasBrowser, launchBrowser, screenshot, signedInPage } from './support/browser';
import { buildWeb, startTestServer, type TestServer } from './support/server';

const N = 10_000;
/** Generous: the machine running the suite may be busy; the benchmark reports the real figure. */
const SLOW = { timeout: 120_000 };

describe.skipIf(!hasBrowser)('board with 10,000 open cases', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildWeb();
    server = await startTestServer();
    browser = await launchBrowser();
    page = (await signedInPage(browser, server.url, 'curator')).page;
    // The organisation's own id, so every row gets its working calendar and a live countdown.
    const org = await new ApiClient(server.url)
      .login('curator')
      .then((a) => a.query<{ id: string }>('directory.organisation'));
    const rows = boardRows(N, Date.now(), org.id);
    await serveBoardRows(page, () => rows);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('renders only the visible rows and counts all of them', async () => {
    await page.goto(`${server.url}/board`);
    await expect.poll(() => page.locator('.board-total').textContent(), SLOW).toContain(`${N}`);
    const domRows = await page.locator('tr[data-case-id]').count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(60);
    expect(await page.locator('tr[data-case-id] .ok-countdown').count()).toBe(domRows);
    await screenshot(page, 'board-10k');
  });

  it('scrolls to the middle and shows the case there, still with few DOM rows', async () => {
    await page.getByTestId('board-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect
      .poll(() => page.locator('tr[data-case-id] .board-number').allTextContents(), SLOW)
      .toContainEqual(expect.stringMatching(/^№10(49|50|51)\d\d$/));
    expect(await page.locator('tr[data-case-id]').count()).toBeLessThan(60);
  });

  it('filters 10,000 rows by search at once', async () => {
    await page.getByLabel('Поиск').fill('№105000');
    await expect.poll(() => page.locator('tr[data-case-id]').count(), SLOW).toBe(1);
    // The URL follows the search box a moment later (the box itself never waits for it).
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), SLOW).toBe('№105000');
  });
});
