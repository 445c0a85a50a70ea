// Administration through the browser: a department, a wall display token (shown once, with the wall's address), and
// a custom regulation profile made from a preset, with a validation message next to the field that is wrong.
import { expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 200 };

describeInBrowser('administration', { page: 'admin' }, (suite) => {
  it('adds a department', async () => {
    await suite.page.goto(`${suite.server.url}/admin/departments`);
    await suite.page.getByLabel('Название').fill('Отдел архитектуры');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    // Exactly the name's cell (the next cell's edit button is named "Изменить: Отдел архитектуры").
    await expect
      .poll(() => suite.page.getByRole('cell', { name: 'Отдел архитектуры', exact: true }).count(), POLL)
      .toBe(1);
  });

  it('an empty department name is refused with a readable message', async () => {
    await suite.page.getByLabel('Название').fill('');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    await expect
      .poll(() => suite.page.getByRole('alert').first().textContent(), POLL)
      .toMatch(/Заполните название|Проверьте/);
  });

  it('creates a wall display token and shows it once with the wall address', async () => {
    await suite.page.goto(`${suite.server.url}/admin/displays`);
    await suite.page.getByLabel('Название ключа').fill('Табло в холле');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => suite.page.getByTestId('new-secret').count(), POLL).toBe(1);
    expect(await suite.page.getByTestId('wall-link').getAttribute('href')).toMatch(/\/wall\?token=wall_/);
    await expect.poll(() => suite.page.getByRole('cell', { name: /Табло в холле/ }).count(), POLL).toBe(1);
  });

  it('creates a custom profile from a preset, naming the wrong field first', async () => {
    await suite.page.goto(`${suite.server.url}/admin/profiles`);
    await suite.page.getByRole('button', { name: /Конышевский/ }).click();
    await suite.page.getByRole('button', { name: /Создать на основе/ }).click();
    await suite.page.getByLabel('Идентификатор (латиница, цифры, дефис)').fill('Мой регламент');
    await suite.page.getByLabel('ответ: Величина', { exact: true }).fill('0');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    const errors = suite.page.locator('.profile-editor .field-error');
    await expect.poll(() => errors.count(), POLL).toBeGreaterThanOrEqual(2);
    const text = (await errors.allTextContents()).join(' | ');
    expect(text).toMatch(/строчные латинские/);
    expect(text).toMatch(/больше нуля/);
    await screenshot(suite.page, 'admin-profile-errors');

    await suite.page.getByLabel('Идентификатор (латиница, цифры, дефис)').fill('konyshevsky-fast');
    await suite.page.getByLabel('ответ: Величина', { exact: true }).fill('240');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => suite.page.locator('.profile-list li', { hasText: 'свой' }).count(), POLL).toBe(1);
  });
});
