// Accountability in the browser: a person changes their own password (the rule is named at the field, the old
// password stops working), and the administrator reads the sign-ins and that change in the audit log, then exports it.
import { expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 200 };
const NEW_PASSWORD = 'Сосна-у-реки-2026';

describeInBrowser('own password and the audit log', { page: 'observer' }, (suite) => {
  it('changes the password from the user menu, refusing a weak one at the field', async () => {
    // The menu is used once the first page has settled (live connection up), as a person would: a click while the
    // board was still starting left the password page without its fields for the test (4 runs in 10, cause open).
    await suite.page.locator('[data-connection="online"]').waitFor({ timeout: 30_000 });
    await suite.page.getByRole('link', { name: /Ковалёва/ }).click();
    await suite.page.waitForURL(/\/account\/password$/);
    // Typed only once the page has settled (signed in, live connection up), as a person would.
    await suite.page.locator('[data-connection="online"]').waitFor({ timeout: 30_000 });
    await suite.page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
    await suite.page.getByLabel('Текущий пароль').fill('demo');
    await suite.page.getByLabel('Новый пароль', { exact: true }).fill('qwerty12345');
    await suite.page.getByLabel('Новый пароль ещё раз').fill('qwerty12345');
    await suite.page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect
      .poll(() => suite.page.locator('.field-error').allTextContents(), POLL)
      .toEqual([expect.stringMatching(/слишком распространён/)]);
    await suite.page.getByLabel('Новый пароль', { exact: true }).fill(NEW_PASSWORD);
    await suite.page.getByLabel('Новый пароль ещё раз').fill(NEW_PASSWORD);
    await suite.page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect.poll(() => suite.page.locator('.success-message').textContent(), POLL).toMatch(/Пароль изменён/);
    await screenshot(suite.page, 'account-password');
    // The old password no longer signs in.
    const res = await fetch(`${suite.server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'observer', password: 'demo' }),
    });
    expect(res.status).toBe(401);
  });

  it('the administrator sees the change in the audit log, filtered, and downloads it', async () => {
    const admin = (await suite.signedIn('admin')).page;
    await admin.goto(`${suite.server.url}/admin/audit`);
    await admin.getByLabel('Действие').selectOption('password.changed');
    await admin.getByRole('button', { name: 'Показать' }).click();
    await expect.poll(() => admin.getByRole('cell', { name: 'observer', exact: true }).count(), POLL).toBe(1);
    // The action in the reader's language, in the table and in the filter.
    await expect.poll(() => admin.getByRole('cell', { name: 'смена пароля', exact: true }).count(), POLL).toBe(1);
    expect(await admin.getByLabel('Действие').locator('option:checked').textContent()).toBe('смена пароля');
    await screenshot(admin, 'admin-audit');
    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Скачать CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^audit-.+\.csv$/);
  });
});
