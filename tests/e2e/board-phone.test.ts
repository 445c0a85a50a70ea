// The board on a phone (390×844): no keyboard-shortcut hint, the status chips, filters and saved views folded behind
// one "Фильтры" button that shows how many filters are on, so the first case is on screen without scrolling. On a
// desktop everything stays open and the hint is shown. A countdown's longest line stays inside its card. A board of
// 10,000 cases mounts only the cards near the screen.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signIn } from './support/api';
import { boardRows, serveBoardRows, workAllDay } from './support/board-rows';
import { screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 30_000, interval: 200 };
const PHONE = { width: 390, height: 844 };

/** The first case row's box against the viewport's height. */
async function firstRowBox(page: Page) {
  const box = await page.locator('tr[data-case-id]').first().boundingBox();
  if (!box) throw new Error('no case row on the board');
  return box;
}

describeInBrowser('the board on a phone', (suite) => {
  it('shows the first case without scrolling, the filters behind a button with the active count', async () => {
    const { page } = await suite.signedIn('curator', PHONE);
    await page.goto(`${suite.server.url}/board`);
    await expect.poll(() => page.locator('tr[data-case-id]').count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('.board-keys').isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: /^Фильтры/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByLabel('Поиск').isVisible()).toBe(false);
    expect(await page.locator('.status-counts').isVisible()).toBe(false);
    // The overdue / at-risk / on-track counts stay: they are what a curator looks at first.
    expect(await page.locator('.urgency-counts').isVisible()).toBe(true);
    const box = await firstRowBox(page);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await screenshot(page, 'board-phone-folded');

    // Open, filter by urgency, close: the button counts the filter, the first row is still on screen.
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.status-counts').isVisible()).toBe(true);
    await page.locator('.board-filters label', { hasText: 'Срочность' }).locator('select').selectOption('breached');
    await page.getByLabel('Поиск').fill('');
    await expect.poll(() => page.url(), POLL).toContain('urgency=breached');
    await toggle.click();
    expect(await page.getByLabel('Поиск').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /^Фильтры\W*активных фильтров: 1$/ }).count()).toBe(1);
    expect(await toggle.locator('.count-badge [aria-hidden="true"]').textContent()).toBe('1');
    await expect.poll(() => page.locator('tr[data-case-id].urgency-breached').count(), POLL).toBeGreaterThan(0);
    const filtered = await firstRowBox(page);
    expect(filtered.y + filtered.height).toBeLessThanOrEqual(PHONE.height);
  });

  it('keeps "просрочено на 1 ч 00 мин" inside its card, clear of the next column', async () => {
    const { page } = await suite.signedIn('curator', PHONE);
    const org = await (await signIn(suite.server.url, 'curator')).api.directory.organisation.query();
    // Generated rows, the first an hour overdue, in working time (its countdown runs and reads in hours and minutes).
    const rows = boardRows(20, Date.now(), org.id);
    await serveBoardRows(page, () => rows, workAllDay);
    await page.goto(`${suite.server.url}/board`);
    const first = page.locator('tr[data-case-id]').first().locator('.ok-countdown-time');
    await expect.poll(() => first.textContent(), POLL).toMatch(/^просрочено на 1 ч 0\d мин$/);
    await expect
      .poll(() => page.locator('tr[data-case-id] .ok-countdown-time').nth(1).textContent(), POLL)
      .toMatch(/с$/);
    // Each shown countdown's text (its glyphs, not its box) lies inside its own cell and meets no other cell.
    const clashes = await page.evaluate(() => {
      const found: string[] = [];
      for (const row of Array.from(document.querySelectorAll('tr[data-case-id]'))) {
        const time = row.querySelector('.ok-countdown-time');
        const cell = row.querySelector('.board-cell-countdown');
        if (!time || !cell || !time.textContent) continue;
        const range = document.createRange();
        range.selectNodeContents(time);
        const text = range.getBoundingClientRect();
        const own = cell.getBoundingClientRect();
        if (text.left < own.left - 0.5 || text.right > own.right + 0.5)
          found.push(`${time.textContent}: outside its cell`);
        for (const other of Array.from(row.querySelectorAll('td'))) {
          if (other === cell || getComputedStyle(other).display === 'none') continue;
          const o = other.getBoundingClientRect();
          const meets = text.left < o.right && text.right > o.left && text.top < o.bottom && text.bottom > o.top;
          if (meets && o.width > 0 && o.height > 0) found.push(`${time.textContent}: over ${other.className}`);
        }
      }
      return found;
    });
    expect(clashes).toEqual([]);
    await screenshot(page, 'board-phone-countdowns');
  });

  it('mounts only the cards near the screen of a board of 10,000 cases, and scrolls them in its own box', async () => {
    const { page } = await suite.signedIn('curator', PHONE);
    const org = await (await signIn(suite.server.url, 'curator')).api.directory.organisation.query();
    const rows = boardRows(10_000, Date.now(), org.id);
    await serveBoardRows(page, () => rows);
    await page.goto(`${suite.server.url}/board`);
    // The list's box no taller than the screen: a box as tall as its rows made the virtual list mount all of them.
    await expect.poll(() => page.locator('.board-total').textContent(), { timeout: 120_000 }).toMatch(/10\s?000/);
    const mounted = await page.locator('tr[data-case-id]').count();
    expect(mounted).toBeGreaterThan(0);
    expect(mounted).toBeLessThan(40);
    const box = await page.getByTestId('board-scroll').boundingBox();
    expect(box?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(PHONE.height);
    await page.getByTestId('board-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect
      .poll(() => page.locator('tr[data-case-id] .board-number').allTextContents(), POLL)
      .toContainEqual(expect.stringMatching(/^№10(49|50|51)\d\d$/));
  });

  it('opens the notifications panel inside the screen', async () => {
    const { page } = await suite.signedIn('curator', PHONE);
    await page.goto(`${suite.server.url}/board`);
    await page.locator('button[aria-controls="bell-panel"]').click();
    const box = await page.locator('#bell-panel').boundingBox();
    if (!box) throw new Error('the notifications panel did not open');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await screenshot(page, 'bell-phone');
  });

  it('keeps everything open and the shortcut hint on a desktop', async () => {
    const { page } = await suite.signedIn('curator');
    await page.goto(`${suite.server.url}/board`);
    await expect.poll(() => page.locator('tr[data-case-id]').count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('.board-keys').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Фильтры/ }).isVisible()).toBe(false);
    expect(await page.getByLabel('Поиск').isVisible()).toBe(true);
    expect(await page.locator('.status-counts').isVisible()).toBe(true);
  });
});
