// Basic accessibility on the main screens: each form control has an accessible name, the first Tab stop is the
// "skip to content" link, and each page has exactly one h1.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './support/suite';

async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))
      .filter((el) => {
        if ((el as HTMLInputElement).type === 'hidden') return false;
        const labelled =
          ((el as HTMLInputElement).labels?.length ?? 0) > 0 ||
          !!el.getAttribute('aria-label') ||
          !!el.getAttribute('aria-labelledby') ||
          (el.tagName === 'BUTTON' && (el.textContent ?? '').trim().length > 0);
        return !labelled;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

describeInBrowser('accessibility basics', (suite) => {
  const screens: [login: string, path: string][] = [
    ['curator', '/board'],
    ['zhkh', '/inbox'],
    ['admin', '/admin/people'],
    ['admin', '/admin/absences'],
    ['admin', '/admin/places'],
    ['admin', '/admin/channels'],
  ];
  for (const [login, path] of screens) {
    it(`${path} as ${login}: labelled controls, one h1, skip link first`, async () => {
      const { context, page } = await suite.signedIn(login);
      await page.goto(`${suite.server.url}${path}`);
      await expect.poll(() => page.locator('h1').count(), { timeout: 15_000 }).toBe(1);
      await page.waitForLoadState('networkidle');
      expect(await unlabelledControls(page)).toEqual([]);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await context.close();
    });
  }

  it('a case workspace with an action form open: every field labelled', async () => {
    const { context, page } = await suite.signedIn('curator');
    await page.goto(`${suite.server.url}/board`);
    await page.locator('.board-case-link').first().click();
    await page.locator('.action-buttons button').first().click();
    await expect.poll(() => page.locator('.command-form').count(), { timeout: 15_000 }).toBe(1);
    expect(await unlabelledControls(page)).toEqual([]);
    await context.close();
  });
});
