// Administration through the browser: a department, a wall display token (shown once, with the wall's address), and
// a custom regulation profile made from a preset, with a validation message next to the field that is wrong.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser, screenshot, signedInPage } from './support/browser';
import { buildWeb, startTestServer, type TestServer } from './support/server';

const POLL = { timeout: 20_000, interval: 200 };

describe.skipIf(!hasBrowser)('administration', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildWeb();
    server = await startTestServer();
    browser = await launchBrowser();
    page = (await signedInPage(browser, server.url, 'admin')).page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('adds a department', async () => {
    await page.goto(`${server.url}/admin/departments`);
    await page.getByLabel('Название').fill('Отдел архитектуры');
    await page.getByRole('button', { name: 'Создать' }).click();
    // Exactly the name's cell (the next cell's edit button is named "Изменить: Отдел архитектуры").
    await expect.poll(() => page.getByRole('cell', { name: 'Отдел архитектуры', exact: true }).count(), POLL).toBe(1);
  });

  it('an empty department name is refused with a readable message', async () => {
    await page.getByLabel('Название').fill('');
    await page.getByRole('button', { name: 'Создать' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), POLL)
      .toMatch(/Заполните название|Проверьте/);
  });

  it('creates a wall display token and shows it once with the wall address', async () => {
    await page.goto(`${server.url}/admin/displays`);
    await page.getByLabel('Название ключа').fill('Табло в холле');
    await page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => page.getByTestId('new-secret').count(), POLL).toBe(1);
    expect(await page.getByTestId('wall-link').getAttribute('href')).toMatch(/\/wall\?token=wall_/);
    await expect.poll(() => page.getByRole('cell', { name: /Табло в холле/ }).count(), POLL).toBe(1);
  });

  it('creates a custom profile from a preset, naming the wrong field first', async () => {
    await page.goto(`${server.url}/admin/profiles`);
    await page.getByRole('button', { name: /Конышевский/ }).click();
    await page.getByRole('button', { name: /Создать на основе/ }).click();
    await page.getByLabel('Идентификатор (латиница, цифры, дефис)').fill('Мой регламент');
    await page.getByLabel('ответ: Величина', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Создать' }).click();
    const errors = page.locator('.profile-editor .field-error');
    await expect.poll(() => errors.count(), POLL).toBeGreaterThanOrEqual(2);
    const text = (await errors.allTextContents()).join(' | ');
    expect(text).toMatch(/строчные латинские/);
    expect(text).toMatch(/больше нуля/);
    await screenshot(page, 'admin-profile-errors');

    await page.getByLabel('Идентификатор (латиница, цифры, дефис)').fill('konyshevsky-fast');
    await page.getByLabel('ответ: Величина', { exact: true }).fill('240');
    await page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => page.locator('.profile-list li', { hasText: 'свой' }).count(), POLL).toBe(1);
  });
});
