// Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROMIUM_PATH). Without it the tests are skipped
// with a visible notice, unless OTKLIK_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot } from './server';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(chromiumPath);
export const artifactsDir = join(repoRoot, 'tests/artifacts');

if (!hasBrowser) {
  const message = `Chromium not found at ${chromiumPath}: browser tests skipped (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.OTKLIK_REQUIRE_BROWSER === '1') throw new Error(message);
  process.stderr.write(`\n⚠ ${message}\n\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--headless',
    ],
  });
}

/** A fresh browser context (its own cookies), signed in through the login page as a real user would. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  login: string,
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  return { context, page };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });
}

/** The number on the page's notification bell (0 while it shows none). */
export async function bellCount(page: Page): Promise<number> {
  return Number(
    (await page
      .getByTestId('bell-count')
      .textContent()
      .catch(() => '0')) || 0,
  );
}
