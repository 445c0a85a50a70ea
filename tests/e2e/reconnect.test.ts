// A signed-in board survives a server restart: it says "соединение потеряно — переподключение" while the server is
// down, reconnects by itself (the session cookie still valid), and a change made right after the restart reaches it
// without a reload. A bad input on a case form is a readable message next to the field.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { command, registerCase } from './support/api';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 60_000, interval: 250 };

describeInBrowser('reconnecting and readable errors', (suite) => {
  let board: Page;
  let caseId: string;
  let caseNumber: number;

  beforeAll(async () => {
    const operator = await suite.api('operator');
    caseId = await registerCase(operator, { text: 'На улице Гагарина не вывезли мусор.' });
    caseNumber = (await operator.api.cases.detail.query({ caseId })).case.number;
    board = (await suite.signedIn('curator')).page;
  });

  it('shows the lost connection during a restart and heals itself, then follows changes again', async () => {
    await board.goto(`${suite.server.url}/board?q=${encodeURIComponent(`№${caseNumber}`)}`);
    const badge = board.locator('[data-connection]');
    await expect.poll(() => badge.getAttribute('data-connection'), POLL).toBe('online');
    await suite.server.stop();
    await expect.poll(() => badge.getAttribute('data-connection'), POLL).toBe('offline');
    expect(await badge.textContent()).toContain('соединение потеряно — переподключение');
    await suite.server.restart();
    await expect.poll(() => badge.getAttribute('data-connection'), POLL).toBe('online');

    const curator = await suite.api('curator');
    await command(curator, caseId, {
      type: 'triage',
      processable: true,
      topic: 'Вывоз мусора',
      location: 'ул. Гагарина',
      category: 'ordinary',
    });
    await expect
      .poll(() => board.locator(`tr[data-case-id="${caseId}"] .board-topic`).textContent(), POLL)
      .toBe('Вывоз мусора');
    expect(new URL(board.url()).pathname).toBe('/board');
  });

  it('a bad input is a readable message next to the field, and nothing is sent', async () => {
    const page = (await suite.signedIn('curator')).page;
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Направить' }).click();
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    // No department chosen: the domain's schema says the field is required, in Russian.
    await expect.poll(() => page.locator('.field-error').first().textContent(), POLL).toMatch(/обязательное поле/i);
    expect(await page.getByRole('alert').first().textContent()).toContain('Проверьте поля формы');
    await page.context().close();
  });

  it('a refusal of the server is shown as its sentence, not as a code', async () => {
    const page = (await suite.signedIn('curator')).page;
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Сократить срок' }).click();
    // A "shorter" deadline far in the future is longer than the profile's: the server refuses it (NAO p.14 rule).
    await page.getByLabel(/Новый срок/).fill('2030-01-10T10:00');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    const alert = page.locator('.command-form .error-message');
    await expect.poll(() => alert.count(), POLL).toBe(1);
    const text = (await alert.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/UNPROCESSABLE|BAD_REQUEST|\{|\[object/);
    // Worded by the refusal's key through the web's catalogue, in one language (not half of a "ru / en" string).
    expect(text).toMatch(/^Срок не может быть позже установленного регламентом \(.+\)$/);
    await page.context().close();
  });
});
