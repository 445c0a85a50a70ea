// Concurrent edits are shown, never lost. A draft saved in one window appears live in another that has not touched
// it; two saves from the same base are a visible conflict with both texts. Two curators acting on the same case: the
// later command is refused as a conflict (optimistic concurrency) and the form keeps what its author typed.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { registerCase, triageAndRoute } from './support/api';
import { findPeople } from './support/people';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 200 };

describeInBrowser('a draft edited in two windows', (suite) => {
  let caseId: string;
  let one: Page;
  let two: Page;

  beforeAll(async () => {
    const { operator, curator } = await suite.apis('operator', 'curator');
    const { zhkh } = await findPeople(curator, ['zhkh']);
    caseId = await registerCase(operator, { text: 'Когда починят крышу дома 3 по улице Кирова? Течёт в подъезде.' });
    await triageAndRoute(curator, caseId, { topic: 'ЖКХ', location: 'ул. Кирова, 3', category: 'ordinary' }, zhkh!);
    // The same executor in two windows: the case a person most often overwrites is their own.
    one = (await suite.signedIn('zhkh')).page;
    two = (await suite.signedIn('zhkh')).page;
    for (const page of [one, two]) {
      await page.goto(`${suite.server.url}/cases/${caseId}`);
      await page.getByRole('button', { name: 'Отправить проект' }).click();
    }
  });

  const editor = (page: Page) => page.getByTestId('draft-text');

  it('a saved text appears live in the other, untouched window', async () => {
    await editor(one).fill('Здравствуйте! Кровлю осмотрели,');
    await expect.poll(() => one.locator('.shared-status').textContent(), POLL).toBe('черновик сохранён');
    await expect.poll(() => editor(two).inputValue(), POLL).toBe('Здравствуйте! Кровлю осмотрели,');
  });

  it('two edits from the same version: one window shows both texts, nothing is lost', async () => {
    await editor(two).fill('Здравствуйте! Кровлю осмотрели, ремонт в пятницу.');
    await editor(one).fill('Здравствуйте! Кровлю осмотрели, подъезд просушат.');
    const conflicts = async () =>
      (await one.getByTestId('draft-conflict').count()) + (await two.getByTestId('draft-conflict').count());
    await expect.poll(conflicts, POLL).toBe(1);
    const loser = (await one.getByTestId('draft-conflict').count()) === 1 ? one : two;
    const winner = loser === one ? two : one;
    const theirs = await loser.getByTestId('conflict-theirs').textContent();
    const mine = await loser.getByTestId('conflict-mine').textContent();
    expect(new Set([theirs, mine])).toEqual(
      new Set([
        'Здравствуйте! Кровлю осмотрели, ремонт в пятницу.',
        'Здравствуйте! Кровлю осмотрели, подъезд просушат.',
      ]),
    );
    expect(await editor(loser).inputValue()).toBe(mine);

    await loser.getByRole('button', { name: 'Оставить мой текст' }).click();
    await expect.poll(() => loser.getByTestId('draft-conflict').count(), POLL).toBe(0);
    await expect.poll(() => loser.locator('.shared-status').textContent(), POLL).toBe('черновик сохранён');
    // The winner had not touched its text since its own save, so the chosen text replaces it live.
    await expect.poll(() => editor(winner).inputValue(), POLL).toBe(mine);
  });

  it('two curators triage the same message: the later one sees a conflict and keeps what they typed', async () => {
    const operator = await suite.api('operator');
    const fresh = await registerCase(operator, { text: 'Почему не убирают листья в парке Победы?' });
    const a = (await suite.signedIn('curator')).page;
    const b = (await suite.signedIn('curator2')).page;
    for (const page of [a, b]) {
      await page.goto(`${suite.server.url}/cases/${fresh}`);
      await page.getByRole('button', { name: 'Классифицировать' }).click();
    }
    // Topics come from the organisation's topic directory (NAO p.16 lists are never matched as free text).
    await b.getByLabel('Тема').selectOption({ label: 'Благоустройство' });
    await b.getByLabel('Место').fill('парк Победы');

    await a.getByLabel('Тема').selectOption({ label: 'Уборка снега' });
    await a.getByLabel('Место').fill('парк');
    await a.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => a.locator('.success-message').count(), POLL).toBe(1);

    await b.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect
      .poll(() => b.locator('.command-form .error-message').textContent(), POLL)
      .toContain('изменил другой сотрудник');
    expect(await b.getByLabel('Тема').locator('option:checked').textContent()).toBe('Благоустройство');
    expect(await b.getByLabel('Место').inputValue()).toBe('парк Победы');
  });
});
