// A fresh installation in the browser: the first-run page instead of sign-in, guarded by the code from the server log;
// the first administrator (a region administrator) creates a second organisation, whose administrator then signs in
// and sees neither the Organisations section nor the first organisation's people.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 200 };

describeInBrowser('first run', { server: { demo: false } }, (suite) => {
  let page: Page;
  let code = '';

  beforeAll(async () => {
    code = /setup\?code=([A-Z0-9-]+)/.exec(suite.server.stderr())?.[1] ?? '';
    page = await (
      await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' })
    ).newPage();
  });

  async function fillOrganisation(p: Page, org: { name: string; login: string; password: string; again?: string }) {
    await p.getByLabel('Название').fill(org.name);
    await p.getByLabel('ФИО').fill('Иванова Мария Петровна');
    await p.getByLabel('Логин').fill(org.login);
    await p.getByLabel('Пароль', { exact: true }).fill(org.password);
    await p.getByLabel('Пароль ещё раз').fill(org.again ?? org.password);
  }

  it('opens the first-run page instead of sign-in, and refuses a wrong code', async () => {
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL((u) => u.pathname === '/setup', { timeout: 20_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Первый запуск Отклика');
    await page.getByLabel('Код настройки из журнала сервера').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
    await fillOrganisation(page, {
      name: 'Администрация Конышевского района',
      login: 'glava',
      password: 'лодка-речка-2027',
    });
    await screenshot(page, 'first-run-desktop', true);
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), POLL).toMatch(/Неверный/);
  });

  it('names a weak password and mismatched repeat next to the fields', async () => {
    await page.getByLabel('Код настройки из журнала сервера').fill(code);
    await fillOrganisation(page, {
      name: 'Администрация Конышевского района',
      login: 'glava',
      password: 'лодка-речка-2027',
      again: 'другой',
    });
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await expect.poll(() => page.getByText('Пароли не совпадают').count(), POLL).toBe(1);
    await fillOrganisation(page, { name: 'Администрация Конышевского района', login: 'glava', password: 'qwertyuiop' });
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await expect.poll(() => page.getByText(/слишком распространён/).count(), POLL).toBeGreaterThan(0);
  });

  it('creates the organisation, signs the administrator in, and the code is used up', async () => {
    await fillOrganisation(page, {
      name: 'Администрация Конышевского района',
      login: 'glava',
      password: 'лодка-речка-2027',
    });
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/admin'), { timeout: 20_000 });
    await expect.poll(() => page.getByRole('link', { name: 'Организации' }).count(), POLL).toBe(1);
    // The first-run page is gone for everyone.
    const again = await (await suite.browser.newContext()).newPage();
    await again.goto(`${suite.server.url}/setup`);
    await again.waitForURL((u) => u.pathname === '/login', { timeout: 20_000 });
  });

  it('lets the region administrator create a second organisation whose administrator sees only their own', async () => {
    await page.getByRole('link', { name: 'Организации' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /Конышевского/ }).count(), POLL).toBe(1);
    await fillOrganisation(page, {
      name: 'Администрация города Славгорода',
      login: 'slav-admin',
      password: 'степь-и-озеро-2027',
    });
    await page.getByLabel('Регламент').selectOption('slavgorod-2020');
    expect(await page.getByLabel('Часовой пояс').inputValue()).toBe('Asia/Barnaul');
    await page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => page.getByText(/входит с логином slav-admin/).count(), POLL).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: /Славгорода/ }).count(), POLL).toBe(1);
    await screenshot(page, 'organisations-admin', true);

    const other = await (
      await suite.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' })
    ).newPage();
    await other.goto(`${suite.server.url}/login`);
    await other.getByLabel('Логин').fill('slav-admin');
    await other.getByLabel('Пароль').fill('степь-и-озеро-2027');
    await other.getByRole('button', { name: 'Войти' }).click();
    await other.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
    await other.goto(`${suite.server.url}/admin/people`);
    await expect.poll(() => other.getByRole('cell', { name: 'slav-admin' }).count(), POLL).toBe(1);
    expect(await other.getByRole('cell', { name: 'glava' }).count()).toBe(0);
    expect(await other.getByRole('link', { name: 'Организации' }).count()).toBe(0);
    await screenshot(other, 'second-admin-phone', true);
  });
});
