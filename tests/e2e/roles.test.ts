// Every role signs in through the login page and lands on its own start page; a wrong password and an empty form
// are readable messages, not a crash; signing out returns to the login page.
import { expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

describeInBrowser('sign-in per role', (suite) => {
  // Start pages by role (apps/web/src/app/home.ts): executors and department heads work from their tasks,
  // the administrator from the directory, the operator from the registration form, everyone else from the board.
  const cases: [login: string, path: string, heading: string][] = [
    ['operator', '/register', 'Регистрация сообщения'],
    ['curator', '/board', 'Доска обращений'],
    ['zhkh', '/inbox', 'Мои задачи'],
    ['deputy', '/inbox', 'Мои задачи'],
    ['head', '/board', 'Доска обращений'],
    ['observer', '/board', 'Доска обращений'],
    ['admin', '/admin/departments', 'Администрирование'],
  ];
  /** The login page in a fresh browser context (no cookies), as someone not signed in sees it. */
  const loginPage = async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/login`);
    return { context, page };
  };

  for (const [login, path, heading] of cases) {
    it(`${login} lands on ${path}`, async () => {
      const { context, page } = await suite.signedIn(login);
      await page.waitForURL((u) => u.pathname === path);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).count()).toBe(1);
      if (login === 'curator') {
        // The demo data fills the board: the artifact shows it as a curator sees it first thing in the morning.
        await expect.poll(() => page.locator('tr[data-case-id]').count(), { timeout: 15_000 }).toBeGreaterThan(5);
        await screenshot(page, 'board');
      }
      await context.close();
    });
  }

  it('a wrong password is a readable message and the form stays', async () => {
    const { context, page } = await loginPage();
    await page.getByLabel('Логин').fill('curator');
    await page.getByLabel('Пароль').fill('wrong');
    await page.getByRole('button', { name: 'Войти' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Неверный логин или пароль');
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('an empty form says what is missing without asking the server', async () => {
    const { context, page } = await loginPage();
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Введите логин и пароль');
    await context.close();
  });

  it('switches the whole interface to English and remembers it', async () => {
    const { context, page } = await loginPage();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Otklik');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Otklik');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Login').fill('curator');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Case board');
    await context.close();
  });

  it('a session that ends while the page is open leads back to the login page, not to errors', async () => {
    const { context, page } = await suite.signedIn('curator');
    await page.waitForURL((u) => u.pathname === '/board');
    await expect.poll(() => page.locator('.board-case-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await context.clearCookies();
    // The next call to the API (moving to another screen, or the live feed catching up — whichever comes first) is
    // refused; the app then returns to the login page by itself.
    await page
      .getByRole('link', { name: 'Мои задачи' })
      .click({ timeout: 3000 })
      .catch(() => {});
    await page.waitForURL((u) => u.pathname === '/login', { timeout: 15_000 });
    await context.close();
  });

  it('signing out returns to the login page, and the board then asks to sign in', async () => {
    const { context, page } = await suite.signedIn('curator');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.goto(`${suite.server.url}/board`);
    await page.waitForURL((u) => u.pathname === '/login');
    await context.close();
  });
});
