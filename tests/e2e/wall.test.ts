// The wall display (/wall?token=…): never a login prompt; a readable message without a token or with a wrong one;
// with a token from the administrator it shows open cases without personal data, follows a change without a reload,
// says "соединение потеряно — переподключение" while the server restarts and heals itself afterwards.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { registerCase, triageAndRoute } from './support/api';
import { screenshot } from './support/browser';
import { findPeople } from './support/people';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 30_000, interval: 250 };

describeInBrowser('wall display', (suite) => {
  let token: string;

  beforeAll(async () => {
    const admin = await suite.api('admin');
    token = (await admin.api.intake.createDisplayToken.mutate({ name: 'Табло в приёмной' })).token;
  });

  async function openWall(query: string, height = 1080): Promise<Page> {
    const context = await suite.browser.newContext({ viewport: { width: 1920, height }, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/wall${query}`);
    return page;
  }

  it('without a token it explains what is needed and never asks to sign in', async () => {
    const page = await openWall('');
    await expect.poll(() => page.locator('main').textContent(), POLL).toContain('Для табло нужен ключ');
    expect(new URL(page.url()).pathname).toBe('/wall');
    expect(await page.getByLabel('Пароль').count()).toBe(0);
    await page.context().close();
  });

  it('with a wrong token it says the key is invalid, still without a login prompt', async () => {
    const page = await openWall('?token=wall_wrong');
    await expect.poll(() => page.getByRole('alert').first().textContent(), POLL).toMatch(/недействителен|потеряно/);
    expect(new URL(page.url()).pathname).toBe('/wall');
    expect(await page.getByLabel('Пароль').count()).toBe(0);
    await page.context().close();
  });

  it('shows open cases without authors, follows a change live, and heals after a server restart', async () => {
    const { operator, curator } = await suite.apis('operator', 'curator');
    const people = await findPeople(curator, ['zhkh']);
    const author = 'Сидорова Анна Викторовна';
    const caseId = await registerCase(operator, { text: 'Не убран снег у остановки «Школа».', author });
    const { case: c } = await operator.api.cases.detail.query({ caseId });

    // A very tall screen holds every demo case on one page, so the test need not wait for auto-paging.
    const page = await openWall(`?token=${encodeURIComponent(token)}`, 8000);
    const row = page.locator(`li[data-case-number="${c.number}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain(author);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => page.locator('.wall-page').count(), POLL).toBe(1);
    await screenshot(page, 'wall');
    await page.setViewportSize({ width: 1920, height: 8000 });
    await expect.poll(() => row.count(), POLL).toBe(1);

    await triageAndRoute(
      curator,
      caseId,
      { topic: 'ЖКХ', location: 'ост. «Школа»', category: 'ordinary' },
      people.zhkh!,
    );
    await expect
      .poll(() => row.locator('[data-testid="wall-dept"]').textContent(), { timeout: 60_000, interval: 500 })
      .toBe(people.zhkh!.department.name);

    await suite.server.stop();
    await expect.poll(() => page.getByTestId('wall-offline').count(), POLL).toBe(1);
    expect(await page.getByTestId('wall-offline').textContent()).toContain('соединение потеряно — переподключение');
    await suite.server.restart();
    await expect.poll(() => page.getByTestId('wall-offline').count(), { timeout: 60_000, interval: 500 }).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/wall');
    await page.context().close();
  });
});
