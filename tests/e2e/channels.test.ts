// Channels end to end, in a real browser against the fake VK API: the administrator connects the community on the
// admin screen; a citizen's comment posted to VK appears on the curator's board by itself (nobody types it);
// the approved answer, published with one click, appears in the same VK thread and its link on the case.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type FakeVk, startFakeVk } from '../channels/fakes/vk';
import { command } from './support/api';
import { hasBrowser, screenshot } from './support/browser';
import { findPeople } from './support/people';
import { browserSuite } from './support/suite';

const POLL = { timeout: 40_000, interval: 250 };

describe.skipIf(!hasBrowser)('channels: VK comment to board, answer back to VK', () => {
  let vk: FakeVk;
  const suite = browserSuite({
    before: async () => {
      vk = await startFakeVk();
    },
    server: { env: { OTKLIK_SECRET_KEY: randomBytes(32).toString('hex') } },
  });
  afterAll(async () => {
    await vk?.close();
  });

  it('connects, collects by itself, and publishes the approved answer in the same thread', async () => {
    // The administrator connects the community (NAO demo organisation: the curator publishes, p.20).
    const admin = await suite.signedIn('nao-admin');
    await admin.page.goto(`${suite.server.url}/admin/channels`);
    const form = admin.page.locator('form.admin-form');
    await form.getByLabel('Сеть').selectOption('vk');
    await form.getByLabel('Адрес', { exact: true }).fill('https://vk.com/adm_nao_test');
    await form.getByLabel('Подпись').fill('Администрация НАО (тест)');
    await form.getByLabel('Токен').fill(vk.token);
    await form.getByLabel('Адрес API (пусто — адрес сети по умолчанию)').fill(vk.apiBaseUrl);
    await form.getByRole('button', { name: 'Создать' }).click();
    const row = admin.page.locator('table.admin-table tbody tr').filter({ hasText: 'Администрация НАО (тест)' });
    await expect.poll(() => row.textContent(), POLL).toContain('сохранён');
    // The token is not on the page, nor in what the admin API returned to the browser.
    expect(await admin.page.content()).not.toContain(vk.token);
    await expect.poll(() => row.textContent(), POLL).toContain('работает');
    await screenshot(admin.page, 'channels-admin', true);

    // The curator watches the board, filtered to the text about to arrive.
    const curator = await suite.signedIn('nao-curator');
    await curator.page.goto(`${suite.server.url}/board`);
    await curator.page.getByLabel('Поиск').fill('Сосулька');
    const text = 'Сосулька над входом в поликлинику на ул. Ленина, 12 — опасно!';
    const commentId = vk.comment({ postId: 77, fromId: 4242, text });
    const boardRow = curator.page.locator('.board-excerpt', { hasText: 'Сосулька над входом' });
    await expect.poll(() => boardRow.count(), POLL).toBe(1);
    await screenshot(curator.page, 'channels-board');

    // Triage, routing, draft and approval as usual (API set-up), then the curator publishes in the browser.
    const api = await suite.api('nao-curator');
    const board = await api.api.cases.board.query({});
    const caseId = board.cases.find((c) => c.excerpt.startsWith('Сосулька'))!.id;
    const people = await findPeople(api, ['nao-zhkh']);
    const zhkh = people['nao-zhkh']!;
    await command(api, caseId, {
      type: 'triage',
      processable: true,
      topic: 'ЖКХ',
      location: 'ул. Ленина, 12',
      category: 'ordinary',
    });
    await command(api, caseId, {
      type: 'route',
      mode: 'single',
      assignments: [{ departmentId: zhkh.department.id, executorId: zhkh.person.id }],
    });
    const executor = await suite.api('nao-zhkh');
    const answer = 'Сосульку собьют сегодня до 15:00, вход огорожен. Спасибо, что сообщили!';
    await command(executor, caseId, { type: 'submit-draft', kind: 'answer', text: answer, attachments: [] });
    await command(api, caseId, { type: 'approve' });

    await curator.page.goto(`${suite.server.url}/cases/${caseId}`);
    await curator.page.getByRole('button', { name: 'Опубликовать через аккаунт сети' }).click();
    await curator.page.getByRole('button', { name: 'Опубликовать', exact: true }).click();
    await expect.poll(() => vk.repliesTo(commentId).map((c) => c.text), POLL).toEqual([answer]);
    const link = curator.page.getByRole('link', { name: 'Ответ в сети' });
    await expect.poll(() => link.count(), POLL).toBe(1);
    expect(await link.getAttribute('href')).toContain(`vk.com/wall-${vk.groupId}_77?reply=`);
    await screenshot(curator.page, 'channels-case-published', true);
    // Published once, however often the page or the worker looked.
    expect(vk.repliesTo(commentId).length).toBe(1);

    // On a phone the case with its channel panel is one readable column.
    const phone = await suite.signedIn('nao-curator', { width: 390, height: 844 });
    await phone.page.goto(`${suite.server.url}/cases/${caseId}`);
    await expect.poll(() => phone.page.getByRole('link', { name: 'Ответ в сети' }).count(), POLL).toBe(1);
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(phone.page, 'channels-case-phone', true);
  });
});
