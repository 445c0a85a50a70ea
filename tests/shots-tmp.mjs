import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3111';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [login, locale, vp] of [['kr-head', 'ru-RU', { width: 1440, height: 900 }], ['kr-curator', 'ru-RU', { width: 390, height: 844 }]]) {
  const context = await browser.newContext({ viewport: vp, locale });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15000 });
  await page.waitForTimeout(1500);
  await page.locator('header button').filter({ has: page.locator('svg') }).first().click().catch((e) => console.log('no bell', e.message));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/shots/${login}-bell.png` });
  await context.close();
}
await browser.close();
