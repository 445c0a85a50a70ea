// A fast-track ("решаемое") answer needs evidence (krasnoufimsk p.20): without it the form says so next to the field;
// a photo uploaded from the computer becomes a link in the draft, and the draft is then accepted. Fast-track exists
// only in krasnoufimsk-2021 (p.8): the demo's Krasnoufimsk organisation (logins kr-…).
import { beforeAll, expect, it } from 'vitest';
import { registerCase, triageAndRoute } from './support/api';
import { findPeople } from './support/people';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 250 };
// The smallest valid PNG (1×1 transparent pixel).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describeInBrowser('evidence for a fast-track answer', (suite) => {
  let caseId: string;

  beforeAll(async () => {
    const operator = await suite.api('kr-operator');
    const curator = await suite.api('kr-curator');
    const { 'kr-zhkh': zhkh } = await findPeople(curator, ['kr-zhkh']);
    caseId = await registerCase(operator, { text: 'У дома 4 по Лесной разбита лавочка у подъезда.' });
    await triageAndRoute(
      curator,
      caseId,
      { topic: 'Благоустройство', location: 'ул. Лесная, 4', category: 'fast-track' },
      zhkh!,
    );
  });

  it('asks for evidence, takes an uploaded photo, then accepts the draft', async () => {
    const { page } = await suite.signedIn('kr-zhkh');
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Отправить проект' }).click();
    await page.getByTestId('draft-text').fill('Здравствуйте! Лавочку заменили сегодня утром, фото прилагаем.');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => page.locator('.evidence .field-error').textContent(), POLL).toContain('доказательств');

    await page
      .locator('.evidence input[type="file"]')
      .setInputFiles({ name: 'lavochka.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.locator('.evidence a', { hasText: 'lavochka.png' }).count(), POLL).toBe(1);
    const href = await page.locator('.evidence a', { hasText: 'lavochka.png' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/attachments\//);

    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => page.locator('.success-message').count(), POLL).toBe(1);
    await expect.poll(() => page.getByTestId('current-draft').textContent(), POLL).toContain('Лавочку заменили');
  });
});
